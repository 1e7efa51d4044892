import { JobConflictError } from '../core/errors.js';
import type { Job } from '../core/jobs/job.js';
import { JobState } from '../core/jobs/job-states.js';
import { effectiveState, expire } from '../core/jobs/transitions.js';
import type { BotContext } from './bot-context.js';
import { showJob } from './job-notices.js';
import { runJob } from './run-job.js';

function leaseIsLive(job: Job, now: Date): boolean {
  return job.lease !== undefined && Date.parse(job.lease.until) > now.getTime();
}

async function expireRequest(context: BotContext, job: Job): Promise<void> {
  try {
    const expired = await context.jobs.update(expire(job, context.clock.now()));
    context.logger.info({ jobId: job.id }, 'approval request expired');
    await showJob(context, expired);
  } catch (error) {
    if (!(error instanceof JobConflictError)) throw error;
  }
}

/**
 * One tick of the safety net: requests nobody approved in time expire (their buttons go away), and jobs that
 * wait for the cluster, or whose worker died, run their next step. Finds the jobs through the active-jobs
 * index, so its cost grows with the active jobs, not with the table.
 */
async function pollActiveJobs(context: BotContext): Promise<{ expired: number; resumed: number }> {
  const now = context.clock.now();
  const active = await context.jobs.listActive();
  let expired = 0;
  let resumed = 0;
  for (const job of active) {
    if (job.state === JobState.PENDING_APPROVAL) {
      if (effectiveState(job, now) === JobState.EXPIRED) {
        await expireRequest(context, job);
        expired += 1;
      }
    } else if (!leaseIsLive(job, now)) {
      try {
        await runJob(context, job.id);
        resumed += 1;
      } catch (error) {
        context.logger.error({ jobId: job.id, err: error }, 'resuming the job failed; the next tick tries again');
      }
    }
  }
  return { expired, resumed };
}

export { pollActiveJobs };
