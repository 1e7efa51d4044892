import type { Job } from './jobs/job.js';

/**
 * Domain errors. Each one has a stable `code` (for tests, logs and message catalogues), a one-line `message`
 * a person can read, and a `hint` that says what to do next.
 */
type BotErrorOptions = ErrorOptions & { hint?: string };

class BotError extends Error {
  readonly code: string = 'bot_error';
  readonly hint: string | undefined;

  constructor(message: string, options: BotErrorOptions = {}) {
    super(message, options);
    this.name = 'BotError';
    this.hint = options.hint;
  }
}

class UsageError extends BotError {
  override readonly code = 'usage';
  constructor(message: string, options?: BotErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

class InvalidResourceNameError extends BotError {
  override readonly code = 'invalid_resource_name';
  constructor(
    readonly kind: 'index' | 'index pattern' | 'snapshot' | 'repository' | 'path segment',
    readonly value: string,
    reason: string,
  ) {
    super(`${kind} name "${value}" ${reason}`, { hint: `Use a plain ${kind} name, e.g. "logs-2026.11".` });
    this.name = 'InvalidResourceNameError';
  }
}

class ProtectedIndexError extends BotError {
  override readonly code = 'protected_index';
  constructor(
    readonly index: string,
    readonly pattern: string,
  ) {
    super(`index "${index}" is protected (matches "${pattern}") and is never deleted`, {
      hint: 'Leave system and protected indices out, or restore under a new name with rename=pattern:replacement.',
    });
    this.name = 'ProtectedIndexError';
  }
}

class AutomatedRepositoryError extends BotError {
  override readonly code = 'automated_repository';
  constructor(readonly repository: string) {
    super(
      `"${repository}" holds the service's automated snapshots: they can be listed and restored, not created or deleted`,
      {
        hint: 'Register your own S3 repository (/es snapshot repo register) and take manual snapshots there.',
      },
    );
    this.name = 'AutomatedRepositoryError';
  }
}

/** Base class of everything a cluster answered (or failed to answer) that we translate for people. */
class ClusterError extends BotError {
  override readonly code: string = 'cluster_error';
  readonly cluster: string;
  readonly statusCode: number | undefined;

  constructor(cluster: string, message: string, options: BotErrorOptions & { statusCode?: number } = {}) {
    super(`${cluster}: ${message}`, options);
    this.name = 'ClusterError';
    this.cluster = cluster;
    this.statusCode = options.statusCode;
  }
}

class SnapshotNameTakenError extends ClusterError {
  override readonly code = 'snapshot_name_taken';
  constructor(cluster: string, repository: string, snapshot: string, options?: ErrorOptions) {
    super(cluster, `snapshot "${snapshot}" already exists in repository "${repository}"`, {
      ...options,
      statusCode: 400,
      hint: 'Pick another snapshot name, or leave the name out and one is generated.',
    });
    this.name = 'SnapshotNameTakenError';
  }
}

class ConcurrentSnapshotError extends ClusterError {
  override readonly code = 'concurrent_snapshot';
  constructor(cluster: string, reason: string, options?: ErrorOptions & { statusCode?: number }) {
    super(cluster, `another snapshot operation is running (${reason})`, {
      ...options,
      hint: 'Wait for it to finish (/es snapshot list shows IN_PROGRESS snapshots), then try again.',
    });
    this.name = 'ConcurrentSnapshotError';
  }
}

class RepositoryMissingError extends ClusterError {
  override readonly code = 'repository_missing';
  constructor(
    cluster: string,
    readonly repository: string,
    options?: ErrorOptions,
  ) {
    super(cluster, `repository "${repository}" is not registered`, {
      ...options,
      statusCode: 404,
      hint: `Register it first: /es snapshot repo register ${cluster} ${repository}`,
    });
    this.name = 'RepositoryMissingError';
  }
}

class SnapshotMissingError extends ClusterError {
  override readonly code = 'snapshot_missing';
  constructor(cluster: string, repository: string, snapshot: string, options?: ErrorOptions) {
    super(cluster, `snapshot "${snapshot}" does not exist in repository "${repository}"`, {
      ...options,
      statusCode: 404,
      hint: `See what is there: /es snapshot list ${cluster} ${repository}`,
    });
    this.name = 'SnapshotMissingError';
  }
}

class RestoreBlockedByOpenIndexError extends ClusterError {
  override readonly code = 'restore_blocked_by_open_index';
  constructor(
    cluster: string,
    readonly index: string,
    options?: ErrorOptions,
  ) {
    super(cluster, `cannot restore "${index}": an open index with the same name exists`, {
      ...options,
      statusCode: 500,
      hint: 'Add `replace` to delete the existing index first (needs approval), or `rename=(.+):restored-$1` to restore beside it.',
    });
    this.name = 'RestoreBlockedByOpenIndexError';
  }
}

class IndexNotFoundError extends ClusterError {
  override readonly code = 'index_not_found';
  constructor(
    cluster: string,
    readonly index: string,
    options?: ErrorOptions,
  ) {
    super(cluster, `no such index "${index}"`, {
      ...options,
      statusCode: 404,
      hint: 'Check the name; wildcards such as logs-* are resolved when you ask.',
    });
    this.name = 'IndexNotFoundError';
  }
}

class ClusterAccessDeniedError extends ClusterError {
  override readonly code = 'cluster_access_denied';
  constructor(cluster: string, reason: string, options: ErrorOptions & { statusCode: number; hint: string }) {
    super(cluster, `access denied: ${reason}`, options);
    this.name = 'ClusterAccessDeniedError';
  }
}

class ClusterUnreachableError extends ClusterError {
  override readonly code = 'cluster_unreachable';
  constructor(cluster: string, reason: string, options?: ErrorOptions) {
    super(cluster, `cluster did not answer (${reason})`, {
      ...options,
      hint: 'Check the endpoint in the cluster config, the network path (VPC domains need a route from the bot) and the cluster health.',
    });
    this.name = 'ClusterUnreachableError';
  }
}

class ClusterRequestError extends ClusterError {
  override readonly code = 'cluster_request_failed';
  constructor(
    cluster: string,
    readonly type: string,
    reason: string,
    options: ErrorOptions & { statusCode: number; hint?: string },
  ) {
    super(cluster, `${type}: ${reason}`, options);
    this.name = 'ClusterRequestError';
  }
}

class JobConflictError extends BotError {
  override readonly code = 'job_conflict';
  constructor(
    readonly currentJob: Job,
    options?: ErrorOptions,
  ) {
    super(`job ${currentJob.id} was changed by someone else (now ${currentJob.state}, version ${currentJob.version})`, {
      ...options,
      hint: `Look at the job again: /es snapshot job ${currentJob.id}`,
    });
    this.name = 'JobConflictError';
  }
}

class JobNotFoundError extends BotError {
  override readonly code = 'job_not_found';
  constructor(readonly jobId: string) {
    super(`there is no job ${jobId}`, {
      hint: 'List jobs with /es snapshot jobs, or your own with /es snapshot jobs mine.',
    });
    this.name = 'JobNotFoundError';
  }
}

class InvalidTransitionError extends BotError {
  override readonly code = 'invalid_transition';
  constructor(
    readonly jobId: string,
    readonly from: string,
    readonly event: string,
  ) {
    super(`job ${jobId} is ${from}: it cannot be ${event} now`);
    this.name = 'InvalidTransitionError';
  }
}

class NotAllowedError extends BotError {
  override readonly code = 'not_allowed';
  constructor(message: string, options?: BotErrorOptions) {
    super(message, options);
    this.name = 'NotAllowedError';
  }
}

export type { BotErrorOptions };
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
