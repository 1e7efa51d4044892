import { UsageError } from '../errors.js';
import type { JobPlan } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import { assertDeletable } from '../safety/protected-indices.js';
import { plannedIndices, type ResolvedIndices } from './planned-index.js';

/**
 * Index deletion, on the exact indices the patterns reach now. Refused whole if any of them is protected: a
 * request never silently shrinks. The patterns are kept so that the worker can tell when they reach others later.
 */
function planIndexDelete(
  cluster: string,
  resolved: ResolvedIndices,
  protectedPatterns: readonly string[],
  patterns: readonly string[],
): JobPlan {
  const indices = plannedIndices(cluster, resolved);
  if (indices.length === 0) throw new UsageError((words) => words.nothingToDelete(cluster));
  assertDeletable(
    indices.map((entry) => entry.index),
    protectedPatterns,
  );
  return { kind: JobKind.INDEX_DELETE, cluster, indices, patterns: [...patterns] };
}

export { planIndexDelete };
