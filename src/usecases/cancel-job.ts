import { JobNotFoundError, NotAllowedError } from '../core/errors.js';
import { type Job, StepName } from '../core/jobs/job.js';
import { JobState } from '../core/jobs/job-states.js';
import { currentStep } from '../core/jobs/job-steps.js';
import { cancel } from '../core/jobs/transitions.js';
import { type SlackMessage, textMessage } from '../core/messages/blocks.js';
import { snapshotOf } from '../core/plans/plan-targets.js';
import { planSnapshotDelete } from '../core/plans/snapshot-plans.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { approvesFor } from './approvers.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { governingCluster, showJob } from './job-notices.js';
import { submitPlan } from './request-job.js';

async function assertMayCancel(context: BotContext, job: Job, userId: string): Promise<void> {
  const policy = clusterNamed(context, governingCluster(job.plan)).config.approval;
  if (job.requestedBy !== userId && !(await approvesFor(context, policy, userId))) {
    throw new NotAllowedError((words) => words.cancelNotAllowed(job.id));
  }
}

/** The snapshot a running job is taking right now, if it is at that point. */
function runningSnapshotStep(job: Job) {
  const current = currentStep(job);
  return job.state === JobState.RUNNING && current?.name === StepName.AWAIT_SNAPSHOT ? current : undefined;
}

/**
 * Stopping a running snapshot means deleting it, which is destructive: it becomes a snapshot deletion job with
 * its own approval. Once the snapshot is gone, the running job ends FAILED, saying so.
 */
async function requestSnapshotAbort(context: BotContext, job: Job, task: CommandTask): Promise<SlackMessage> {
  const step = runningSnapshotStep(job);
  if (step === undefined) {
    const { id, state } = job;
    throw new NotAllowedError((words) => words.pastStopping(id, state.toLowerCase()));
  }
  const { repository, snapshot } = snapshotOf(job.plan);
  const { uuid } = await clusterNamed(context, step.cluster).client.getSnapshot(repository, snapshot);
  const plan = planSnapshotDelete(step.cluster, repository, snapshot, uuid);
  const jobId = context.ids.jobIdFor(`cancel:${job.id}`);
  const text = context.catalog.stopRequestText(task.text, snapshot);
  await submitPlan(context, plan, { jobId, userId: task.userId, text, channelId: task.channelId });
  return textMessage(context.catalog.stoppingJob(job.id, snapshot, jobId));
}

/**
 * `cancel <id>`: a request waiting for approval, or a job not yet started, ends CANCELLED and its message loses
 * its buttons. A running snapshot is stopped by deleting it, after approval. Its requester or an approver of its
 * cluster may cancel.
 */
async function cancelJob(context: BotContext, jobId: string, task: CommandTask): Promise<SlackMessage> {
  const job = await context.jobs.get(jobId);
  if (job === undefined) throw new JobNotFoundError(jobId);
  await assertMayCancel(context, job, task.userId);
  if (job.state !== JobState.PENDING_APPROVAL && job.state !== JobState.QUEUED) {
    return requestSnapshotAbort(context, job, task);
  }
  const cancelled = await context.jobs.update(cancel(job, task.userId, context.clock.now()));
  context.logger.info({ jobId, by: task.userId }, 'job cancelled');
  await showJob(context, cancelled);
  return textMessage(context.catalog.jobCancelled(jobId));
}

export { cancelJob };
