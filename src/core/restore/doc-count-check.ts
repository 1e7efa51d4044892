/** One restored index against its source; built only here, so a plain type. */
type DocCountComparison = {
  index: string;
  target: string;
  sourceDocs: number | undefined;
  targetDocs: number | undefined;
  equal: boolean;
};

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

export type { DocCountComparison };
export { compareDocCounts };
