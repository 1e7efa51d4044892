import { UsageError } from '../errors.js';
import type { PlannedIndex } from '../jobs/job.js';

type ResolvedIndices = {
  indices: ReadonlyArray<{ index: string; uuid: string; docsCount: number; storeBytes: number }>;
  unmatched: readonly string[];
};

/** Resolved indices as a plan lists them; a pattern that reached nothing is an error, never a smaller plan. */
function plannedIndices(cluster: string, resolved: ResolvedIndices): PlannedIndex[] {
  if (resolved.unmatched.length > 0) {
    const { unmatched } = resolved;
    throw new UsageError((words) => words.noIndexMatches(cluster, unmatched));
  }
  return resolved.indices.map(({ index, uuid, docsCount, storeBytes }) => ({ index, docsCount, storeBytes, uuid }));
}

export type { ResolvedIndices };
export { plannedIndices };
