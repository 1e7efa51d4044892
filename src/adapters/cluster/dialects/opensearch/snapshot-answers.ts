import * as z from 'zod';
import {
  type SnapshotDetail,
  type SnapshotListEntry,
  type SnapshotProgress,
  shardCounts,
  snapshotState,
} from '../../../../core/model/snapshot.js';
import type { Answer } from '../cluster-dialect.js';

const snapshotEntry = z.object({
  snapshot: z.string(),
  uuid: z.string(),
  state: snapshotState,
  indices: z.array(z.string()).default([]),
  start_time_in_millis: z.number().optional(),
  end_time_in_millis: z.number().optional(),
  shards: shardCounts.default({ total: 0, successful: 0, failed: 0 }),
  failures: z
    .array(z.object({ index: z.string().nullish(), shard_id: z.number().nullish(), reason: z.string().nullish() }))
    .default([]),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const snapshotDetailAnswer = z.object({ snapshots: z.array(snapshotEntry) });

// `_cat` answers every cell as a string.
const snapshotListAnswer = z.array(
  z.object({
    id: z.string(),
    status: snapshotState,
    start_epoch: z.coerce.number(),
    end_epoch: z.coerce.number(),
    indices: z.coerce.number(),
    successful_shards: z.coerce.number(),
    failed_shards: z.coerce.number(),
    total_shards: z.coerce.number(),
  }),
);

const byteCount = z.object({ size_in_bytes: z.number() });

// OpenSearch and Elasticsearch 7.4+ report `incremental`/`processed`/`total`; Elasticsearch 6.x (the legacy
// managed service) reports flat `*_size_in_bytes` fields.
const snapshotStatusAnswer = z.object({
  snapshots: z.array(
    z.object({
      snapshot: z.string(),
      repository: z.string(),
      state: z.string(),
      shards_stats: z.object({
        initializing: z.number().default(0),
        done: z.number(),
        failed: z.number(),
        total: z.number(),
      }),
      stats: z.object({
        incremental: byteCount.optional(),
        processed: byteCount.optional(),
        total: byteCount.optional(),
        total_size_in_bytes: z.number().optional(),
        processed_size_in_bytes: z.number().optional(),
        time_in_millis: z.number().optional(),
      }),
    }),
  ),
});

type SnapshotEntry = z.infer<typeof snapshotEntry>;
type SnapshotStatusEntry = z.infer<typeof snapshotStatusAnswer>['snapshots'][number];

function millisToDate(millis: number | undefined): Date | undefined {
  return millis === undefined || millis <= 0 ? undefined : new Date(millis);
}

function toSnapshotDetail(repository: string, entry: SnapshotEntry): SnapshotDetail {
  return {
    repository,
    snapshot: entry.snapshot,
    uuid: entry.uuid,
    state: entry.state,
    indices: [...entry.indices].sort(),
    startTime: millisToDate(entry.start_time_in_millis),
    endTime: millisToDate(entry.end_time_in_millis),
    shards: entry.shards,
    failures: entry.failures.map((failure) => ({
      index: failure.index ?? '?',
      shardId: failure.shard_id ?? undefined,
      reason: failure.reason ?? undefined,
    })),
    metadata: entry.metadata ?? {},
  };
}

function toSnapshotListEntry(row: z.infer<typeof snapshotListAnswer>[number]): SnapshotListEntry {
  return {
    snapshot: row.id,
    state: row.status,
    startTime: millisToDate(row.start_epoch * 1000),
    endTime: millisToDate(row.end_epoch * 1000),
    indexCount: row.indices,
    shards: { total: row.total_shards, successful: row.successful_shards, failed: row.failed_shards },
  };
}

const FINISHED_STATUS = new Set(['SUCCESS', 'PARTIAL', 'FAILED']);

function toSnapshotProgress(entry: SnapshotStatusEntry): SnapshotProgress {
  const { stats, shards_stats: shards } = entry;
  const bytesTotal = stats.incremental?.size_in_bytes ?? stats.total_size_in_bytes ?? 0;
  const bytesDone = Math.min(stats.processed?.size_in_bytes ?? stats.processed_size_in_bytes ?? 0, bytesTotal);
  const finished = FINISHED_STATUS.has(entry.state);
  // A shard still initializing has not listed its files: the totals so far are the metadata's, not the data's.
  const totalsKnown = finished || (shards.total > 0 && shards.initializing === 0);
  const fraction = bytesTotal > 0 ? bytesDone / bytesTotal : shards.total > 0 ? shards.done / shards.total : 0;
  return {
    repository: entry.repository,
    snapshot: entry.snapshot,
    state: entry.state,
    shardsDone: shards.done,
    shardsFailed: shards.failed,
    shardsTotal: shards.total,
    bytesDone: finished ? bytesTotal : bytesDone,
    bytesTotal,
    // Elasticsearch 6.x's flat fields count this snapshot's own files only.
    bytesHeld: Math.max(stats.total?.size_in_bytes ?? 0, bytesTotal),
    percent: finished ? 100 : totalsKnown ? Math.floor(fraction * 1000) / 10 : 0,
    totalsKnown,
    tookMs: finished ? stats.time_in_millis : undefined,
  };
}

function snapshots(repository: string): Answer<SnapshotDetail[]> {
  return snapshotDetailAnswer.transform((answer) =>
    answer.snapshots.map((entry) => toSnapshotDetail(repository, entry)),
  );
}

const snapshotList: Answer<SnapshotListEntry[]> = snapshotListAnswer.transform((rows) => rows.map(toSnapshotListEntry));

const snapshotStatus: Answer<SnapshotProgress[]> = snapshotStatusAnswer.transform((answer) =>
  answer.snapshots.map(toSnapshotProgress),
);

/** The columns `snapshotList` reads, newest first: the cluster sorts, so a limit keeps the newest. */
const SNAPSHOT_LIST_QUERY = {
  format: 'json',
  s: 'start_epoch:desc',
  h: 'id,status,start_epoch,end_epoch,indices,successful_shards,failed_shards,total_shards',
};

export { SNAPSHOT_LIST_QUERY, snapshotList, snapshotStatus, snapshots };
