import type { ShardFailure, SnapshotDetail } from '../model/snapshot.js';

/**
 * What an ended snapshot holds against what the plan asked of it. Only `complete` lets a restore go on: a snapshot
 * that reports SUCCESS may still hold nothing (0 indices or 0 shards, elastic/elasticsearch#106629) or fewer
 * indices than asked for, and a PARTIAL one lacks the shards that failed (and the indices deleted while it ran).
 */
type SnapshotVerdict =
  | { kind: 'complete' }
  /** SUCCESS or PARTIAL with no index or no shard in it. */
  | { kind: 'empty'; indices: number; shards: number; failures: ShardFailure[] }
  | { kind: 'missing-indices'; missing: string[]; held: number; planned: number }
  /** Some shards failed; the rest are in the snapshot. `missing`: planned indices it does not hold at all. */
  | { kind: 'partial'; failed: number; total: number; failures: ShardFailure[]; missing: string[] }
  /** No data to restore: FAILED, or INCOMPATIBLE with this cluster. */
  | { kind: 'failed'; state: string; failures: ShardFailure[] };

type EndedSnapshot = Pick<SnapshotDetail, 'state' | 'indices' | 'shards' | 'failures'>;

/**
 * Judges an ended snapshot. `planned` is the exact list of indices the plan asked for; empty when it asked for
 * every index, and then only an empty snapshot is short of it. The engine's shard counts are read warily: after an
 * index is deleted under a running snapshot OpenSearch 2.19 reports `successful: -1`.
 *
 * @example
 * judgeSnapshot(detail, ['orders', 'customers']) // { kind: 'missing-indices', missing: ['customers'], … }
 */
function judgeSnapshot(snapshot: EndedSnapshot, planned: readonly string[]): SnapshotVerdict {
  const { state, shards, indices, failures } = snapshot;
  if (state !== 'SUCCESS' && state !== 'PARTIAL') return { kind: 'failed', state, failures };
  const captured = Math.max(0, shards.successful);
  if (indices.length === 0 || captured === 0) {
    return { kind: 'empty', indices: indices.length, shards: captured, failures };
  }
  const held = new Set(indices);
  const missing = planned.filter((index) => !held.has(index));
  if (state === 'PARTIAL' || shards.failed > 0 || captured < shards.total) {
    const failed = Math.max(shards.failed, shards.total - captured);
    return { kind: 'partial', failed, total: shards.total, failures, missing };
  }
  if (missing.length > 0) return { kind: 'missing-indices', missing, held: indices.length, planned: planned.length };
  return { kind: 'complete' };
}

export type { EndedSnapshot, SnapshotVerdict };
export { judgeSnapshot };
