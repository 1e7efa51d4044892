import { UsageError } from '../errors.js';
import type { PlannedIndex } from '../jobs/job.js';

type ResolvedIndices = {
  indices: ReadonlyArray<{ index: string; docsCount: number; storeBytes: number }>;
  unmatched: readonly string[];
};

/** Resolved indices as a plan lists them; a pattern that reached nothing is an error, never a smaller plan. */
function plannedIndices(cluster: string, resolved: ResolvedIndices): PlannedIndex[] {
  if (resolved.unmatched.length > 0) {
    throw new UsageError(`no index on ${cluster} matches ${resolved.unmatched.map((name) => `"${name}"`).join(', ')}`, {
      hint: `See the indices with a pattern, e.g. indices=logs-*; names are exact and lowercase.`,
    });
  }
  return resolved.indices.map(({ index, docsCount, storeBytes }) => ({ index, docsCount, storeBytes }));
}

export type { ResolvedIndices };
export { plannedIndices };
