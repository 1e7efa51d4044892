import type { AllocationSettings, DiskAllocation, IndexAlias } from '../model/allocation.js';
import type { ClusterInfo } from '../model/cluster-info.js';
import type { IndexSummary } from '../model/search-index.js';
import {
  type EngineVersion,
  formatVersion,
  type Readability,
  readability,
  shownEngine,
  versionFromNumber,
} from './engine-version.js';
import type { PreflightFinding } from './preflight-findings.js';
import { roomUnderWatermark } from './watermark.js';

/**
 * The preflight's checks: pure functions from what the clusters said to findings. The use case
 * (usecases/preflight.ts) does the reads; these decide.
 */

/** One index a restore brings to the target: its primaries' bytes, and the copies the target will make. */
type RestoreNeed = { index: string; primaryBytes: number; shards: number; replicas: number };

/** What the target said about the repository. */
type RepositoryAnswer =
  | { kind: 'registered-by-plan' }
  | { kind: 'missing' }
  | { kind: 'verified'; nodes: readonly string[] }
  | { kind: 'refused'; reason: string };

function repositoryCheck(repository: string, answer: RepositoryAnswer): PreflightFinding {
  switch (answer.kind) {
    case 'registered-by-plan':
      return { finding: 'repository-registered-by-plan', repository };
    case 'missing':
      return { finding: 'repository-missing', repository };
    case 'verified':
      return { finding: 'repository-readable', repository, nodes: answer.nodes.length };
    case 'refused':
      return { finding: 'repository-unreadable', repository, reason: answer.reason };
  }
}

const VERSION_FINDINGS: Record<
  Exclude<Readability, 'readable'>,
  'version-newer' | 'version-too-old' | 'version-other-engine'
> = { newer: 'version-newer', 'too-old': 'version-too-old', 'other-engine': 'version-other-engine' };

function distinctVersions(versions: readonly EngineVersion[]): string {
  return [...new Set(versions.map(formatVersion))].sort().join(', ');
}

/**
 * Whether the target can read what the restore brings: each index's creation version (a migration reads it on
 * the source), or the snapshot's own version (a restore, which cannot see inside the snapshot cheaply: an index
 * in it is never newer than the snapshot). One finding per kind of problem, naming the indices.
 */
function versionCheck(
  written: ReadonlyArray<{ index: string; version: EngineVersion | undefined }>,
  target: ClusterInfo,
): PreflightFinding[] {
  const targetVersion = versionFromNumber(target.distribution, target.version);
  const targetName = shownEngine(target.distribution, target.version);
  const known = written.flatMap(({ index, version }) => (version === undefined ? [] : [{ index, version }]));
  if (targetVersion === undefined || known.length < written.length || known.length === 0) {
    return [{ finding: 'version-unknown', target: targetName }];
  }
  const shownTarget = formatVersion(targetVersion);
  const problems = (Object.keys(VERSION_FINDINGS) as Array<keyof typeof VERSION_FINDINGS>).flatMap((kind) => {
    const reached = known.filter(({ version }) => readability(version, targetVersion) === kind);
    if (reached.length === 0) return [];
    return [
      {
        finding: VERSION_FINDINGS[kind],
        indices: reached.map(({ index }) => index),
        written: distinctVersions(reached.map(({ version }) => version)),
        target: shownTarget,
      },
    ];
  });
  if (problems.length > 0) return problems;
  return [
    {
      finding: 'version-readable',
      written: distinctVersions(known.map(({ version }) => version)),
      target: shownTarget,
    },
  ];
}

/** Copies of each shard the target will hold: a replica never shares a node with its primary. */
function copiesOn(need: RestoreNeed, dataNodes: number): number {
  return Math.min(1 + need.replicas, Math.max(1, dataNodes));
}

/**
 * Whether the restored copies fit under the target's high watermark: primaries' bytes × the copies the target can
 * place, against the room each node has before it crosses the watermark (indices that `replace` deletes first
 * give theirs back). A shard does not split across nodes: the largest must fit on the roomiest node.
 */
function diskCheck(
  needs: readonly RestoreNeed[],
  allocation: DiskAllocation,
  settings: AllocationSettings,
  freedBytes: number,
): PreflightFinding {
  const dataNodes = allocation.nodes.length;
  const applies = settings.thresholdEnabled && (dataNodes > 1 || settings.watermarkOnSingleDataNode);
  const rooms = allocation.nodes.map((node) => roomUnderWatermark(node, applies ? settings.highWatermark : undefined));
  if (rooms.some((room) => room === undefined)) {
    return { finding: 'disk-watermark-unreadable', watermark: settings.highWatermark };
  }
  const room = (rooms as number[]).reduce((sum, each) => sum + each, freedBytes);
  const needed = needs.reduce((sum, need) => sum + need.primaryBytes * copiesOn(need, dataNodes), 0);
  const largestShard = Math.max(0, ...needs.map((need) => need.primaryBytes / need.shards));
  const roomiest = Math.max(0, ...(rooms as number[])) + freedBytes;
  const fits = needed <= room && largestShard <= roomiest;
  return {
    finding: fits ? 'disk-fits' : 'disk-short',
    neededBytes: Math.ceil(needed),
    roomBytes: Math.floor(room),
    nodes: dataNodes,
    watermark: applies ? settings.highWatermark : undefined,
  };
}

/**
 * Whether the shards the restore adds stay within `cluster.max_shards_per_node` × data nodes. The engine counts
 * every copy it is asked for, placed or not, so replicas count in full; unassigned shards count too.
 */
function shardCheck(
  needs: readonly RestoreNeed[],
  allocation: DiskAllocation,
  settings: AllocationSettings,
  freedShards: number,
): PreflightFinding {
  const adding = needs.reduce((sum, need) => sum + need.shards * (1 + need.replicas), 0);
  const placed = allocation.nodes.reduce((sum, node) => sum + node.shards, 0);
  const current = Math.max(0, placed + allocation.unassignedShards - freedShards);
  const limit = settings.maxShardsPerNode * allocation.nodes.length;
  return { finding: current + adding <= limit ? 'shards-fit' : 'shards-over', adding, current, limit };
}

/**
 * The targets that exist on the cluster now, open or closed. Without `replace` the plan has already refused
 * them; with it, they are deleted first, and a closed one is named, since nobody may have noticed it.
 */
function collisionCheck(existing: readonly IndexSummary[], targets: number): PreflightFinding {
  if (existing.length === 0) return { finding: 'targets-free', count: targets };
  return {
    finding: 'targets-replaced',
    indices: existing.map((entry) => entry.index),
    closed: existing.filter((entry) => entry.status === 'close').map((entry) => entry.index),
  };
}

/**
 * Aliases the restored indices bring (a restore keeps them) against the target's: one that names a write index
 * on both sides would give the alias two write indices, which the engine refuses; one shared without a write
 * index will point at more indices than before (a warning). Target indices that `replace` deletes lose theirs.
 */
function aliasCheck(
  brought: readonly IndexAlias[],
  onTarget: readonly IndexAlias[],
  deleted: readonly string[],
): PreflightFinding[] {
  const staying = onTarget.filter((entry) => !deleted.includes(entry.index));
  const findings = [...new Set(brought.map((entry) => entry.alias))].sort().flatMap((alias): PreflightFinding[] => {
    const there = staying.filter((entry) => entry.alias === alias);
    if (there.length === 0) return [];
    const writeThere = there.find((entry) => entry.isWriteIndex === true);
    const writeBrought = brought.find((entry) => entry.alias === alias && entry.isWriteIndex === true);
    if (writeThere !== undefined && writeBrought !== undefined) {
      return [{ finding: 'write-alias-taken', alias, index: writeBrought.index, writeIndex: writeThere.index }];
    }
    return [{ finding: 'alias-shared', alias, indices: there.map((entry) => entry.index) }];
  });
  return findings.length > 0 ? findings : [{ finding: 'aliases-free', count: brought.length }];
}

/** Indices a restore request carries before the engine's 30 s default for reaching the master is too short. */
const INDICES_WITHIN_DEFAULT_TIMEOUT = 50;

/**
 * The `master_timeout` a restore of `indices` indices should ask for: the master reads each index's metadata from
 * the repository inside that one cluster-state task, and 653 indices did not fit in 30 s (elastic/elasticsearch#43458).
 * Half a second per index over the default's 30 s; undefined when the default is enough.
 */
function masterTimeoutFor(indices: number): string | undefined {
  if (indices <= INDICES_WITHIN_DEFAULT_TIMEOUT) return undefined;
  return `${30 + Math.ceil(indices / 2)}s`;
}

function masterTimeoutCheck(indices: number): PreflightFinding[] {
  const timeout = masterTimeoutFor(indices);
  return timeout === undefined ? [] : [{ finding: 'master-timeout', timeout, indices }];
}

export type { RepositoryAnswer, RestoreNeed };
export {
  aliasCheck,
  collisionCheck,
  diskCheck,
  masterTimeoutCheck,
  masterTimeoutFor,
  repositoryCheck,
  shardCheck,
  versionCheck,
};
