import { JobConflictError } from '../core/errors.js';
import type { Job } from '../core/jobs/job.js';
import { isFinal, JobState } from '../core/jobs/job-states.js';
import { awaitsTelling, takeTelling } from '../core/jobs/outcome-telling.js';
import { effectiveState, expire, hasLiveLease } from '../core/jobs/transitions.js';
import { transitionMetrics } from '../core/metrics/job-metrics.js';
import type { BotContext } from './bot-context.js';
import { showJob, tellOutcome } from './job-notices.js';
import { observeClusters } from './observe-clusters.js';
import { type RunOptions, runJob, type UpdateBudget } from './run-job.js';

type PollOptions = {
  /**
   * Progress-only redraws of job messages one tick may send, all jobs together; a job that changes state is
   * always redrawn. chat.update is Tier 3 (about 50 calls a minute) and the poller runs every minute: 20 leaves
   * room for state changes and for the other updates of that minute.
   * @default 20
   */
  progressUpdatesPerTick?: number;
  /**
   * Jobs whose steps run at once. Each resume waits on table round trips (the claim, the write-back); one after
   * the other, those waits add up: with 5 ms per table request, a tick of 1,000 waiting jobs took 21 s one at a
   * time against 5.5 s 16 at once (docs/BENCHMARKS.md). The clusters are not asked more for it: the waiting reads
   * are answered from the tick's one observation.
   * @default 16
   */
  resumedAtOnce?: number;
};

type TickSummary = {
  /** Approval requests that expired. */
  expired: number;
  /** Jobs whose next step ran. */
  resumed: number;
  /** Reads the tick's one observation asked of the clusters (steps that start work send their own). */
  clusterRequests: number;
};

const DEFAULT_PROGRESS_UPDATES_PER_TICK = 20;
const DEFAULT_RESUMED_AT_ONCE = 16;

function createUpdateBudget(limit: number): UpdateBudget {
  let left = limit;
  return {
    take: () => {
      if (left <= 0) return false;
      left -= 1;
      return true;
    },
  };
}

async function expireRequest(context: BotContext, job: Job): Promise<void> {
  try {
    const expired = await context.jobs.update(expire(job, context.clock.now()));
    context.metrics.record(transitionMetrics(job, expired));
    context.logger.info({ jobId: job.id }, 'approval request expired');
    await showJob(context, expired);
  } catch (error) {
    if (!(error instanceof JobConflictError)) throw error;
  }
}

async function expireOverdue(context: BotContext, jobs: readonly Job[], now: Date): Promise<number> {
  const overdue = jobs.filter(
    (job) => job.state === JobState.PENDING_APPROVAL && effectiveState(job, now) === JobState.EXPIRED,
  );
  for (const job of overdue) await expireRequest(context, job);
  return overdue.length;
}

/** Tells the endings a worker that died left untold; another teller taking one first is left to it. */
async function tellUntold(context: BotContext, jobs: readonly Job[], now: Date): Promise<void> {
  for (const job of jobs.filter((found) => awaitsTelling(found) && !hasLiveLease(found, now))) {
    try {
      const taken = await context.jobs.update(
        takeTelling(job, context.workerId, now, context.leaseMs, context.ids.newId()),
      );
      context.logger.info({ jobId: job.id, state: job.state }, 'telling an ending its worker left untold');
      await tellOutcome(context, taken);
    } catch (error) {
      if (error instanceof JobConflictError) continue;
      context.logger.error({ jobId: job.id, err: error }, 'telling the ending failed; the next tick tries again');
    }
  }
}

/** True when the job's step ran; a failure is logged and left for the next tick. */
async function resume(context: BotContext, job: Job, options: RunOptions): Promise<boolean> {
  try {
    await runJob(context, job.id, { ...options, listed: job });
    return true;
  } catch (error) {
    context.logger.error({ jobId: job.id, err: error }, 'resuming the job failed; the next tick tries again');
    return false;
  }
}

/** Resumes the jobs, oldest first, `atOnce` at a time; returns how many ran their step. */
async function resumeAll(context: BotContext, jobs: readonly Job[], options: RunOptions, atOnce: number) {
  let next = 0;
  let resumed = 0;
  const lane = async () => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      if (await resume(context, job, options)) resumed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, jobs.length)) }, lane));
  return resumed;
}

/**
 * One tick of the safety net: requests nobody approved in time expire (their buttons go away), endings a dead worker
 * left untold are told, and jobs that wait for the cluster, or whose worker died, run their next step. Finds the jobs
 * through the active-jobs index, and asks each cluster once for everything its waiting jobs wait on (see
 * `observeClusters`): its table requests grow with the active jobs, never with the table, and its cluster requests
 * with the clusters and repositories waited on, never with the jobs. Progress-only message updates are shared out
 * within a per-tick budget, and jobs run their steps a few at a time.
 */
async function pollActiveJobs(context: BotContext, options: PollOptions = {}): Promise<TickSummary> {
  const { progressUpdatesPerTick = DEFAULT_PROGRESS_UPDATES_PER_TICK, resumedAtOnce = DEFAULT_RESUMED_AT_ONCE } =
    options;
  const now = context.clock.now();
  const active = await context.jobs.listActive();
  const expired = await expireOverdue(context, active, now);
  await tellUntold(context, active, now);
  const toResume = active.filter(
    (job) => !isFinal(job.state) && job.state !== JobState.PENDING_APPROVAL && !hasLiveLease(job, now),
  );
  const observation = await observeClusters(context, toResume, now);
  const runOptions = { clusterFor: observation.clientFor, updateBudget: createUpdateBudget(progressUpdatesPerTick) };
  const resumed = await resumeAll(context, toResume, runOptions, resumedAtOnce);
  return { expired, resumed, clusterRequests: observation.requests };
}

export type { PollOptions, TickSummary };
export { DEFAULT_PROGRESS_UPDATES_PER_TICK, pollActiveJobs };
