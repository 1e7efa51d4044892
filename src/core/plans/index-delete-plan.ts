import { UsageError } from '../errors.js';
import type { JobPlan, LeftOutIndex } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import { LeftOutReason } from '../model/left-out.js';
import { assertDeletable } from '../safety/protected-indices.js';
import { plannedIndices, type ResolvedIndices } from './planned-index.js';

type IndexDeleteInput = {
  cluster: string;
  /** The index list as typed. */
  expressions: readonly string[];
  /** What it reaches now, wildcards reaching hidden indices too. */
  resolved: ResolvedIndices;
  /** The cluster's hidden indices. */
  hidden: readonly string[];
  protectedPatterns: readonly string[];
};

/**
 * Index deletion, on the exact indices the list reaches now. A protected or system index refuses the whole request,
 * naming it: a deletion never silently shrinks, and an exclusion (`-pattern`) says what to keep. A hidden index is
 * deleted only when named exactly, as the engines' wildcards skip hidden indices; one that only a wildcard reached
 * is listed as not deleted, so the approver sees both what goes and what stays.
 */
function planIndexDelete(input: IndexDeleteInput): JobPlan {
  const { cluster, expressions } = input;
  const reached = plannedIndices(cluster, input.resolved);
  assertDeletable(
    reached.map((entry) => entry.index),
    input.protectedPatterns,
  );
  const skipped = (index: string) => input.hidden.includes(index) && !expressions.includes(index);
  const indices = reached.filter((entry) => !skipped(entry.index));
  const leftOut: LeftOutIndex[] = reached
    .filter((entry) => skipped(entry.index))
    .map(({ index }) => ({ index, reason: LeftOutReason.HIDDEN, pattern: undefined }));
  if (indices.length === 0 && leftOut.length > 0) {
    throw new UsageError((words) =>
      words.onlyHiddenToDelete(
        cluster,
        leftOut.map((entry) => entry.index),
      ),
    );
  }
  if (indices.length === 0) throw new UsageError((words) => words.nothingToDelete(cluster));
  return { kind: JobKind.INDEX_DELETE, cluster, indices, leftOut, patterns: [...expressions] };
}

export type { IndexDeleteInput };
export { planIndexDelete };
