import { ClusterError, ClusterErrorCode, isClusterError } from '../core/cluster-errors.js';
import { BotError, InvalidTransitionError, JobConflictError } from '../core/errors.js';
import type { Job, JobStep } from '../core/jobs/job.js';
import { isFinal, JobState } from '../core/jobs/job-states.js';
import { isUnfinished } from '../core/jobs/job-steps.js';
import { hasMoved, isNoticeable, isStalled, nextPace } from '../core/jobs/progress.js';
import { asOneWrite, claim, finish, note, release, updateStep } from '../core/jobs/transitions.js';
import { formatDuration } from '../core/messages/format.js';
import { clusterErrorMetrics, transitionMetrics } from '../core/metrics/job-metrics.js';
import { checkScope } from '../core/plans/plan-check.js';
import { askAgain } from './ask-again.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { LeaseLostError } from './errors.js';
import { underLease } from './job-lease.js';
import { governingCluster, showJob, tellOutcome, warnOnCall } from './job-notices.js';
import { type ClusterLookup, runStep } from './steps/run-step.js';
import type { PlanChanged, StepOutcome } from './steps/step-outcome.js';
import { saveOverCancel, stopIfCancelling, stoppedAtSafePoint } from './stop-cancelled-job.js';

/** How many progress-only message updates may still be sent; state changes are always sent. */
type UpdateBudget = { take(): boolean };

type RunOptions = {
  /** The clusters as this run sees them; the poller passes answers it fetched for many jobs at once. */
  clusterFor?: ClusterLookup;
  /** @default unlimited */
  updateBudget?: UpdateBudget;
  /**
   * The job as the caller last listed it (the poller's query): the claim is tried from it, which saves a read. A
   * stale copy fails the claim's version condition, and the job is then read and claimed as usual.
   */
  listed?: Job;
};

/** What each step of one run sees. */
type StepOptions = Required<Pick<RunOptions, 'clusterFor' | 'updateBudget'>>;

const UNLIMITED: UpdateBudget = { take: () => true };

function lastNotice(job: Job): string | undefined {
  return [...job.history].reverse().find((entry) => ['unreachable', 'recovered', 'stalled'].includes(entry.event))
    ?.event;
}

/** Runs one step; an unreachable cluster means "wait", any other error a person can act on fails the step. */
async function attemptStep(
  job: Job,
  step: JobStep,
  clusterFor: ClusterLookup,
  context: BotContext,
): Promise<(StepOutcome & { unreachable?: string }) | PlanChanged> {
  try {
    return await runStep(job, step, clusterFor, context.catalog);
  } catch (error) {
    if (error instanceof LeaseLostError) throw error.during(step.name, step.cluster);
    const log = { jobId: job.id, cluster: step.cluster, step: step.name, err: error };
    if (error instanceof ClusterError) context.metrics.record(clusterErrorMetrics(step.cluster, error.code));
    if (isClusterError(error, ClusterErrorCode.UNREACHABLE)) {
      context.logger.warn(log, 'cluster not answering; the step waits');
      return { status: 'waiting', unreachable: error.saidIn(context.catalog).text };
    }
    if (isClusterError(error, ClusterErrorCode.CONCURRENT_SNAPSHOT)) {
      // The managed service runs one snapshot operation at a time: queue behind it rather than fail.
      context.logger.info({ ...log, err: undefined }, 'another snapshot operation is running; the step waits');
      return { status: 'waiting', detail: context.catalog.waitingForSnapshotOperation };
    }
    if (!(error instanceof BotError)) {
      // Not something a person can act on, and its message may carry internals: the channel gets a pointer to the log.
      context.logger.error(log, 'step failed');
      return { status: 'failed', detail: context.catalog.stepUnexpected(step.name, job.id) };
    }
    context.logger.info({ ...log, err: undefined, reason: error.message }, 'step failed');
    const said = error.saidIn(context.catalog);
    return { status: 'failed', detail: context.catalog.stepRefused(said.text, said.hint) };
  }
}

function stepAfter(step: JobStep, outcome: StepOutcome, now: Date): JobStep {
  const at = now.toISOString();
  if (outcome.status === 'waiting') {
    const next = outcome.progress;
    if (next === undefined) return { ...step, status: 'running', detail: outcome.detail ?? step.detail };
    const progressAt = hasMoved(step.progress, next) ? at : step.progressAt;
    const progress = isNoticeable(step.progress, next) ? next : step.progress;
    const pace = nextPace(step.pace, next, now);
    return { ...step, status: 'running', detail: outcome.detail ?? step.detail, progress, progressAt, pace };
  }
  const status = outcome.status === 'failed' ? 'failed' : outcome.partial === true ? 'partial' : 'done';
  return { ...step, status, detail: outcome.detail, endedAt: at };
}

async function save(context: BotContext, job: Job): Promise<Job> {
  return saveOverCancel(context, job);
}

/** Ends the job; `read` is the job as stored when `job` holds changes not yet written (they go in the same write). */
async function end(
  context: BotContext,
  job: Job,
  state: 'SUCCEEDED' | 'PARTIAL' | 'FAILED',
  detail: string,
  read = job,
) {
  const ended = await save(context, asOneWrite(read, finish(job, state, context.clock.now(), detail)));
  context.metrics.record(transitionMetrics(read, ended));
  context.logger.info({ jobId: job.id, state }, 'job ended');
  await tellOutcome(context, ended);
}

/**
 * The job for this worker, under a lease of its own (a new token), or undefined when there is nothing to do or
 * another worker holds it. The store takes the claim only if the stored lease has run out (see `JobStore.claim`).
 */
async function claimJob(context: BotContext, jobId: string, listed?: Job): Promise<Job | undefined> {
  if (listed !== undefined) {
    const claimed = await claimFrom(context, listed);
    if (claimed !== undefined) return claimed;
  }
  const found = await context.jobs.get(jobId);
  return found === undefined ? undefined : claimFrom(context, found);
}

/** The claim of `found`, or undefined when it has nothing to run, is held by another, or changed meanwhile. */
async function claimFrom(context: BotContext, found: Job): Promise<Job | undefined> {
  if (isFinal(found.state) || found.state === JobState.PENDING_APPROVAL) return undefined;
  const now = context.clock.now();
  try {
    return await context.jobs.claim(claim(found, context.workerId, now, context.leaseMs, context.ids.newId()), now);
  } catch (error) {
    if (error instanceof JobConflictError || error instanceof InvalidTransitionError) return undefined;
    throw error;
  }
}

/**
 * What to say about a waiting step, once: that its cluster stopped answering, that it is back, or that the step
 * stalled. Returns the job with the notice recorded (not yet written) and the warning for on-call, if any.
 */
function troubleNotice(
  context: BotContext,
  job: Job,
  step: JobStep,
  unreachable: string | undefined,
): { job: Job; warning: string | undefined } {
  const now = context.clock.now();
  const last = lastNotice(job);
  if (unreachable !== undefined && last !== 'unreachable') {
    const warning = context.catalog.unreachable(step.cluster, unreachable);
    return { job: note(job, 'unreachable', now, unreachable), warning };
  }
  if (unreachable === undefined && last === 'unreachable') {
    return { job: note(job, 'recovered', now, step.cluster), warning: undefined };
  }
  const { stallMinutes } = clusterNamed(context, governingCluster(job.plan)).config.onCall;
  if (last !== 'stalled' && isStalled(step, now, stallMinutes)) {
    const since = step.progressAt ?? step.startedAt ?? now.toISOString();
    const duration = formatDuration(now.getTime() - Date.parse(since));
    const warning = context.catalog.stalled(context.catalog.step[step.name], step.cluster, duration);
    return { job: note(job, 'stalled', now, context.catalog.stalledAt(step.name, step.cluster)), warning };
  }
  return { job, warning: undefined };
}

/**
 * The step waits for the cluster: what it saw, any notice and the released lease go in one write; the message is
 * redrawn only if a person would notice. Returns the job as written.
 */
async function wait(
  context: BotContext,
  read: Job,
  job: Job,
  position: number,
  noticeable: boolean,
  unreachable: string | undefined,
  budget: UpdateBudget,
): Promise<Job> {
  const { job: noticed, warning } = troubleNotice(context, job, job.steps[position] as JobStep, unreachable);
  const released = await save(context, asOneWrite(read, release(noticed, context.clock.now())));
  context.metrics.record(transitionMetrics(read, released));
  if (warning !== undefined) await warnOnCall(context, released, warning);
  if (noticeable && budget.take()) await showJob(context, released);
  return released;
}

/**
 * An approved destructive step is recorded as started before it acts. A worker that dies between the act and its
 * record then leaves a step its successor knows may have acted, and finds its own work done (an index it deleted,
 * a restore it started), instead of a step it would take for untouched and a cluster it would take for changed.
 * A cancel recorded since the safe point refuses that record, and the job stops before the step (undefined).
 */
async function recordStart(context: BotContext, job: Job, position: number, started: JobStep) {
  const acts = started.status === 'pending' && job.approval !== undefined;
  if (!acts || checkScope(job.plan, started.name) === undefined) return job;
  try {
    return await context.jobs.update(updateStep(job, position, { ...started, status: 'running' }, context.clock.now()));
  } catch (error) {
    if (!(error instanceof JobConflictError) || !(await stopIfCancelling(context, error.currentJob))) throw error;
    return undefined;
  }
}

/**
 * Runs one step once and records what it found: `goOn` when the job goes on to the next step, `released` (the job
 * as written) when the step waits.
 */
async function advance(
  context: BotContext,
  read: Job,
  position: number,
  options: StepOptions,
): Promise<{ job: Job; goOn: boolean; released?: Job }> {
  const step = read.steps[position] as JobStep;
  const started = step.startedAt === undefined ? { ...step, startedAt: context.clock.now().toISOString() } : step;
  const job = await recordStart(context, read, position, started);
  if (job === undefined) return { job: read, goOn: false };
  const attempted = await attemptStep(job, started, options.clusterFor, context);
  // What the step touches changed since approval: it touched nothing, and the job asks again (or fails).
  const outcome = attempted.status === 'changed' ? await askAgain(context, job, started, attempted) : attempted;
  if (outcome === undefined) return { job, goOn: false };
  const now = context.clock.now();
  const updated = updateStep(job, position, stepAfter(started, outcome, now), now);
  if (outcome.status === 'failed') {
    await end(context, updated, JobState.FAILED, outcome.detail, job);
    return { job: updated, goOn: false };
  }
  if (outcome.status === 'waiting') {
    const noticeable =
      step.status !== 'running' || (outcome.progress !== undefined && isNoticeable(step.progress, outcome.progress));
    const released = await wait(context, job, updated, position, noticeable, outcome.unreachable, options.updateBudget);
    return { job: updated, goOn: false, released };
  }
  const recorded = await save(context, updated);
  await showJob(context, recorded);
  return { job: recorded, goOn: true };
}

/**
 * The steps of a job this worker holds (`held`: the context under its lease), from the first unfinished one. The
 * safe point right after a claim of a job already under way, and the one where a step waits, look at the job as the
 * claim or the wait wrote it: both writes are conditional on the version, so a cancel recorded before them is in
 * what they wrote, and one recorded after the wait finds the lease given up, and the run it hands off stops the
 * job (cancel-job.ts).
 */
async function runClaimed(context: BotContext, held: BotContext, claimed: Job, settings: StepOptions) {
  let job = claimed;
  const first = job.steps.findIndex(isUnfinished);
  const announced = first === 0 && job.steps[0]?.startedAt === undefined;
  if (announced) await showJob(held, job);
  for (let position = first === -1 ? job.steps.length : first; position < job.steps.length; position += 1) {
    // A cancel may have come in while the message was redrawn: the job is read again then.
    if (await stoppedAt(held, job, position === first && !announced ? job : undefined)) return;
    const advanced = await advance(held, job, position, settings);
    if (!advanced.goOn) {
      // The lease was given up where the step waits: a cancel found here is stopped under a claim of its own.
      await stoppedAt(context, job, advanced.released);
      return;
    }
    job = advanced.job;
  }
  const partial = job.steps.find((step) => step.status === 'partial');
  if (partial === undefined) return end(held, job, JobState.SUCCEEDED, context.catalog.allStepsDone);
  return end(held, job, JobState.PARTIAL, partial.detail ?? context.catalog.partlyDone);
}

/** The safe point: in `stored` when the job as stored is known, else in the job read again. */
function stoppedAt(context: BotContext, job: Job, stored: Job | undefined): Promise<boolean> {
  return stored === undefined ? stoppedAtSafePoint(context, job) : stopIfCancelling(context, stored);
}

/**
 * Takes a queued (or abandoned running) job and runs its steps in order until one has to wait for the cluster,
 * one fails, or all are done. Two workers never run one job: the claim is a conditional write, the loser stops,
 * and the winner renews its lease while it works and proves it still holds it before every change to a cluster
 * (job-lease.ts); a worker that cannot prove it stops there, without acting and without writing. A step that
 * waits gives the lease back; the poller brings the job here again on a later tick. A job asked to cancel stops
 * at a safe point: before a step, or where one waits.
 */
async function runJob(context: BotContext, jobId: string, options: RunOptions = {}): Promise<void> {
  const clusterFor = options.clusterFor ?? ((alias: string) => clusterNamed(context, alias).client);
  const updateBudget = options.updateBudget ?? UNLIMITED;
  const claimed = await claimJob(context, jobId, options.listed);
  if (claimed === undefined) return;
  try {
    await underLease(context, claimed, clusterFor, (held, fenced) =>
      runClaimed(context, held, claimed, { clusterFor: fenced, updateBudget }),
    );
  } catch (error) {
    if (!(error instanceof LeaseLostError)) {
      await giveLeaseBack(context, claimed);
      throw error;
    }
    const { cluster, step, owner, reason, call } = error;
    context.logger.warn({ jobId, cluster, step, owner, reason, call }, 'lease lost; stopping without acting');
  }
}

/**
 * A run that broke off (the table or Slack failing past their retries) gives its lease back, so that the next tick
 * resumes the job rather than waiting out the lease. Nothing is in flight by then; if the lease cannot be given
 * back, it runs out as a dead worker's would.
 */
async function giveLeaseBack(context: BotContext, claimed: Job): Promise<void> {
  try {
    const current = await context.jobs.get(claimed.id);
    const ours = current?.lease?.token !== undefined && current.lease.token === claimed.lease?.token;
    if (current === undefined || !ours || current.state !== JobState.RUNNING) return;
    await context.jobs.update(release(current, context.clock.now()));
  } catch (error) {
    context.logger.warn({ jobId: claimed.id, err: error }, 'could not give the lease back; it runs out instead');
  }
}

export type { RunOptions, UpdateBudget };
export { runJob };
