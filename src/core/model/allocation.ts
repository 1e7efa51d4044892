import * as z from 'zod';

/**
 * What a preflight reads from a cluster before a restore: disk and shards per node (`_cat/allocation`), the
 * allocation settings in force (`_cluster/settings` with defaults), index facts (`_settings`, `_stats/store`) and
 * aliases (`_cat/aliases`). Built by the cluster adapter; the schemas are what the port's contract suite checks.
 */

const bytes = z.number().min(0);

const nodeDisk = z.object({
  node: z.string(),
  shards: z.number().int().min(0),
  usedBytes: bytes,
  availableBytes: bytes,
  totalBytes: bytes,
});

/** `_cat/allocation`: the data nodes, and the shards no node holds (its `UNASSIGNED` row). */
const diskAllocation = z.object({ nodes: z.array(nodeDisk), unassignedShards: z.number().int().min(0) });

const allocationSettings = z.object({
  /** `cluster.routing.allocation.disk.threshold_enabled` */
  thresholdEnabled: z.boolean(),
  /** `cluster.routing.allocation.disk.watermark.high` as written: `90%`, `0.9` or `500mb`. */
  highWatermark: z.string(),
  /**
   * `cluster.routing.allocation.disk.watermark.enable_for_single_data_node`: false lets a one-data-node cluster
   * ignore its watermarks (OpenSearch's default). Elasticsearch 8 dropped the setting and always applies them.
   */
  watermarkOnSingleDataNode: z.boolean(),
  /** `cluster.max_shards_per_node` */
  maxShardsPerNode: z.number().int().positive(),
});

/** An index as a restore would bring it: what wrote it, its shards and replicas, its primaries' bytes. */
const indexFacts = z.object({
  index: z.string(),
  /** `index.version.created`, the engine's version id. */
  versionCreated: z.number().int().nonnegative(),
  shards: z.number().int().positive(),
  replicas: z.number().int().min(0),
  primaryBytes: bytes,
});

const indexAlias = z.object({
  alias: z.string(),
  index: z.string(),
  /** Set explicitly with `is_write_index`; undefined when the alias leaves it to the engine. */
  isWriteIndex: z.boolean().or(z.undefined()),
});

type NodeDisk = z.infer<typeof nodeDisk>;
type DiskAllocation = z.infer<typeof diskAllocation>;
type AllocationSettings = z.infer<typeof allocationSettings>;
type IndexFacts = z.infer<typeof indexFacts>;
type IndexAlias = z.infer<typeof indexAlias>;

export type { AllocationSettings, DiskAllocation, IndexAlias, IndexFacts, NodeDisk };
export { allocationSettings, diskAllocation, indexAlias, indexFacts, nodeDisk };
