import type { IndexRecovery } from '../model/recovery.js';
import { type Job, type JobStep, StepName } from './job.js';
import { JobState } from './job-states.js';
import { currentStep, isUnfinished } from './job-steps.js';

/**
 * What a cancelled running job may have left going on a cluster, read from its steps: the snapshot it takes (running
 * or not), a restore it may have started and not seen finish. A start step still pending counts
 * too: a worker that started the work and lost the race to record it (the cancel wrote first) leaves it pending,
 * and asking the cluster costs one read where guessing wrong would leave work running.
 */
type StopChecks = {
  /** The cluster where the job's own snapshot may still run. */
  snapshotOn: string | undefined;
  /** The cluster where the job's restore may still be recovering. */
  restoreOn: string | undefined;
};

function stopChecks(job: Job): StopChecks {
  return {
    // Asked even once the job has seen it end: the stop then says that the snapshot is kept, and in what state.
    snapshotOn: job.steps.find((step) => step.name === StepName.AWAIT_SNAPSHOT)?.cluster,
    restoreOn: job.steps.find((step) => step.name === StepName.AWAIT_RESTORE && isUnfinished(step))?.cluster,
  };
}

/** A running job someone asked to cancel: its worker stops it instead of running the next step. */
function isCancelling(job: Job): boolean {
  return job.state === JobState.RUNNING && job.cancelRequest !== undefined;
}

/** The step a cancelled job stopped at: under way (`during`) or not begun (`before`); undefined when all had run. */
function stopPoint(job: Job): { step: JobStep; during: boolean } | undefined {
  const step = currentStep(job);
  return step === undefined ? undefined : { step, during: step.status === 'running' };
}

/**
 * The target indices still recovering from this snapshot: some primary not DONE. Only these are stopped by a
 * cancel (by deleting them); an index that recovers from anything else, or has finished, is someone's data.
 * A target that `exists` with no recovery at all counts too: an accepted restore creates its indices before their
 * shards start, and until then `_recovery` leaves them out. Nothing else makes one at this point: every target
 * was checked free (or deleted) before the restore, and an index a writer creates recovers from an empty store.
 *
 * @example stillRestoring(progress.indices, ['moved-logs-1'], { repository: 'migration', snapshot: 'a-2026.11.24-0900-k3x9q2' })
 */
function stillRestoring(
  recoveries: readonly IndexRecovery[],
  existing: readonly string[],
  from: { repository: string; snapshot: string },
): string[] {
  const recovering = recoveries
    .filter((entry) => entry.source?.repository === from.repository && entry.source.snapshot === from.snapshot)
    .filter((entry) => entry.shardsDone < entry.shardsTotal)
    .map((entry) => entry.index);
  const seen = new Set(recoveries.filter((entry) => entry.shardsTotal > 0).map((entry) => entry.index));
  const notStarted = existing.filter((index) => !seen.has(index));
  return [...new Set([...recovering, ...notStarted])].sort();
}

/**
 * A worker's write refused because a cancel was recorded in between (both writes took the version after the one
 * the worker read): the worker's change on top of the cancel, so that what its step did stays on record and the
 * job stops at the next safe point. Undefined when anything else got in between: then the worker has lost the job.
 *
 *   worker:  read v7 ──── step runs ──── write v8 (refused)    rebased: worker's change + cancel, as v9
 *   cancel:        read v7 ── write v8 (cancel asked)
 */
function overCancel(changed: Job, current: Job): Job | undefined {
  const cancelEntry = current.history.at(-1);
  const onlyTheCancel =
    current.version === changed.version &&
    changed.cancelRequest === undefined &&
    current.cancelRequest !== undefined &&
    cancelEntry?.event === 'cancel-requested';
  if (!onlyTheCancel) return undefined;
  return {
    ...changed,
    cancelRequest: current.cancelRequest,
    history: [...changed.history, cancelEntry],
    version: current.version + 1,
  };
}

export type { StopChecks };
export { isCancelling, overCancel, stillRestoring, stopChecks, stopPoint };
