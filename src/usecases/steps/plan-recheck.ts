import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import { type Job, type JobStep, StepName } from '../../core/jobs/job.js';
import {
  type CheckScope,
  type ClusterNow,
  checkScope,
  planChanges,
  targetsNotYetRecovering,
} from '../../core/plans/plan-check.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { PlanChanged, StepOutcome } from './step-outcome.js';

async function snapshotNow(client: ClusterClient, scope: NonNullable<CheckScope['snapshot']>) {
  try {
    const { uuid } = await client.getSnapshot(scope.repository, scope.snapshot);
    return { found: true as const, uuid };
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING)) return { found: false as const };
    throw error;
  }
}

/** What the cluster holds now of what the step touches: its indices (a name that is gone is simply absent). */
async function readClusterNow(client: ClusterClient, scope: CheckScope): Promise<ClusterNow> {
  const [resolved, snapshot] = await Promise.all([
    scope.indices.length === 0 ? { indices: [] } : client.resolveIndices(scope.indices),
    scope.snapshot === undefined ? undefined : snapshotNow(client, scope.snapshot),
  ]);
  const indices = resolved.indices.map(({ index, uuid, docsCount, storeBytes }) => ({
    index,
    uuid,
    docsCount,
    storeBytes,
  }));
  return { indices, snapshot };
}

/** A restore whose worker died before recording it may have made its targets: their recoveries tell. */
async function withRecoveries(client: ClusterClient, now: ClusterNow): Promise<ClusterNow> {
  if (now.indices.length === 0) return now;
  const progress = await client.restoreProgress(now.indices.map((entry) => entry.index));
  return { ...now, recoveries: progress.indices };
}

/**
 * Re-reads, just before a destructive step, what that step touches, and compares it with the approved plan.
 * Undefined when the step may run as approved; otherwise the changes (or, while the engine cannot yet tell whose a
 * target is, a wait), and the step touches nothing. A job that
 * needed no approval (its kind runs at once on that cluster) has no approved plan to hold to.
 */
async function recheckPlan(
  job: Job,
  step: JobStep,
  client: ClusterClient,
  words: StepWords,
): Promise<PlanChanged | StepOutcome | undefined> {
  if (job.approval === undefined) return undefined;
  const scope = checkScope(job.plan, step.name);
  if (scope === undefined) return undefined;
  // A step already running (it waited for the cluster, or its worker stopped) may find its own work done.
  const resumed = step.status === 'running';
  const read = await readClusterNow(client, scope);
  const now = resumed && step.name === StepName.START_RESTORE ? await withRecoveries(client, read) : read;
  const unknown = targetsNotYetRecovering(job.plan, step.name, now);
  if (unknown.length > 0) return { status: 'waiting', detail: words.targetsNotYetRecovering(unknown.join(', ')) };
  const changes = planChanges(job.plan, step.name, now, resumed);
  return changes.length === 0 ? undefined : { status: 'changed', changes, now };
}

export { recheckPlan };
