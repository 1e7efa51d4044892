import { clustersOfPlan } from '../core/commands/clusters-named.js';
import { JobConflictError, JobNotFoundError, NotAllowedError } from '../core/errors.js';
import type { Job } from '../core/jobs/job.js';
import { isFinal, JobState } from '../core/jobs/job-states.js';
import { cancel, effectiveState, requestCancel } from '../core/jobs/transitions.js';
import { type SlackMessage, textMessage } from '../core/messages/blocks.js';
import { transitionMetrics } from '../core/metrics/job-metrics.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { approvesFor } from './approvers.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { assertChannelAllowed } from './channel-rules.js';
import { governingCluster, showJob } from './job-notices.js';

/** How often a cancel is re-read and retried when the job's worker wrote first. */
const MAX_ATTEMPTS = 5;

async function assertMayCancel(context: BotContext, job: Job, userId: string): Promise<void> {
  const policy = clusterNamed(context, governingCluster(job.plan)).config.approval;
  if (job.requestedBy !== userId && !(await approvesFor(context, policy, userId))) {
    throw new NotAllowedError((words) => words.cancelNotAllowed(job.id));
  }
}

/**
 * A running job is not stopped here: its worker may be in the middle of a step, in this process or another. The
 * cancel is recorded on the job (a write conditional on the version, as every write) and the worker stops at its
 * next safe point; a job waiting between poller ticks is handed to a worker now, so it stops without waiting.
 */
async function askRunningJobToStop(context: BotContext, job: Job, userId: string): Promise<SlackMessage> {
  if (job.cancelRequest !== undefined) {
    return textMessage(context.catalog.alreadyCancelling(job.id, job.cancelRequest.by));
  }
  const asked = await context.jobs.update(requestCancel(job, userId, context.clock.now()));
  context.logger.info({ jobId: job.id, by: userId }, 'cancel asked of a running job');
  await showJob(context, asked);
  await context.tasks.dispatch({ type: 'run-job', jobId: job.id });
  return textMessage(context.catalog.cancelAccepted(job.id));
}

/** Cancels the job as read; a JobConflictError means someone wrote first and the job must be read again. */
async function cancelAsRead(context: BotContext, job: Job, userId: string): Promise<SlackMessage> {
  const state = effectiveState(job, context.clock.now());
  if (isFinal(state)) {
    throw new NotAllowedError((words) => words.pastStopping(job.id, state.toLowerCase()));
  }
  if (state === JobState.RUNNING) return askRunningJobToStop(context, job, userId);
  const cancelled = await context.jobs.update(cancel(job, userId, context.clock.now()));
  context.metrics.record(transitionMetrics(job, cancelled));
  context.logger.info({ jobId: job.id, by: userId }, 'job cancelled');
  await showJob(context, cancelled);
  return textMessage(context.catalog.jobCancelled(job.id));
}

/**
 * `cancel <id>`, by the job's requester or an approver of its cluster. A request waiting for approval, or a job
 * not yet started, ends CANCELLED at once and its message loses its buttons. A running job is asked to stop and
 * ends CANCELLED at its next safe point (see `stopCancelledJob`). A worker claiming a queued job at the same
 * moment is settled by the conditional write: the loser reads the job again.
 */
async function cancelJob(context: BotContext, jobId: string, task: CommandTask): Promise<SlackMessage> {
  for (let attempt = 1; ; attempt += 1) {
    const job = await context.jobs.get(jobId);
    if (job === undefined) throw new JobNotFoundError(jobId);
    assertChannelAllowed(context, clustersOfPlan(job.plan), task.channelId);
    await assertMayCancel(context, job, task.userId);
    try {
      return await cancelAsRead(context, job, task.userId);
    } catch (error) {
      if (!(error instanceof JobConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

export { cancelJob };
