import { UsageError } from '../errors.js';
import type { JobPlan, LeftOutIndex, PlannedIndex } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Rename } from '../model/rename.js';
import type { RepositoryDefinition } from '../model/repository.js';
import { renameMapping } from '../restore/rename-mapping.js';
import { type LeftOutRules, leaveOut } from './left-out.js';
import { plannedIndices, type ResolvedIndices } from './planned-index.js';
import { replacedTargets } from './replaced-targets.js';
import { generatedSnapshotName } from './snapshot-plans.js';

type MigratePlanInput = {
  from: string;
  to: string;
  repository: RepositoryDefinition;
  /** The request's `indices=`, as typed. */
  patterns: readonly string[];
  /** The source indices the patterns reach on `from` now, hidden ones included. */
  resolved: ResolvedIndices;
  /** Which of them stay on `from`: system, protected and hidden indices. */
  leftOutRules: LeftOutRules;
  rename: Rename | undefined;
  replace: boolean;
  /** Target names that exist on `to` now. */
  existingTargets: readonly PlannedIndex[];
  protectedPatterns: readonly string[];
  jobId: string;
  now: Date;
};

/**
 * The source indices a migration snapshots, by exact name, and those it leaves out. A pattern that reached nothing
 * is an error, and so is a request that reaches only indices to leave out.
 */
function migrateSources(
  from: string,
  resolved: ResolvedIndices,
  rules: LeftOutRules,
): { indices: PlannedIndex[]; leftOut: LeftOutIndex[] } {
  const reached = plannedIndices(from, resolved);
  const { kept, leftOut } = leaveOut(
    reached.map((entry) => entry.index),
    rules,
  );
  return { indices: reached.filter((entry) => kept.includes(entry.index)), leftOut };
}

/** The target names of a migration, before asking the target which of them exist. */
function migrateTargets(
  resolved: ResolvedIndices,
  from: string,
  rename: Rename | undefined,
  rules: LeftOutRules,
): Map<string, string> {
  return renameMapping(
    migrateSources(from, resolved, rules).indices.map((entry) => entry.index),
    rename,
    rules.protectedPatterns,
  );
}

/**
 * The whole runbook as one plan: register the repository on both clusters, snapshot on `from`, delete the
 * existing targets on `to` (only with `replace`), restore, wait, compare doc counts. One approval covers it, so
 * the plan lists every index that will be deleted, and every index it leaves out.
 */
function planMigrate(input: MigratePlanInput): JobPlan {
  const { from, to, existingTargets } = input;
  if (from === to) throw new UsageError((words) => words.migrateOneCluster);
  const { indices, leftOut } = migrateSources(from, input.resolved, input.leftOutRules);
  if (indices.length === 0) throw new UsageError((words) => words.nothingToMigrate(from));
  const mapping = renameMapping(
    indices.map((entry) => entry.index),
    input.rename,
    input.protectedPatterns,
  );
  const deletions = replacedTargets(to, existingTargets, input.replace, input.protectedPatterns);
  return {
    kind: JobKind.MIGRATE,
    from,
    to,
    repository: input.repository,
    snapshot: generatedSnapshotName(`${from}-to-${to}`, input.jobId, input.now),
    indices,
    restores: [...mapping].map(([index, target]) => ({ index, target })),
    rename: input.rename,
    deletions,
    leftOut,
    // The preflight (usecases/preflight.ts) adds what it found once the plan is known.
    preflight: undefined,
    masterTimeout: undefined,
    engines: undefined,
    replace: input.replace,
    patterns: [...input.patterns],
  };
}

export type { MigratePlanInput };
export { migrateTargets, planMigrate };
