import { UsageError } from '../errors.js';
import type { JobPlan, LeftOutIndex, PlannedIndex } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Rename } from '../model/rename.js';
import type { ShardFailure, SnapshotIndexSize } from '../model/snapshot.js';
import { renameMapping } from '../restore/rename-mapping.js';
import { selectIndices } from '../safety/index-expressions.js';
import { matchesWildcard } from '../safety/protected-indices.js';
import { type LeftOutRules, leaveOut } from './left-out.js';
import { replacedTargets } from './replaced-targets.js';

type SnapshotContents = {
  snapshot: string;
  state: string;
  indices: readonly string[];
  /** The shards a PARTIAL snapshot failed to take. */
  failures: readonly ShardFailure[];
};

const RESTORABLE_STATES = ['SUCCESS', 'PARTIAL'];

/** Which of the snapshot's indices a restore takes, the name each gets, and what it leaves out and why. */
type RestoreSelection = { mapping: Map<string, string>; leftOut: LeftOutIndex[] };

/**
 * Which indices of the snapshot a restore takes, and the name each gets. The index list is read against the
 * snapshot's own index list, exclusions in order; system, protected and hidden indices are left out (the managed
 * service refuses system ones), and a list that reaches only those is refused with the reasons.
 */
function restoreMapping(
  contents: SnapshotContents,
  expressions: readonly string[],
  rename: Rename | undefined,
  rules: LeftOutRules,
): RestoreSelection {
  if (!RESTORABLE_STATES.includes(contents.state)) {
    const { snapshot, state } = contents;
    throw new UsageError((words) => words.snapshotNotRestorable(snapshot, state));
  }
  const { indices } = contents;
  const selection = selectIndices(expressions, (pattern) => indices.filter((index) => matchesWildcard(pattern, index)));
  const [pattern] = selection.unmatched;
  if (pattern !== undefined) {
    const { snapshot } = contents;
    throw new UsageError((words) =>
      words.snapshotLacksIndex(snapshot, pattern, indices.slice(0, 10), indices.length > 10),
    );
  }
  const { kept, leftOut } = leaveOut(selection.names, rules);
  refuseNotFullySnapshotted(contents, new Set(kept));
  return { mapping: renameMapping(kept, rename, rules.protectedPatterns), leftOut };
}

/**
 * A PARTIAL snapshot holds the indices whose shards failed only in part, and the engine refuses a (non-partial)
 * restore of them: refused here, before approval, naming the failed shards with the engine's reasons.
 */
function refuseNotFullySnapshotted(contents: SnapshotContents, selected: ReadonlySet<string>): void {
  const failed = contents.failures.filter((failure) => selected.has(failure.index));
  if (failed.length === 0) return;
  throw new UsageError((words) => words.indicesNotFullySnapshotted(contents.snapshot, failed));
}

type RestorePlanInput = {
  cluster: string;
  repository: string;
  snapshot: string;
  selection: RestoreSelection;
  snapshotUuid: string;
  /** The request's `indices=`, as typed. */
  patterns: readonly string[];
  rename: Rename | undefined;
  replace: boolean;
  /** Target indices that exist on the cluster now. */
  existingTargets: readonly PlannedIndex[];
  protectedPatterns: readonly string[];
  /** What the snapshot holds of each index (`_status`): the restored copies are compared with it. */
  snapshotSizes: readonly SnapshotIndexSize[];
};

/** The restore, with the existing targets deleted first when `replace` was asked for, and refused otherwise. */
function planRestore(input: RestorePlanInput): JobPlan {
  const { cluster, selection } = input;
  const deletions = replacedTargets(cluster, input.existingTargets, input.replace, input.protectedPatterns);
  return {
    kind: JobKind.RESTORE,
    cluster,
    repository: input.repository,
    snapshot: input.snapshot,
    snapshotUuid: input.snapshotUuid,
    restores: [...selection.mapping].map(([index, target]) => ({ index, target })),
    rename: input.rename,
    deletions,
    leftOut: selection.leftOut,
    // The preflight (usecases/preflight.ts) adds what it found once the plan is known.
    preflight: undefined,
    masterTimeout: undefined,
    engines: undefined,
    replace: input.replace,
    patterns: [...input.patterns],
    snapshotSizes: input.snapshotSizes
      .filter((entry) => input.selection.mapping.has(entry.index))
      .map(({ index, bytes }) => ({ index, bytes })),
  };
}

export type { RestorePlanInput, RestoreSelection, SnapshotContents };
export { planRestore, restoreMapping };
