import { JobConflictError, JobNotFoundError } from '../../src/core/errors.js';
import type { Job, Lease } from '../../src/core/jobs/job.js';
import { isFinal, JobState } from '../../src/core/jobs/job-states.js';
import { awaitsTelling } from '../../src/core/jobs/outcome-telling.js';
import type { JobStore } from '../../src/ports/job-store.js';

/**
 * A JobStore in a Map, for unit tests of use cases. It keeps the DynamoDB store's rules (the shared contract in
 * test/contract/job-store-contract.ts runs against both): conditional create and update, JobConflictError with
 * the current job, JobNotFoundError for an update of an unknown id. Jobs are copied in and out, so a test cannot
 * change a stored job by mutating an object it holds, just as it could not change a DynamoDB item.
 */
/** Oldest first, comparing code units as DynamoDB compares a string range key (by bytes), not by locale. */
function byCreatedAt(a: Job, b: Job): number {
  if (a.createdAt === b.createdAt) return 0;
  return a.createdAt < b.createdAt ? -1 : 1;
}

class InMemoryJobStore implements JobStore {
  readonly #jobs = new Map<string, Job>();

  async create(job: Job): Promise<Job> {
    const existing = this.#jobs.get(job.id);
    if (existing !== undefined) throw new JobConflictError(structuredClone(existing));
    this.#jobs.set(job.id, structuredClone(job));
    return job;
  }

  async get(id: string): Promise<Job | undefined> {
    const job = this.#jobs.get(id);
    return job === undefined ? undefined : structuredClone(job);
  }

  async update(job: Job): Promise<Job> {
    return this.#conditionalPut(job);
  }

  #conditionalPut(job: Job): Job {
    const current = this.#jobs.get(job.id);
    if (current === undefined) throw new JobNotFoundError(job.id);
    if (current.version !== job.version - 1) throw new JobConflictError(structuredClone(current));
    this.#jobs.set(job.id, structuredClone(job));
    return job;
  }

  async claim(job: Job, now: Date): Promise<Job> {
    const current = this.#jobs.get(job.id);
    const until = current?.lease?.until;
    if (current !== undefined && until !== undefined && Date.parse(until) > now.getTime()) {
      throw new JobConflictError(structuredClone(current));
    }
    return this.#conditionalPut(job);
  }

  async renewLease(jobId: string, lease: Lease): Promise<boolean> {
    const current = this.#jobs.get(jobId);
    const held = current?.lease;
    if (current?.state !== JobState.RUNNING || held === undefined || lease.token === undefined) return false;
    if (held.token !== lease.token) return false;
    this.#jobs.set(jobId, { ...current, lease: { ...held, until: lease.until } });
    return true;
  }

  async listActive(): Promise<Job[]> {
    const active = [...this.#jobs.values()].filter((job) => !isFinal(job.state) || awaitsTelling(job));
    return active.sort(byCreatedAt).map((job) => structuredClone(job));
  }

  async listRequestedBy(userId: string, limit: number): Promise<Job[]> {
    const mine = [...this.#jobs.values()].filter((job) => job.requestedBy === userId);
    const newestFirst = mine.sort(byCreatedAt).reverse();
    return newestFirst.slice(0, Math.max(limit, 0)).map((job) => structuredClone(job));
  }

  async listFinished(team: string | undefined, limit: number): Promise<Job[]> {
    const finished = [...this.#jobs.values()].filter(
      (job) => isFinal(job.state) && job.outcomeTold !== false && job.team === team,
    );
    const latestFirst = finished.sort((left, right) => right.updatedAt.localeCompare(left.updatedAt));
    return latestFirst.slice(0, Math.max(limit, 0)).map((job) => structuredClone(job));
  }

  /** Every stored job, for a test's assertions. */
  all(): Job[] {
    return [...this.#jobs.values()].map((job) => structuredClone(job));
  }
}

export { InMemoryJobStore };
