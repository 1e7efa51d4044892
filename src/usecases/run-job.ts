import { InvalidTransitionError, JobConflictError } from '../core/errors.js';
import type { Job, JobPlan, JobStep } from '../core/jobs/job.js';
import { isFinal, JobState } from '../core/jobs/job-states.js';
import { claim, finish, release, updateStep } from '../core/jobs/transitions.js';
import { jobMessage } from '../core/messages/job-message.js';
import { outcomeMessage } from '../core/messages/outcome-message.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { runStep } from './steps/run-step.js';
import type { StepOutcome } from './steps/step-outcome.js';

function isUnfinished(step: JobStep): boolean {
  return step.status !== 'done' && step.status !== 'partial';
}

/** The cluster whose config (approvers, on-call) governs a job: the one it changes. */
function governingCluster(plan: JobPlan): string {
  return plan.kind === 'migrate' ? plan.to : plan.cluster;
}

async function showJob(context: BotContext, job: Job): Promise<void> {
  if (job.messageTs === undefined) return;
  await context.chat.update(job.channel, job.messageTs, jobMessage(job, context.catalog, context.clock.now()));
}

async function announceOutcome(context: BotContext, job: Job): Promise<void> {
  const { onCall } = clusterNamed(context, governingCluster(job.plan)).config;
  const message = outcomeMessage(job, context.catalog, onCall);
  await context.chat.post(job.channel, message, job.messageTs);
  if (onCall.channel !== undefined && onCall.channel !== job.channel) await context.chat.post(onCall.channel, message);
}

function stepAfter(step: JobStep, outcome: StepOutcome, now: Date): JobStep {
  const at = now.toISOString();
  if (outcome.status === 'waiting') {
    return {
      ...step,
      status: 'running',
      detail: outcome.detail ?? step.detail,
      progress: outcome.progress ?? step.progress,
    };
  }
  const status = outcome.status === 'failed' ? 'failed' : outcome.partial === true ? 'partial' : 'done';
  return { ...step, status, detail: outcome.detail, endedAt: at };
}

/** Runs one step, turning an error a person can act on into a failed step rather than a crashed worker. */
async function attemptStep(context: BotContext, job: Job, step: JobStep): Promise<StepOutcome> {
  try {
    return await runStep(job, step, (alias) => clusterNamed(context, alias).client);
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    context.logger.warn({ jobId: job.id, cluster: step.cluster, step: step.name, err: error }, 'step failed');
    return { status: 'failed', detail: `${(error as Error).message}${hint === undefined ? '' : ` (${hint})`}` };
  }
}

async function save(context: BotContext, job: Job): Promise<Job> {
  return context.jobs.update(job);
}

async function end(
  context: BotContext,
  job: Job,
  state: 'SUCCEEDED' | 'PARTIAL' | 'FAILED',
  detail: string,
): Promise<void> {
  const ended = await save(context, finish(job, state, context.clock.now(), detail));
  context.logger.info({ jobId: job.id, state }, 'job ended');
  await showJob(context, ended);
  await announceOutcome(context, ended);
}

/** The job for this worker, or undefined when there is nothing to do or another worker holds it. */
async function claimJob(context: BotContext, jobId: string): Promise<Job | undefined> {
  const found = await context.jobs.get(jobId);
  if (found === undefined || isFinal(found.state) || found.state === JobState.PENDING_APPROVAL) return undefined;
  try {
    return await save(context, claim(found, context.workerId, context.clock.now(), context.leaseMs));
  } catch (error) {
    if (error instanceof JobConflictError || error instanceof InvalidTransitionError) return undefined;
    throw error;
  }
}

/** Runs one step once and records what it found; true when the job should go on to the next step. */
async function advance(context: BotContext, job: Job, position: number): Promise<{ job: Job; goOn: boolean }> {
  const step = job.steps[position] as JobStep;
  const started = step.startedAt === undefined ? { ...step, startedAt: context.clock.now().toISOString() } : step;
  const outcome = await attemptStep(context, job, started);
  const recorded = await save(
    context,
    updateStep(job, position, stepAfter(started, outcome, context.clock.now()), context.clock.now()),
  );
  if (outcome.status === 'failed') {
    await end(context, recorded, JobState.FAILED, outcome.detail);
    return { job: recorded, goOn: false };
  }
  if (outcome.status === 'waiting') {
    const released = await save(context, release(recorded, context.clock.now()));
    await showJob(context, released);
    return { job: released, goOn: false };
  }
  await showJob(context, recorded);
  return { job: recorded, goOn: true };
}

/**
 * Takes a queued (or abandoned running) job and runs its steps in order until one has to wait for the cluster,
 * one fails, or all are done. Two workers never run one job: the claim is a conditional write, and the loser
 * stops. A step that waits gives the lease back; the poller brings the job here again on a later tick.
 */
async function runJob(context: BotContext, jobId: string): Promise<void> {
  let job = await claimJob(context, jobId);
  if (job === undefined) return;
  await showJob(context, job);
  const first = job.steps.findIndex(isUnfinished);
  for (let position = first === -1 ? job.steps.length : first; position < job.steps.length; position += 1) {
    const advanced = await advance(context, job, position);
    if (!advanced.goOn) return;
    job = advanced.job;
  }
  const partial = job.steps.find((step) => step.status === 'partial');
  if (partial === undefined) return end(context, job, JobState.SUCCEEDED, 'all steps done');
  return end(context, job, JobState.PARTIAL, partial.detail ?? 'partly done');
}

export { governingCluster, runJob, showJob };
