import * as z from 'zod';

/**
 * An index as a plan sees it when it is resolved: built by the cluster adapter from `_cat/indices`; the schema is
 * what the port's contract suite checks both the fake and the real clusters against.
 */
const indexSummary = z.object({
  index: z.string(),
  /** Tells an index from one deleted and created again under its name. */
  uuid: z.string(),
  health: z.string(),
  status: z.string(),
  docsCount: z.number().int().min(0),
  storeBytes: z.number().min(0),
  primaries: z.number().int().min(0),
});

/** What patterns reach now: the concrete indices sorted by name, and the patterns that reach nothing. */
const resolvedIndices = z.object({ indices: z.array(indexSummary), unmatched: z.array(z.string()) });

type IndexSummary = z.infer<typeof indexSummary>;
type ResolvedIndices = z.infer<typeof resolvedIndices>;

export type { IndexSummary, ResolvedIndices };
export { indexSummary, resolvedIndices };
