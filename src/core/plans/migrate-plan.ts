import { UsageError } from '../errors.js';
import type { JobPlan, PlannedIndex } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Rename } from '../model/rename.js';
import type { RepositoryDefinition } from '../model/repository.js';
import { renameMapping } from '../restore/rename-mapping.js';
import { plannedIndices, type ResolvedIndices } from './planned-index.js';
import { replacedTargets } from './replaced-targets.js';
import { generatedSnapshotName } from './snapshot-plans.js';

type MigratePlanInput = {
  from: string;
  to: string;
  repository: RepositoryDefinition;
  /** The source indices the patterns reach on `from` now. */
  resolved: ResolvedIndices;
  rename: Rename | undefined;
  replace: boolean;
  /** Target names that exist on `to` now. */
  existingTargets: readonly PlannedIndex[];
  protectedPatterns: readonly string[];
  jobId: string;
  now: Date;
};

/** The target names of a migration, before asking the target which of them exist. */
function migrateTargets(
  resolved: ResolvedIndices,
  from: string,
  rename: Rename | undefined,
  protectedPatterns: readonly string[],
): Map<string, string> {
  return renameMapping(
    plannedIndices(from, resolved).map((entry) => entry.index),
    rename,
    protectedPatterns,
  );
}

/**
 * The whole runbook as one plan: register the repository on both clusters, snapshot on `from`, delete the
 * existing targets on `to` (only with `replace`), restore, wait, compare doc counts. One approval covers it, so
 * the plan lists every index that will be deleted.
 */
function planMigrate(input: MigratePlanInput): JobPlan {
  const { from, to, existingTargets } = input;
  if (from === to) throw new UsageError((words) => words.migrateOneCluster);
  const indices = plannedIndices(from, input.resolved);
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
  };
}

export type { MigratePlanInput };
export { migrateTargets, planMigrate };
