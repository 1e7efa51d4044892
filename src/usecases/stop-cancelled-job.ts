import { BotError, InvalidTransitionError, JobConflictError } from '../core/errors.js';
import type { Job } from '../core/jobs/job.js';
import { isCancelling, overCancel, stillRestoring, stopChecks, stopPoint } from '../core/jobs/stopping.js';
import { claim, hasLiveLease, release, stop } from '../core/jobs/transitions.js';
import { transitionMetrics } from '../core/metrics/job-metrics.js';
import { planIndexDelete } from '../core/plans/index-delete-plan.js';
import { restoresOf, snapshotOf } from '../core/plans/plan-targets.js';
import type { Catalog } from '../core/words/catalog.js';
import type { SnapshotAbort } from '../ports/cluster-client.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { underLease } from './job-lease.js';
import { tellOutcome } from './job-notices.js';
import { submitPlan } from './request-job.js';

function stopPointWords(job: Job, catalog: Catalog): string {
  const point = stopPoint(job);
  if (point === undefined) return catalog.stoppedAfterEveryStep;
  const step = catalog.step[point.step.name];
  return point.during ? catalog.stoppedDuring(step) : catalog.stoppedBefore(step);
}

function abortWords(abort: SnapshotAbort, snapshot: string, catalog: Catalog): string | undefined {
  switch (abort.outcome) {
    case 'aborted':
      return catalog.snapshotAborted(snapshot);
    case 'maybe-aborted':
      return catalog.snapshotAbortSent(snapshot);
    case 'ended':
      return catalog.snapshotKept(snapshot, abort.state);
    case 'not-this-job':
      return catalog.snapshotNotTakenByJob(snapshot);
    case 'absent':
      return undefined;
  }
}

/**
 * The job's own snapshot, aborted if it still runs. No approval: a snapshot this job started holds nothing that
 * existed before the job. The client checks IN_PROGRESS and the job id right before its DELETE.
 */
async function abortOwnSnapshot(context: BotContext, job: Job, cluster: string): Promise<string | undefined> {
  const { repository, snapshot } = snapshotOf(job.plan);
  const abort = await clusterNamed(context, cluster).client.abortSnapshot(repository, snapshot, job.id);
  context.logger.info({ jobId: job.id, cluster, snapshot, outcome: abort.outcome }, 'cancel: own snapshot checked');
  return abortWords(abort, snapshot, context.catalog);
}

/**
 * A restore cannot be called off, only its indices deleted, which is destructive: the target indices still
 * recovering from this job's snapshot become an index deletion job of their own, by the canceller, waiting for
 * approval like any deletion. Its id follows from this job's, so a stop repeated after a crash asks only once.
 */
async function askToStopRestore(
  context: BotContext,
  job: Job,
  cluster: string,
): Promise<{ said: string | undefined; stopJob: string | undefined }> {
  const { client, config } = clusterNamed(context, cluster);
  const { repository, snapshot } = snapshotOf(job.plan);
  const targets = restoresOf(job.plan).restores.map((entry) => entry.target);
  const progress = await client.restoreProgress(targets);
  const existing = await client.resolveIndices(targets, { includeHidden: true });
  const recovering = stillRestoring(
    progress.indices,
    existing.indices.map((entry) => entry.index),
    { repository, snapshot },
  );
  if (recovering.length === 0) return { said: undefined, stopJob: undefined };
  const names = recovering.join(', ');
  const stopJob = context.ids.jobIdFor(`cancel:${job.id}`);
  try {
    const plan = planIndexDelete({
      cluster,
      expressions: recovering,
      resolved: await client.resolveIndices(recovering, { includeHidden: true }),
      // Every one is named exactly, and a hidden index named exactly is deleted: none is left out for being hidden.
      hidden: [],
      protectedPatterns: config.protectedIndices,
    });
    const text = context.catalog.restoreStopRequestText(job.id);
    const by = job.cancelRequest?.by ?? job.requestedBy;
    await submitPlan(context, plan, { jobId: stopJob, userId: by, text, channelId: job.channel, teamId: job.team });
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    return { said: context.catalog.restoreStopNotAsked(names, error.saidIn(context.catalog).text), stopJob: undefined };
  }
  return { said: context.catalog.restoreStopAsked(names, stopJob), stopJob };
}

/**
 * Ends a running job whose cancel was asked for, at a safe point (this worker holds it, so no step of it runs
 * meanwhile): its own snapshot aborted if still running, its restore's unfinished indices put up for deletion,
 * then CANCELLED with what the stop did and kept, on its message and to on-call. `job` is the job as stored.
 */
async function stopCancelledJob(context: BotContext, job: Job): Promise<void> {
  const { snapshotOn, restoreOn } = stopChecks(job);
  let aborted: string | undefined;
  let restore: Awaited<ReturnType<typeof askToStopRestore>> | undefined;
  try {
    aborted = snapshotOn === undefined ? undefined : await abortOwnSnapshot(context, job, snapshotOn);
    restore = restoreOn === undefined ? undefined : await askToStopRestore(context, job, restoreOn);
  } catch (error) {
    // A cluster that did not answer: the lease goes back, so that the next tick tries the stop again at once.
    await context.jobs.update(release(job, context.clock.now()));
    throw error;
  }
  const detail = [stopPointWords(job, context.catalog), aborted, restore?.said]
    .filter((part) => part !== undefined)
    .join('; ');
  const stopped = await context.jobs.update(stop(job, context.clock.now(), detail, restore?.stopJob));
  context.metrics.record(transitionMetrics(job, stopped));
  context.logger.info({ jobId: job.id, by: stopped.cancelRequest?.by }, 'job cancelled while running');
  await tellOutcome(context, stopped);
}

/**
 * The worker's safe point, before each step and where a step waits: if a cancel has been recorded since this
 * worker last wrote (re-read: it may come from another process), the job stops here and true is returned. See
 * `stopIfCancelling` for what happens then.
 */
async function stoppedAtSafePoint(context: BotContext, seen: Job): Promise<boolean> {
  const current = await context.jobs.get(seen.id);
  return current !== undefined && stopIfCancelling(context, current);
}

/**
 * The safe point for a copy known to be the stored one (a claim or a write conditional on its version has just
 * taken it, so a cancel recorded before it is in it): true when a cancel was asked and the job stops here. A job
 * the worker has just released is claimed back first, under a lease of its own; one another worker holds is left
 * to it, as is one whose lease this context held and that has run out (true: go no further).
 */
async function stopIfCancelling(context: BotContext, current: Job): Promise<boolean> {
  if (!isCancelling(current)) return false;
  const now = context.clock.now();
  if (hasLiveLease(current, now)) {
    const mine = context.leaseToken !== undefined && current.lease?.token === context.leaseToken;
    if (mine) await stopCancelledJob(context, current);
    return true;
  }
  if (context.leaseToken !== undefined) return true;
  try {
    const taken = claim(current, context.workerId, now, context.leaseMs, context.ids.newId());
    const claimed = await context.jobs.claim(taken, now);
    const clusterFor = (alias: string) => clusterNamed(context, alias).client;
    await underLease(context, claimed, clusterFor, (held) => stopCancelledJob(held, claimed));
  } catch (error) {
    if (!(error instanceof JobConflictError || error instanceof InvalidTransitionError)) throw error;
  }
  return true;
}

/**
 * Writes a worker's change; when a cancel was recorded since the worker read the job, the change goes on top of
 * it (see `overCancel`) instead of failing the step that already ran.
 */
async function saveOverCancel(context: BotContext, job: Job): Promise<Job> {
  try {
    return await context.jobs.update(job);
  } catch (error) {
    const rebased = error instanceof JobConflictError ? overCancel(job, error.currentJob) : undefined;
    if (rebased === undefined) throw error;
    return context.jobs.update(rebased);
  }
}

export { saveOverCancel, stopCancelledJob, stopIfCancelling, stoppedAtSafePoint };
