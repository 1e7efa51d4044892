import { planNeedsApproval } from '../core/approval/approval-policy.js';
import { clustersNamedIn } from '../core/commands/clusters-named.js';
import { JobConflictError, NotAllowedError } from '../core/errors.js';
import type { Job, JobPlan } from '../core/jobs/job.js';
import { JobState } from '../core/jobs/job-states.js';
import { newJob } from '../core/jobs/new-job.js';
import { jobMessage } from '../core/messages/job-message.js';
import { transitionMetrics } from '../core/metrics/job-metrics.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { approverGroupMembers } from './approvers.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { governingCluster, showJob } from './job-notices.js';
import { type JobRequest, planRequest } from './plan-request.js';
import { assertMayRequest } from './requesters.js';

type JobOrigin = { jobId: string; userId: string; text: string; channelId: string; teamId: string | undefined };

/** An approval message nobody could complete would only wait for its expiry: such a request is refused now. */
async function assertApprovable(context: BotContext, cluster: string, requester: string): Promise<void> {
  const policy = clusterNamed(context, cluster).config.approval;
  if (policy.approvers.length === 0 && policy.approverGroups.length === 0) {
    throw new NotAllowedError((words) => words.noApprovers(cluster));
  }
  const everyone = new Set([...policy.approvers, ...(await approverGroupMembers(context, policy))]);
  if (!policy.allowSelfApproval) everyone.delete(requester);
  if (everyone.size < policy.required) {
    throw new NotAllowedError((words) => words.tooFewApprovers(cluster, policy.required, everyone.size));
  }
}

/**
 * Stores a planned job and posts its message (with Approve / Reject when it needs approval); a job that needs
 * none is handed to the worker. Creating is conditional on the id, so a repeated request creates nothing.
 */
async function submitPlan(context: BotContext, plan: JobPlan, origin: JobOrigin): Promise<Job | undefined> {
  const cluster = governingCluster(plan);
  const policy = clusterNamed(context, cluster).config.approval;
  if (planNeedsApproval(plan, policy)) await assertApprovable(context, cluster, origin.userId);
  const draft = newJob({
    id: origin.jobId,
    plan,
    requestedBy: origin.userId,
    requestText: origin.text,
    channel: origin.channelId,
    team: origin.teamId,
    policy,
    now: context.clock.now(),
  });
  let created: Job;
  try {
    created = await context.jobs.create(draft);
    context.metrics.record(transitionMetrics(undefined, created));
  } catch (error) {
    if (error instanceof JobConflictError) return undefined;
    throw error;
  }
  context.logger.info(
    { jobId: created.id, cluster: governingCluster(created.plan), kind: created.kind, state: created.state },
    'job requested',
  );
  const { ts } = await context.chat.post(created.channel, jobMessage(created, context.catalog, context.clock.now()));
  const posted = await recordMessage(context, created, ts);
  if (posted.state !== created.state) await showJob(context, posted);
  if (created.state === JobState.QUEUED) await context.tasks.dispatch({ type: 'run-job', jobId: created.id });
  return posted;
}

/**
 * Turns a command into a job: plans it against the cluster, then submits it. The job id comes from Slack's
 * trigger id, so a retried or repeated request finds its job already there and creates nothing.
 */
async function requestJob(context: BotContext, request: JobRequest, task: CommandTask): Promise<void> {
  await assertMayRequest(context, clustersNamedIn(request), task.userId);
  const jobId = context.ids.jobIdFor(`${task.teamId}:${task.triggerId}`);
  if ((await context.jobs.get(jobId)) !== undefined) return;
  const plan = await planRequest(context, request, jobId);
  const { userId, text, channelId, teamId } = task;
  await submitPlan(context, plan, { jobId, userId, text, channelId, teamId });
}

/**
 * Remembers where the job's message is. An approver may click before this write lands (their write wins the
 * version): then the message timestamp is added to the job as it is now.
 */
async function recordMessage(context: BotContext, job: Job, ts: string): Promise<Job> {
  let current = job;
  for (;;) {
    try {
      return await context.jobs.update({ ...current, messageTs: ts, version: current.version + 1 });
    } catch (error) {
      if (!(error instanceof JobConflictError)) throw error;
      current = error.currentJob;
    }
  }
}

export type { JobOrigin };
export { requestJob, submitPlan };
