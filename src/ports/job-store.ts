import type { Job } from '../core/jobs/job.js';

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
  /** Jobs not in a final state, and ended jobs not yet told, oldest first, from a sparse index (never a scan). */
  listActive(): Promise<Job[]>;
  /** The newest jobs one user requested, newest first. */
  listRequestedBy(userId: string, limit: number): Promise<Job[]>;
}

export type { JobStore };
