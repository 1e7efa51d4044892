import { type DecisionWords, mayDecide } from '../core/approval/approval-policy.js';
import { type ButtonClick, clickMismatches, clickOnJobMessage } from '../core/approval/click-binding.js';
import { clustersOfPlan } from '../core/commands/clusters-named.js';
import { JobConflictError, JobNotFoundError } from '../core/errors.js';
import type { Job } from '../core/jobs/job.js';
import { JobState } from '../core/jobs/job-states.js';
import { approve, effectiveState, expire, reject } from '../core/jobs/transitions.js';
import { type SlackMessage, textMessage } from '../core/messages/blocks.js';
import { transitionMetrics } from '../core/metrics/job-metrics.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { approverGroupMembers } from './approvers.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { assertChannelAllowed } from './channel-rules.js';
import { governingCluster, showJob } from './job-notices.js';

/** `reason`: why a reject was given, recorded on the job's history. */
type Decision = ButtonClick & { decision: 'approve' | 'reject'; reason?: string };

/** How often a decision is re-read and retried when another click wrote first. */
const MAX_ATTEMPTS = 5;

function refusal(context: BotContext, reason: (words: DecisionWords) => string): SlackMessage {
  return textMessage(context.catalog.notAllowed(reason(context.catalog)));
}

/** Writes the expiry a reader already sees, so the buttons go away even before the poller's next tick. */
async function recordExpiry(context: BotContext, job: Job): Promise<void> {
  try {
    const expired = await context.jobs.update(expire(job, context.clock.now()));
    context.metrics.record(transitionMetrics(job, expired));
    await showJob(context, expired);
  } catch (error) {
    if (!(error instanceof JobConflictError)) throw error;
  }
}

/**
 * A click that is not on its job's own message acts on nothing: whoever sent it, it is logged for a person to look
 * at, with where it came from and where the job is.
 */
function refuseUnboundClick(context: BotContext, job: Job, decision: Decision): SlackMessage | undefined {
  const mismatches = clickMismatches(job, decision);
  if (mismatches.length === 0) return undefined;
  context.logger.warn(
    {
      jobId: job.id,
      userId: decision.userId,
      mismatches,
      click: { teams: decision.teamIds, channels: decision.channelIds, messages: decision.messageTs },
      job: { team: job.team, channel: job.channel, message: job.messageTs },
    },
    'suspicious click refused: it is not on its job message',
  );
  return refusal(context, (words) => words.clickNotOnJobMessage(job.id, job.channel));
}

type Attempt = { settled: true; reply: SlackMessage | undefined } | { settled: false };

/** Reads the job, decides, and writes; `settled: false` when another click wrote first and it must be re-read. */
async function attemptDecision(context: BotContext, decision: Decision): Promise<Attempt> {
  const job = await context.jobs.get(decision.jobId);
  if (job === undefined) throw new JobNotFoundError(decision.jobId);
  const unbound = refuseUnboundClick(context, job, decision);
  if (unbound !== undefined) return { settled: true, reply: unbound };
  assertChannelAllowed(context, clustersOfPlan(job.plan), job.channel);
  const now = context.clock.now();
  const policy = clusterNamed(context, governingCluster(job.plan)).config.approval;
  const verdict = mayDecide(job, decision.userId, policy, await approverGroupMembers(context, policy), now);
  if (!verdict.allowed) {
    if (job.state === JobState.PENDING_APPROVAL && effectiveState(job, now) === JobState.EXPIRED) {
      await recordExpiry(context, job);
    }
    return { settled: true, reply: refusal(context, verdict.reason) };
  }
  const decided =
    decision.decision === 'approve'
      ? approve(job, decision.userId, now)
      : reject(job, decision.userId, now, decision.reason);
  let saved: Job;
  try {
    saved = await context.jobs.update(decided);
    context.metrics.record(transitionMetrics(job, saved));
  } catch (error) {
    if (error instanceof JobConflictError) return { settled: false };
    throw error;
  }
  context.logger.info({ jobId: job.id, by: decision.userId, state: saved.state }, `job ${decision.decision}d`);
  await showJob(context, saved);
  if (saved.state === JobState.QUEUED) await context.tasks.dispatch({ type: 'run-job', jobId: saved.id });
  return { settled: true, reply: undefined };
}

/**
 * An Approve or Reject click. Double clicks, Slack retries and approvers racing each other are settled by the
 * conditional write: every click re-reads the job, only one write per version succeeds, and only the click whose
 * write queued the job starts it. Returns the ephemeral answer for a click that changed nothing.
 */
async function decideApproval(context: BotContext, decision: Decision): Promise<SlackMessage | undefined> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const outcome = await attemptDecision(context, decision);
    if (outcome.settled) return outcome.reply;
  }
  return refusal(context, (words) => words.tooManyClicks);
}

async function jobOf(context: BotContext, jobId: string): Promise<Job> {
  const job = await context.jobs.get(jobId);
  if (job === undefined) throw new JobNotFoundError(jobId);
  return job;
}

/**
 * `reject <id> ["reason"]` typed. Rejecting only ends a request that has not run, so a typed one is allowed where a
 * typed approval is not, on the same terms as the button: in the job's own workspace and channel, by someone the
 * approval policy lets decide, under the channel rules. It then counts as a click on the job's message.
 */
async function rejectTyped(
  context: BotContext,
  request: { jobId: string; reason: string | undefined },
  task: CommandTask,
): Promise<SlackMessage | undefined> {
  const job = await jobOf(context, request.jobId);
  const sameTeam = job.team === undefined || job.team === task.teamId;
  if (!sameTeam || job.channel !== task.channelId) {
    return refusal(context, (words) => words.rejectOutsideJobChannel(job.id, job.channel));
  }
  const click = clickOnJobMessage(job, task.userId);
  return decideApproval(context, { ...click, decision: 'reject', reason: request.reason });
}

/** `approve <id>` typed: says where the Approve button is; an approval is only ever a click on the job's message. */
async function explainApproval(context: BotContext, jobId: string, task: CommandTask): Promise<SlackMessage> {
  const job = await jobOf(context, jobId);
  assertChannelAllowed(context, clustersOfPlan(job.plan), task.channelId);
  const { text, hint } = context.catalog.approveWithButton(job.id, job.channel);
  return textMessage(hint === undefined ? text : `${text}\n${hint}`);
}

export { decideApproval, explainApproval, rejectTyped };
