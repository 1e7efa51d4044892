import type { DocCountComparison } from '../../ports/cluster-client.js';

/**
 * Compares each source index's documents with its restored copy. An index missing on either side is a mismatch,
 * never a pass.
 */
function compareDocCounts(
  mapping: ReadonlyMap<string, string>,
  sourceCounts: ReadonlyMap<string, number>,
  targetCounts: ReadonlyMap<string, number>,
): DocCountComparison[] {
  return [...mapping].map(([index, target]) => {
    const sourceDocs = sourceCounts.get(index);
    const targetDocs = targetCounts.get(target);
    return { index, target, sourceDocs, targetDocs, equal: sourceDocs !== undefined && sourceDocs === targetDocs };
  });
}

export { compareDocCounts };
