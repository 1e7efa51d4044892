/** Why a worker could not prove that it still holds a job's lease. */
type LeaseLoss =
  /** The stored lease carries another token, or none: another worker claimed the job, or it ended. */
  | 'taken'
  /** The table did not answer the renewal: the lease may run out while this worker cannot tell. */
  | 'unconfirmed'
  /** The renewal answered so late that what is left of the lease would not cover the call. */
  | 'too-late';

/**
 * A worker could not prove, right before a side effect on a cluster or a write of the job, that it still holds
 * the job: it stops without acting and writes nothing more. Not a BotError: nobody is told, the job goes on with
 * whichever worker holds it (or with the next claim once this lease runs out).
 */
class LeaseLostError extends Error {
  readonly code = 'lease_lost';

  constructor(
    readonly jobId: string,
    readonly owner: string,
    readonly reason: LeaseLoss,
    /** What the worker was about to do: a cluster call (`deleteIndices`) or `write`. */
    readonly call: string,
    /** The cluster of the call; absent for a write of the job. */
    readonly cluster: string | undefined,
    /** The step that was running, once known. */
    readonly step?: string,
    options?: ErrorOptions,
  ) {
    super(
      `job ${jobId}: lease of ${owner} ${reason} before ${call}${cluster === undefined ? '' : ` on ${cluster}`}`,
      options,
    );
    this.name = 'LeaseLostError';
  }

  /** The same loss, said to have happened during `step` (the fence that found it does not know the step). */
  during(step: string, cluster: string): LeaseLostError {
    return new LeaseLostError(this.jobId, this.owner, this.reason, this.call, this.cluster ?? cluster, step, {
      cause: this.cause,
    });
  }
}

export type { LeaseLoss };
export { LeaseLostError };
