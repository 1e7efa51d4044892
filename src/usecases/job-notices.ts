import { JobConflictError } from '../core/errors.js';
import type { Job, JobPlan } from '../core/jobs/job.js';
import { told } from '../core/jobs/outcome-telling.js';
import { type SlackMessage, textMessage } from '../core/messages/blocks.js';
import { jobMessage } from '../core/messages/job-message.js';
import { mentionOf, outcomeMessage } from '../core/messages/outcome-message.js';
import { type BotContext, clusterNamed } from './bot-context.js';

/** The cluster whose config (approvers, on-call) governs a job: the one it changes. */
function governingCluster(plan: JobPlan): string {
  return plan.kind === 'migrate' ? plan.to : plan.cluster;
}

/** Redraws the job's message in the channel from the job as stored. */
async function showJob(context: BotContext, job: Job): Promise<void> {
  if (job.messageTs === undefined) return;
  await context.chat.update(job.channel, job.messageTs, jobMessage(job, context.catalog, context.clock.now()));
}

async function tellOnCall(context: BotContext, job: Job, message: SlackMessage): Promise<void> {
  const { onCall } = clusterNamed(context, governingCluster(job.plan)).config;
  await context.chat.post(job.channel, message, job.messageTs);
  if (onCall.channel !== undefined && onCall.channel !== job.channel) await context.chat.post(onCall.channel, message);
}

/** The one thread reply when a job ends, with on-call mentioned (and in the on-call channel when there is one). */
async function announceOutcome(context: BotContext, job: Job): Promise<void> {
  const { onCall } = clusterNamed(context, governingCluster(job.plan)).config;
  await tellOnCall(context, job, outcomeMessage(job, context.catalog, onCall));
}

/**
 * Shows an ended job's outcome on its message and tells its thread and on-call, then records that it was told. A
 * teller that dies first leaves the job untold, and the poller tells it (a message redrawn twice is the same one).
 */
async function tellOutcome(context: BotContext, job: Job): Promise<void> {
  await showJob(context, job);
  await announceOutcome(context, job);
  try {
    await context.jobs.update(told(job, context.clock.now()));
  } catch (error) {
    if (!(error instanceof JobConflictError)) throw error;
  }
}

/** A warning in the job's thread (a stall, a cluster not answering), with on-call mentioned. */
async function warnOnCall(context: BotContext, job: Job, text: string): Promise<void> {
  const mention = mentionOf(clusterNamed(context, governingCluster(job.plan)).config.onCall);
  const full = mention === '' ? text : `${text}\n${mention}`;
  await tellOnCall(context, job, textMessage(full));
}

export { governingCluster, showJob, tellOutcome, warnOnCall };
