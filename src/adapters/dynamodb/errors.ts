/**
 * Errors of the DynamoDB adapter. The SDK's own errors never leave this folder: a refused conditional write
 * becomes the domain's JobConflictError, and anything else is wrapped once in JobStoreError.
 */

/** A stored item that does not read back as a job: which job, which fields, and why. */
class MalformedJobItemError extends Error {
  readonly code = 'malformed_job_item';

  constructor(
    readonly jobId: string,
    /** Attribute paths as stored, e.g. `job.plan.restores.0.target`. */
    readonly fields: string[],
    reasons: string,
    options?: ErrorOptions,
  ) {
    super(`stored job ${jobId} is malformed: ${reasons}`, options);
    this.name = 'MalformedJobItemError';
  }
}

/** DynamoDB failed (throttled, unreachable, table missing …): what we were doing, with the SDK error as cause. */
class JobStoreError extends Error {
  readonly code = 'job_store_failed';

  constructor(
    readonly operation: string,
    readonly jobId: string | undefined,
    options: ErrorOptions & { cause: unknown },
  ) {
    const subject = jobId === undefined ? '' : ` job ${jobId}`;
    const reason = options.cause instanceof Error ? `${options.cause.name}: ${options.cause.message}` : 'unknown error';
    super(`job store could not ${operation}${subject} (${reason})`, options);
    this.name = 'JobStoreError';
  }
}

export { JobStoreError, MalformedJobItemError };
