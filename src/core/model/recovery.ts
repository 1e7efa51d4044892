import * as z from 'zod';

/**
 * How a restore is going, from the engine's `_recovery`: built by the cluster adapter (per index) and summed in
 * the core (`summarizeRecovery`); the schemas are what the port's contract suite checks.
 */

/** The primaries of one index recovering (from a snapshot, after a restore). */
const indexRecovery = z.object({
  index: z.string(),
  shardsDone: z.number(),
  shardsTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  /** The snapshot the index is restored from; undefined when it recovers from anything else. */
  source: z.object({ repository: z.string(), snapshot: z.string() }).or(z.undefined()),
  /**
   * What the primaries recovered from, each type once and sorted (`SNAPSHOT`, `EMPTY_STORE`, `EXISTING_STORE` …):
   * only an index whose every primary came from a snapshot was restored; one a writer auto-created is EMPTY_STORE.
   */
  types: z.array(z.string()),
  /** False while a primary is still in its INIT stage: its files, and so the index's bytes, are not counted yet. */
  totalsKnown: z.boolean(),
});

const recoveryProgress = z.object({
  indices: z.array(indexRecovery),
  shardsDone: z.number(),
  shardsTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  percent: z.number().min(0).max(100),
  /** Every target recovering with its files counted: until then the sums are not the restore's, and `percent` is 0. */
  totalsKnown: z.boolean(),
  done: z.boolean(),
});

type IndexRecovery = z.infer<typeof indexRecovery>;
type RecoveryProgress = z.infer<typeof recoveryProgress>;

export type { IndexRecovery, RecoveryProgress };
export { indexRecovery, recoveryProgress };
