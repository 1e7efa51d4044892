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

/** Why an index would go: deleted by `delete-index`, or replaced by a restore (`replace`): each has its own way out. */
type DeletionPurpose = 'delete' | 'replace';

class ProtectedIndexError extends BotError {
  constructor(
    readonly index: string,
    readonly pattern: string,
    readonly purpose: DeletionPurpose = 'delete',
  ) {
    super('protected_index', (words) => words.protectedIndex(index, pattern, purpose));
    this.name = 'ProtectedIndexError';
  }
}

class AutomatedRepositoryError extends BotError {
  constructor(readonly repository: string) {
    super('automated_repository', (words) => words.automatedRepository(repository));
    this.name = 'AutomatedRepositoryError';
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

/**
 * An error the bot does not know (a bug, an SDK failure), wrapped once at the edge that replies: what it says
 * points at the log line by `reference`, and the original stays as `cause` for the log only.
 */
class UnexpectedError extends BotError {
  constructor(
    readonly reference: string,
    options?: ErrorOptions,
  ) {
    super('unexpected', (words) => words.unexpected(reference), options);
    this.name = 'UnexpectedError';
  }
}

export type { DeletionPurpose, Saying };
export {
  AutomatedRepositoryError,
  BotError,
  InvalidResourceNameError,
  InvalidTransitionError,
  JobConflictError,
  JobNotFoundError,
  NotAllowedError,
  ProtectedIndexError,
  UnexpectedError,
  UsageError,
};
