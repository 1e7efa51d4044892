import type { Job } from './jobs/job.js';
import { type ErrorWords, LOG_WORDS } from './words/error-words.js';
import type { Said } from './words/language.js';
import type { NameKind, NameReason } from './words/usage-words.js';

/** How an error puts itself into words, given the words of the reader's language. */
type Saying = (words: ErrorWords) => Said;

/**
 * Domain errors. Each one has a stable `code` (for tests, logs and metrics) and says itself in the reader's
 * language through the catalog (`saidIn`); `message` and `hint` are the English, for logs.
 */
class BotError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  private readonly saying: Saying;

  constructor(code: string, saying: Saying, options?: ErrorOptions) {
    const said = saying(LOG_WORDS);
    super(said.text, options);
    this.name = 'BotError';
    this.code = code;
    this.hint = said.hint;
    this.saying = saying;
  }

  /** What this error tells a person, in the words of their language. */
  saidIn(words: ErrorWords): Said {
    return this.saying(words);
  }
}

class UsageError extends BotError {
  constructor(saying: Saying, options?: ErrorOptions) {
    super('usage', saying, options);
    this.name = 'UsageError';
  }
}

class InvalidResourceNameError extends BotError {
  constructor(
    readonly kind: NameKind,
    readonly value: string,
    readonly reason: NameReason,
  ) {
    super('invalid_resource_name', (words) => words.invalidResourceName(kind, value, reason));
    this.name = 'InvalidResourceNameError';
  }
}

class ProtectedIndexError extends BotError {
  constructor(
    readonly index: string,
    readonly pattern: string,
  ) {
    super('protected_index', (words) => words.protectedIndex(index, pattern));
    this.name = 'ProtectedIndexError';
  }
}

class AutomatedRepositoryError extends BotError {
  constructor(readonly repository: string) {
    super('automated_repository', (words) => words.automatedRepository(repository));
    this.name = 'AutomatedRepositoryError';
  }
}

type ClusterErrorOptions = ErrorOptions & { statusCode?: number };

/** Base class of everything a cluster answered (or failed to answer) that we translate for people. */
class ClusterError extends BotError {
  readonly cluster: string;
  readonly statusCode: number | undefined;

  constructor(cluster: string, code: string, saying: Saying, options: ClusterErrorOptions = {}) {
    super(code, saying, options);
    this.name = 'ClusterError';
    this.cluster = cluster;
    this.statusCode = options.statusCode;
  }
}

class SnapshotNameTakenError extends ClusterError {
  constructor(cluster: string, repository: string, snapshot: string, options?: ErrorOptions) {
    super(cluster, 'snapshot_name_taken', (words) => words.snapshotNameTaken(cluster, repository, snapshot), {
      ...options,
      statusCode: 400,
    });
    this.name = 'SnapshotNameTakenError';
  }
}

class ConcurrentSnapshotError extends ClusterError {
  constructor(cluster: string, reason: string, options?: ClusterErrorOptions) {
    super(cluster, 'concurrent_snapshot', (words) => words.concurrentSnapshot(cluster, reason), options);
    this.name = 'ConcurrentSnapshotError';
  }
}

class RepositoryMissingError extends ClusterError {
  constructor(
    cluster: string,
    readonly repository: string,
    options?: ErrorOptions,
  ) {
    super(cluster, 'repository_missing', (words) => words.repositoryMissing(cluster, repository), {
      ...options,
      statusCode: 404,
    });
    this.name = 'RepositoryMissingError';
  }
}

class SnapshotMissingError extends ClusterError {
  constructor(cluster: string, repository: string, snapshot: string, options?: ErrorOptions) {
    super(cluster, 'snapshot_missing', (words) => words.snapshotMissing(cluster, repository, snapshot), {
      ...options,
      statusCode: 404,
    });
    this.name = 'SnapshotMissingError';
  }
}

class RestoreBlockedByOpenIndexError extends ClusterError {
  constructor(
    cluster: string,
    readonly index: string,
    options?: ErrorOptions,
  ) {
    super(cluster, 'restore_blocked_by_open_index', (words) => words.restoreBlockedByOpenIndex(cluster, index), {
      ...options,
      statusCode: 500,
    });
    this.name = 'RestoreBlockedByOpenIndexError';
  }
}

class IndexNotFoundError extends ClusterError {
  constructor(
    cluster: string,
    readonly index: string,
    options?: ErrorOptions,
  ) {
    super(cluster, 'index_not_found', (words) => words.indexNotFound(cluster, index), { ...options, statusCode: 404 });
    this.name = 'IndexNotFoundError';
  }
}

class ClusterAccessDeniedError extends ClusterError {
  constructor(cluster: string, reason: string, options: ErrorOptions & { statusCode: number; hint: string }) {
    super(cluster, 'cluster_access_denied', (words) => words.accessDenied(cluster, reason, options.hint), options);
    this.name = 'ClusterAccessDeniedError';
  }
}

class ClusterUnreachableError extends ClusterError {
  constructor(cluster: string, reason: string, options?: ErrorOptions) {
    super(cluster, 'cluster_unreachable', (words) => words.clusterUnreachable(cluster, reason), options);
    this.name = 'ClusterUnreachableError';
  }
}

class ClusterRequestError extends ClusterError {
  constructor(
    cluster: string,
    readonly type: string,
    reason: string,
    options: ErrorOptions & { statusCode: number; hint?: string },
  ) {
    super(
      cluster,
      'cluster_request_failed',
      (words) => words.requestFailed(cluster, type, reason, options.hint),
      options,
    );
    this.name = 'ClusterRequestError';
  }
}

class JobConflictError extends BotError {
  constructor(
    readonly currentJob: Job,
    options?: ErrorOptions,
  ) {
    const { id, state, version } = currentJob;
    super('job_conflict', (words) => words.jobConflict(id, state, version), options);
    this.name = 'JobConflictError';
  }
}

class JobNotFoundError extends BotError {
  constructor(readonly jobId: string) {
    super('job_not_found', (words) => words.jobNotFound(jobId));
    this.name = 'JobNotFoundError';
  }
}

class InvalidTransitionError extends BotError {
  constructor(
    readonly jobId: string,
    readonly from: string,
    readonly event: string,
  ) {
    super('invalid_transition', (words) => words.invalidTransition(jobId, from, event));
    this.name = 'InvalidTransitionError';
  }
}

class NotAllowedError extends BotError {
  constructor(saying: Saying, options?: ErrorOptions) {
    super('not_allowed', saying, options);
    this.name = 'NotAllowedError';
  }
}

export type { Saying };
export {
  AutomatedRepositoryError,
  BotError,
  ClusterAccessDeniedError,
  ClusterError,
  ClusterRequestError,
  ClusterUnreachableError,
  ConcurrentSnapshotError,
  IndexNotFoundError,
  InvalidResourceNameError,
  InvalidTransitionError,
  JobConflictError,
  JobNotFoundError,
  NotAllowedError,
  ProtectedIndexError,
  RepositoryMissingError,
  RestoreBlockedByOpenIndexError,
  SnapshotMissingError,
  SnapshotNameTakenError,
  UsageError,
};
