import * as z from 'zod';
import type { AllocationSettings, DiskAllocation, IndexAlias } from '../../../../core/model/allocation.js';
import type { Answer } from '../cluster-dialect.js';

// `_cat` answers every cell as a string; the `UNASSIGNED` row has no disk columns.
const allocationAnswer = z.array(
  z.object({
    node: z.string(),
    shards: z.coerce.number(),
    'disk.used': z.coerce.number().nullish(),
    'disk.avail': z.coerce.number().nullish(),
    'disk.total': z.coerce.number().nullish(),
  }),
);

const UNASSIGNED = 'UNASSIGNED';

const diskAllocation: Answer<DiskAllocation> = allocationAnswer.transform((rows) => ({
  nodes: rows
    .filter((row) => row.node !== UNASSIGNED)
    .map((row) => ({
      node: row.node,
      shards: row.shards,
      usedBytes: row['disk.used'] ?? 0,
      availableBytes: row['disk.avail'] ?? 0,
      totalBytes: row['disk.total'] ?? 0,
    }))
    .sort((left, right) => left.node.localeCompare(right.node)),
  unassignedShards: rows.filter((row) => row.node === UNASSIGNED).reduce((sum, row) => sum + row.shards, 0),
}));

const ALLOCATION_QUERY = { format: 'json', bytes: 'b', h: 'node,shards,disk.used,disk.avail,disk.total' };

const SETTING = {
  thresholdEnabled: 'cluster.routing.allocation.disk.threshold_enabled',
  highWatermark: 'cluster.routing.allocation.disk.watermark.high',
  singleDataNode: 'cluster.routing.allocation.disk.watermark.enable_for_single_data_node',
  maxShardsPerNode: 'cluster.max_shards_per_node',
} as const;

const flatSettings = z.record(z.string(), z.unknown()).default({});

const settingsAnswer = z.object({ transient: flatSettings, persistent: flatSettings, defaults: flatSettings });

// Asked with `flat_settings`, every value a string; what is set transiently wins over persistent, over the default.
const allocationSettings: Answer<AllocationSettings> = settingsAnswer.transform((answer, context) => {
  const inForce = (key: string): string | undefined => {
    const value = answer.transient[key] ?? answer.persistent[key] ?? answer.defaults[key];
    return value === undefined ? undefined : String(value);
  };
  const watermark = inForce(SETTING.highWatermark);
  const maxShards = Number(inForce(SETTING.maxShardsPerNode));
  if (watermark === undefined || !Number.isInteger(maxShards) || maxShards <= 0) {
    context.addIssue({ code: 'custom', message: `${SETTING.highWatermark} or ${SETTING.maxShardsPerNode} missing` });
    return z.NEVER;
  }
  return {
    thresholdEnabled: inForce(SETTING.thresholdEnabled) !== 'false',
    highWatermark: watermark,
    // Elasticsearch 8 dropped the setting: it always applies the watermarks.
    watermarkOnSingleDataNode: inForce(SETTING.singleDataNode) !== 'false',
    maxShardsPerNode: maxShards,
  };
});

const SETTINGS_QUERY = { include_defaults: 'true', flat_settings: 'true' };

const INDEX_SETTING_NAMES = ['index.version.created', 'index.number_of_shards', 'index.number_of_replicas'];

const indexSettingsAnswer = z.record(
  z.string(),
  z.object({
    settings: z.object({
      'index.version.created': z.coerce.number(),
      'index.number_of_shards': z.coerce.number(),
      'index.number_of_replicas': z.coerce.number(),
    }),
  }),
);

type IndexSettings = { versionCreated: number; shards: number; replicas: number };

const indexSettings: Answer<Map<string, IndexSettings>> = indexSettingsAnswer.transform(
  (answer) =>
    new Map(
      Object.entries(answer).map(([index, { settings }]) => [
        index,
        {
          versionCreated: settings['index.version.created'],
          shards: settings['index.number_of_shards'],
          replicas: settings['index.number_of_replicas'],
        },
      ]),
    ),
);

const storeAnswer = z.object({
  indices: z.record(
    z.string(),
    z.object({ primaries: z.object({ store: z.object({ size_in_bytes: z.number() }).optional() }) }),
  ),
});

// A closed index has no store statistics.
const primaryBytes: Answer<Map<string, number>> = storeAnswer.transform(
  (answer) =>
    new Map(Object.entries(answer.indices).map(([index, stats]) => [index, stats.primaries.store?.size_in_bytes ?? 0])),
);

// `is_write_index` is `true`, `false`, or `-` when the alias leaves it to the engine.
const aliasesAnswer = z.array(z.object({ alias: z.string(), index: z.string(), is_write_index: z.string().nullish() }));

const aliases: Answer<IndexAlias[]> = aliasesAnswer.transform((rows) =>
  rows
    .map((row) => ({
      alias: row.alias,
      index: row.index,
      isWriteIndex: row.is_write_index === 'true' ? true : row.is_write_index === 'false' ? false : undefined,
    }))
    .sort((left, right) => left.alias.localeCompare(right.alias) || left.index.localeCompare(right.index)),
);

const ALIASES_QUERY = { format: 'json', h: 'alias,index,is_write_index', expand_wildcards: 'all' };

const snapshotVersionAnswer = z.object({
  snapshots: z.array(z.object({ snapshot: z.string(), version_id: z.number().optional() })),
});

const snapshotVersion: Answer<number | undefined> = snapshotVersionAnswer.transform(
  (answer) => answer.snapshots[0]?.version_id,
);

const snapshotIndicesAnswer = z.object({
  snapshots: z.array(
    z.object({
      indices: z
        .record(
          z.string(),
          z.object({
            shards_stats: z.object({ total: z.number() }),
            stats: z.object({
              total: z.object({ size_in_bytes: z.number() }).optional(),
              total_size_in_bytes: z.number().optional(),
            }),
          }),
        )
        .default({}),
    }),
  ),
});

// OpenSearch and Elasticsearch 7.4+ report `total`; Elasticsearch 6.x a flat `total_size_in_bytes`.
const snapshotIndexSizes: Answer<Array<{ index: string; bytes: number; shards: number }>> =
  snapshotIndicesAnswer.transform((answer) =>
    Object.entries(answer.snapshots[0]?.indices ?? {})
      .map(([index, entry]) => ({
        index,
        bytes: entry.stats.total?.size_in_bytes ?? entry.stats.total_size_in_bytes ?? 0,
        shards: entry.shards_stats.total,
      }))
      .sort((left, right) => left.index.localeCompare(right.index)),
  );

export type { IndexSettings };
export {
  ALIASES_QUERY,
  ALLOCATION_QUERY,
  aliases,
  allocationSettings,
  diskAllocation,
  INDEX_SETTING_NAMES,
  indexSettings,
  primaryBytes,
  SETTINGS_QUERY,
  snapshotIndexSizes,
  snapshotVersion,
};
