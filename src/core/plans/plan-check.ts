import { UsageError } from '../errors.js';
import { type JobPlan, type PlannedIndex, StepName } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { PlanChange } from '../model/plan-change.js';
import type { IndexRecovery } from '../model/recovery.js';
import { isFromSnapshot } from '../outcomes/restore-verdict.js';
import { planIndexDelete } from './index-delete-plan.js';
import { snapshotOf } from './plan-targets.js';
import { replacedTargets } from './replaced-targets.js';

/**
 * The re-check before a destructive step, as pure functions: what the worker must read ({@link checkScope}), how
 * that differs from the approved plan ({@link planChanges}), and the plan as it would be approved now
 * ({@link refreshedPlan}). The use case does the reads.
 */

/** An index as the cluster holds it now. */
type IndexNow = { index: string; uuid: string; docsCount: number; storeBytes: number };

/** What the cluster says now about what one step touches; `snapshot` is undefined when the step has none. */
type ClusterNow = {
  indices: readonly IndexNow[];
  snapshot: { found: true; uuid: string } | { found: false } | undefined;
  /** The targets' recoveries, read only when a restore that was started is resumed. */
  recoveries?: readonly IndexRecovery[];
};

/** What to read before a step, on the step's cluster: indices (names or the request's patterns), the snapshot. */
type CheckScope = {
  indices: readonly string[];
  snapshot: { repository: string; snapshot: string } | undefined;
};

type RestoringPlan = Extract<JobPlan, { kind: typeof JobKind.RESTORE | typeof JobKind.MIGRATE }>;

function isRestoring(plan: JobPlan): plan is RestoringPlan {
  return plan.kind === JobKind.RESTORE || plan.kind === JobKind.MIGRATE;
}

function targetCluster(plan: RestoringPlan): string {
  return plan.kind === JobKind.MIGRATE ? plan.to : plan.cluster;
}

function targetsOf(plan: RestoringPlan): string[] {
  return plan.restores.map((entry) => entry.target);
}

/**
 * What a step touches, to be read again just before it runs; undefined for a step that changes nothing. A
 * migration's snapshot is taken by the job itself after approval, so only a restore's snapshot is checked.
 */
function checkScope(plan: JobPlan, step: StepName): CheckScope | undefined {
  if (step === StepName.DELETE_SNAPSHOT && plan.kind === JobKind.SNAPSHOT_DELETE) {
    const { repository, snapshot } = plan;
    return { indices: [], snapshot: { repository, snapshot } };
  }
  if (step === StepName.DELETE_INDICES && plan.kind === JobKind.INDEX_DELETE) {
    return { indices: plan.patterns ?? plan.indices.map((entry) => entry.index), snapshot: undefined };
  }
  if ((step === StepName.DELETE_INDICES || step === StepName.START_RESTORE) && isRestoring(plan)) {
    const snapshot =
      plan.kind === JobKind.RESTORE ? { repository: plan.repository, snapshot: plan.snapshot } : undefined;
    return { indices: targetsOf(plan), snapshot };
  }
  return undefined;
}

/** An index to delete, compared with the approved one: another UUID, or more documents; gone unless `resumed`. */
function deletionChanges(approved: PlannedIndex, now: IndexNow | undefined, resumed: boolean): PlanChange[] {
  const { index } = approved;
  // A resumed deletion may have deleted it itself before its worker stopped.
  if (now === undefined) return resumed ? [] : [{ kind: 'index-gone', index, approvedDocs: approved.docsCount }];
  if (approved.uuid !== undefined && now.uuid !== approved.uuid) {
    return [{ kind: 'index-replaced', index, approvedUuid: approved.uuid, uuid: now.uuid }];
  }
  // Fewer documents than approved do not stop the step: an index is deleted whole, so fewer documents means less
  // lost than the approver accepted, and an index that is being written to and trimmed (rollover, delete by
  // query) would otherwise never hold still long enough to delete. More documents are data nobody approved losing.
  if (now.docsCount > approved.docsCount) {
    return [{ kind: 'index-grew', index, approvedDocs: approved.docsCount, docs: now.docsCount }];
  }
  return [];
}

function snapshotChanges(plan: JobPlan, step: StepName, now: ClusterNow): PlanChange[] {
  if (now.snapshot === undefined || !('snapshot' in plan)) return [];
  const { snapshot } = plan;
  // A snapshot deletion that finds its snapshot gone has nothing left to do, and deletes nothing: no reason to ask.
  if (!now.snapshot.found) return step === StepName.DELETE_SNAPSHOT ? [] : [{ kind: 'snapshot-gone', snapshot }];
  const approvedUuid = 'snapshotUuid' in plan ? plan.snapshotUuid : undefined;
  if (approvedUuid === undefined || approvedUuid === now.snapshot.uuid) return [];
  return [{ kind: 'snapshot-replaced', snapshot, approvedUuid, uuid: now.snapshot.uuid }];
}

/** Targets this job's own restore made: every primary recovered from its snapshot (a resumed start, only). */
function ownRestores(plan: RestoringPlan, step: StepName, now: ClusterNow, resumed: boolean): Set<string> {
  if (!resumed || step !== StepName.START_RESTORE) return new Set();
  const { repository, snapshot } = snapshotOf(plan);
  const own = (now.recoveries ?? []).filter((entry) => isFromSnapshot(entry, { repository, snapshot }));
  return new Set(own.map((entry) => entry.index));
}

function restoreTargetChanges(plan: RestoringPlan, step: StepName, now: ClusterNow, resumed: boolean): PlanChange[] {
  const found = new Map(now.indices.map((entry) => [entry.index, entry]));
  const deleted = new Set(plan.deletions.map((entry) => entry.index));
  // Before the deletions, the targets to delete must be as approved and the others free. Once they are deleted,
  // every target must be free: an index a writer created again after `replace` would block the restore, or be
  // overwritten by it if closed. Only a restore started before (its worker died before recording it) may find
  // targets, and only those recovered from this job's own snapshot are its own work.
  const beforeDeleting = step === StepName.DELETE_INDICES;
  const changes = beforeDeleting
    ? plan.deletions.flatMap((entry) => deletionChanges(entry, found.get(entry.index), resumed))
    : [];
  const own = ownRestores(plan, step, now, resumed);
  for (const target of targetsOf(plan)) {
    const index = found.get(target);
    const free = (!beforeDeleting || !deleted.has(target)) && !own.has(target);
    if (index !== undefined && free) changes.push({ kind: 'target-taken', index: target, docs: index.docsCount });
  }
  return changes;
}

/**
 * Targets of a resumed restore start that exist but show no recovery yet: the engine makes a restored index before
 * its primaries start recovering, so for a moment neither its own restore nor a writer's index can be told apart.
 * The step waits for the engine to say, rather than stop the job on a guess.
 */
function targetsNotYetRecovering(plan: JobPlan, step: StepName, now: ClusterNow): string[] {
  if (!isRestoring(plan) || step !== StepName.START_RESTORE || now.recoveries === undefined) return [];
  const recovering = new Set(now.recoveries.map((entry) => entry.index));
  const existing = new Set(now.indices.map((entry) => entry.index));
  return targetsOf(plan).filter((target) => existing.has(target) && !recovering.has(target));
}

/**
 * How what `step` touches differs now from the approved plan; empty when the step may run. `resumed`: the step
 * was started before (its worker stopped, or it waits for the cluster), so what it did itself is not a change.
 */
function planChanges(plan: JobPlan, step: StepName, now: ClusterNow, resumed: boolean): PlanChange[] {
  const found = new Map(now.indices.map((entry) => [entry.index, entry]));
  const changes = snapshotChanges(plan, step, now);
  if (plan.kind === JobKind.INDEX_DELETE && step === StepName.DELETE_INDICES) {
    const approved = new Set(plan.indices.map((entry) => entry.index));
    changes.push(...plan.indices.flatMap((entry) => deletionChanges(entry, found.get(entry.index), resumed)));
    // The step deletes by exact name, so an index the patterns reach since cannot be deleted unapproved; it is
    // still a different plan from the one approved when the step first runs.
    const added = now.indices.filter((entry) => !approved.has(entry.index) && !resumed);
    changes.push(
      ...added.map((entry) => ({ kind: 'index-added' as const, index: entry.index, docs: entry.docsCount })),
    );
  }
  if (isRestoring(plan) && (step === StepName.DELETE_INDICES || step === StepName.START_RESTORE)) {
    changes.push(...restoreTargetChanges(plan, step, now, resumed));
  }
  return changes;
}

function toPlanned(entry: IndexNow): PlannedIndex {
  return { index: entry.index, docsCount: entry.docsCount, storeBytes: entry.storeBytes, uuid: entry.uuid };
}

/**
 * The plan as it would be approved now, built by the same rules as a new request: an index deletion on what its
 * patterns reach now; a restore deleting (with `replace`) the targets that exist now, from the snapshot as it is
 * now. Throws the request's own refusal when it could not be planned now (a target taken without `replace`, the
 * snapshot gone, nothing left to delete).
 */
function refreshedPlan(plan: JobPlan, now: ClusterNow, protectedPatterns: readonly string[]): JobPlan {
  if (plan.kind === JobKind.INDEX_DELETE) {
    const patterns = plan.patterns ?? plan.indices.map((entry) => entry.index);
    return planIndexDelete({
      cluster: plan.cluster,
      expressions: patterns,
      resolved: { indices: now.indices, unmatched: [] },
      hidden: plan.leftOut.map((entry) => entry.index),
      protectedPatterns,
    });
  }
  if (plan.kind === JobKind.SNAPSHOT_DELETE) {
    return { ...plan, snapshotUuid: now.snapshot?.found === true ? now.snapshot.uuid : plan.snapshotUuid };
  }
  if (!isRestoring(plan)) return plan;
  if (plan.kind === JobKind.RESTORE && now.snapshot?.found === false) {
    const { snapshot, repository } = plan;
    throw new UsageError((words) => words.snapshotGoneSincePlan(snapshot, repository));
  }
  const targets = new Set(targetsOf(plan));
  const existing = now.indices.filter((entry) => targets.has(entry.index)).map(toPlanned);
  const replace = plan.replace ?? plan.deletions.length > 0;
  const deletions = replacedTargets(targetCluster(plan), existing, replace, protectedPatterns);
  if (plan.kind === JobKind.MIGRATE) return { ...plan, deletions };
  const snapshotUuid = now.snapshot?.found === true ? now.snapshot.uuid : plan.snapshotUuid;
  return { ...plan, deletions, snapshotUuid };
}

export type { CheckScope, ClusterNow, IndexNow };
export { checkScope, planChanges, refreshedPlan, targetsNotYetRecovering };
