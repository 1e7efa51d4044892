import * as z from 'zod';

/**
 * Snapshot shapes as the cluster port hands them to use cases, whichever engine answered. They are built by the
 * cluster adapter from the engine's answers; the schemas let the port's contract suite hold the test fake and the
 * real clusters to the same shapes.
 */

/** The engine's SnapshotState; there is no INCOMPLETE. PARTIAL and SUCCESS are restorable. */
const SnapshotState = {
  IN_PROGRESS: 'IN_PROGRESS',
  SUCCESS: 'SUCCESS',
  PARTIAL: 'PARTIAL',
  FAILED: 'FAILED',
  INCOMPATIBLE: 'INCOMPATIBLE',
} as const;

type SnapshotState = (typeof SnapshotState)[keyof typeof SnapshotState];

const snapshotState = z.enum(SnapshotState);

// Fields the engine may not know yet (a running snapshot's end) are present and undefined, never left out.

const shardCounts = z.object({ total: z.number(), successful: z.number(), failed: z.number() });

const shardFailure = z.object({
  index: z.string(),
  shardId: z.number().or(z.undefined()),
  reason: z.string().or(z.undefined()),
});

const snapshotDetail = z.object({
  repository: z.string(),
  snapshot: z.string(),
  uuid: z.string(),
  state: snapshotState,
  /** Sorted by name. */
  indices: z.array(z.string()),
  startTime: z.date().or(z.undefined()),
  endTime: z.date().or(z.undefined()),
  shards: shardCounts,
  failures: z.array(shardFailure),
  metadata: z.record(z.string(), z.unknown()),
});

/** One line of a snapshot list: what `_cat/snapshots` gives, without the index names. */
const snapshotListEntry = z.object({
  snapshot: z.string(),
  state: snapshotState,
  startTime: z.date().or(z.undefined()),
  endTime: z.date().or(z.undefined()),
  indexCount: z.number(),
  shards: shardCounts,
});

const snapshotProgress = z.object({
  repository: z.string(),
  snapshot: z.string(),
  /** Raw state from `_status`: the in-progress machine (STARTED, SUCCESS, FAILED, ABORTED …). */
  state: z.string(),
  shardsDone: z.number(),
  shardsFailed: z.number(),
  shardsTotal: z.number(),
  bytesDone: z.number(),
  /** What this snapshot copies: its files that no earlier snapshot in the repository holds. */
  bytesTotal: z.number(),
  /** Everything the snapshot holds, files shared with earlier snapshots included: its size to a person. */
  bytesHeld: z.number(),
  percent: z.number().min(0).max(100),
  /**
   * False while a shard is still initializing: until each shard has listed its files the engine's totals are not
   * the snapshot's (a 128 MB snapshot reads `0 B of 401 B`), and `percent` is 0.
   */
  totalsKnown: z.boolean(),
  /** How long the snapshot ran, to the millisecond (`_cat/snapshots` counts whole seconds); undefined if not said. */
  tookMs: z.number().nonnegative().or(z.undefined()),
});

/** What a restore of the snapshot would bring: the version that wrote it, and each index's primaries in it. */
const snapshotFootprint = z.object({
  /** The snapshot's `version_id`; undefined when the engine does not say. */
  versionId: z.number().int().nonnegative().or(z.undefined()),
  indices: z.array(z.object({ index: z.string(), bytes: z.number().min(0), shards: z.number().int().min(0) })),
});

type SnapshotFootprint = z.infer<typeof snapshotFootprint>;

/**
 * What a snapshot holds of one index, from its `_status`: the bytes of the index's files in the repository. A copy
 * restored from it recovers exactly those files, so its recovery counts the same bytes; `_status` counts no documents.
 */
const snapshotIndexSize = z.object({ index: z.string(), bytes: z.number().int().nonnegative() });

type ShardFailure = z.infer<typeof shardFailure>;
type SnapshotIndexSize = z.infer<typeof snapshotIndexSize>;
type SnapshotDetail = z.infer<typeof snapshotDetail>;
type SnapshotListEntry = z.infer<typeof snapshotListEntry>;
type SnapshotProgress = z.infer<typeof snapshotProgress>;

export type { ShardFailure, SnapshotDetail, SnapshotFootprint, SnapshotIndexSize, SnapshotListEntry, SnapshotProgress };
export {
  SnapshotState,
  shardCounts,
  shardFailure,
  snapshotDetail,
  snapshotFootprint,
  snapshotListEntry,
  snapshotProgress,
  snapshotState,
};
