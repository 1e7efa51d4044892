import type { Job, Lease } from '../core/jobs/job.js';

/**
 * Where jobs live. Every write is conditional: `create` only if the id is new, `update` only if the stored
 * version is still `job.version - 1` (the version the caller read). A refused write throws `JobConflictError`
 * carrying the job as it is now.
 */
interface JobStore {
  /** Stores a new job; if a job with this id exists (a repeated request), throws JobConflictError with it. */
  create(job: Job): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  /** Writes `job`, whose `version` the caller has already incremented; refused if someone wrote in between. */
  update(job: Job): Promise<Job>;
  /**
   * Writes a job `claim` took, as `update` does, and only if the stored lease is absent or had run out by `now`:
   * a renewal does not change the version, so the version alone cannot tell a renewed lease from a dead one.
   * Refused with JobConflictError.
   */
  claim(job: Job, now: Date): Promise<Job>;
  /**
   * Moves the stored lease's `until` to `lease.until` if the stored lease still carries `lease.token` and the job
   * is not final; nothing else changes, the version included, so the holder's next write still fits. False when
   * the lease is no longer this holder's (another worker claimed the job, or it ended or was given up).
   */
  renewLease(jobId: string, lease: Lease): Promise<boolean>;
  /** Jobs not in a final state, and ended jobs not yet told, oldest first, from a sparse index (never a scan). */
  listActive(): Promise<Job[]>;
  /** The newest jobs one user requested, newest first. */
  listRequestedBy(userId: string, limit: number): Promise<Job[]>;
  /** The newest finished (and told) jobs of one Slack workspace (undefined: jobs stored without one), latest ending first. */
  listFinished(team: string | undefined, limit: number): Promise<Job[]>;
}

export type { JobStore };
