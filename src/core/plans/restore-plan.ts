import { UsageError } from '../errors.js';
import type { JobPlan, PlannedIndex } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Rename } from '../model/rename.js';
import { renameMapping } from '../restore/rename-mapping.js';
import { BUILT_IN_PROTECTED_PATTERNS, matchesWildcard } from '../safety/protected-indices.js';
import { replacedTargets } from './replaced-targets.js';

type SnapshotContents = { snapshot: string; state: string; indices: readonly string[] };

const RESTORABLE_STATES = ['SUCCESS', 'PARTIAL'];

function matchingIndices(contents: SnapshotContents, pattern: string): string[] {
  return contents.indices.filter((index) => matchesWildcard(pattern, index));
}

/**
 * Which indices of the snapshot a restore takes, and the name each gets. Patterns are matched against the
 * snapshot's own index list; system indices are never restored (the managed service refuses them too), and no
 * rename may make one (`protectedPatterns`: the cluster's own, beside the built-in ones).
 */
function restoreMapping(
  contents: SnapshotContents,
  patterns: readonly string[],
  rename: Rename | undefined,
  protectedPatterns: readonly string[],
) {
  if (!RESTORABLE_STATES.includes(contents.state)) {
    const { snapshot, state } = contents;
    throw new UsageError((words) => words.snapshotNotRestorable(snapshot, state));
  }
  const selected = new Set<string>();
  for (const pattern of patterns) {
    const matches = matchingIndices(contents, pattern);
    if (matches.length === 0) {
      const { snapshot, indices } = contents;
      throw new UsageError((words) =>
        words.snapshotLacksIndex(snapshot, pattern, indices.slice(0, 10), indices.length > 10),
      );
    }
    for (const match of matches) selected.add(match);
  }
  const system = [...selected].find((index) => BUILT_IN_PROTECTED_PATTERNS.some((p) => matchesWildcard(p, index)));
  if (system !== undefined) {
    throw new UsageError((words) => words.systemIndexNotRestored(system));
  }
  return renameMapping([...selected].sort(), rename, protectedPatterns);
}

type RestorePlanInput = {
  cluster: string;
  repository: string;
  snapshot: string;
  mapping: ReadonlyMap<string, string>;
  rename: Rename | undefined;
  replace: boolean;
  /** Target indices that exist on the cluster now. */
  existingTargets: readonly PlannedIndex[];
  protectedPatterns: readonly string[];
};

/** The restore, with the existing targets deleted first when `replace` was asked for, and refused otherwise. */
function planRestore(input: RestorePlanInput): JobPlan {
  const { cluster } = input;
  const deletions = replacedTargets(cluster, input.existingTargets, input.replace, input.protectedPatterns);
  return {
    kind: JobKind.RESTORE,
    cluster,
    repository: input.repository,
    snapshot: input.snapshot,
    restores: [...input.mapping].map(([index, target]) => ({ index, target })),
    rename: input.rename,
    deletions,
  };
}

export type { RestorePlanInput, SnapshotContents };
export { planRestore, restoreMapping };
