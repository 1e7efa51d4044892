interface IdSource {
  /**
   * The job id for a request: the same Slack request (a retry, a repeated payload) always gets the same id, so
   * it can never create a second job.
   */
  jobIdFor(requestKey: string): string;
  /** A fresh id for a log reference or a worker's lease. */
  newId(): string;
}

export type { IdSource };
