import type { ShardFailure, SnapshotDetail } from '../model/snapshot.js';

/**
 * What an ended snapshot holds against what the plan asked of it. Only `complete` lets a restore go on: a snapshot
 * that reports SUCCESS may still hold nothing (0 indices or 0 shards, elastic/elasticsearch#106629) or fewer
 * indices than asked for, and a PARTIAL one lacks the shards that failed.
 */
type SnapshotVerdict =
  | { kind: 'complete' }
  | { kind: 'empty'; indices: number; shards: number }
  | { kind: 'missing-indices'; missing: string[]; held: number; planned: number }
  /** Some shards failed; the rest are in the snapshot (PARTIAL). */
  | { kind: 'partial'; failed: number; total: number; failures: ShardFailure[] }
  /** No data to restore: FAILED, or INCOMPATIBLE with this cluster. */
  | { kind: 'failed'; state: string; failures: ShardFailure[] };

type EndedSnapshot = Pick<SnapshotDetail, 'state' | 'indices' | 'shards' | 'failures'>;

/**
 * Judges an ended snapshot. `planned` is the exact list of indices the plan asked for; empty when it asked for
 * every index, and then only an empty snapshot is short of it.
 *
 * @example
 * judgeSnapshot(detail, ['orders', 'customers']) // { kind: 'missing-indices', missing: ['customers'], … }
 */
function judgeSnapshot(snapshot: EndedSnapshot, planned: readonly string[]): SnapshotVerdict {
  const { state, shards, indices, failures } = snapshot;
  if (state !== 'SUCCESS' && state !== 'PARTIAL') return { kind: 'failed', state, failures };
  if (state === 'PARTIAL' || shards.failed > 0 || shards.successful < shards.total) {
    return { kind: 'partial', failed: shards.total - shards.successful, total: shards.total, failures };
  }
  if (indices.length === 0 || shards.total === 0)
    return { kind: 'empty', indices: indices.length, shards: shards.total };
  const held = new Set(indices);
  const missing = planned.filter((index) => !held.has(index));
  if (missing.length > 0) return { kind: 'missing-indices', missing, held: indices.length, planned: planned.length };
  return { kind: 'complete' };
}

export type { EndedSnapshot, SnapshotVerdict };
export { judgeSnapshot };
