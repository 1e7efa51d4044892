import { ClusterError, ClusterErrorCode } from '../../src/core/cluster-errors.js';
import type { AllocationSettings, IndexAlias } from '../../src/core/model/allocation.js';
import type { IndexRecovery } from '../../src/core/model/recovery.js';
import type { RepositoryDefinition } from '../../src/core/model/repository.js';
import type {
  SnapshotDetail,
  SnapshotListEntry,
  SnapshotProgress,
  SnapshotState,
} from '../../src/core/model/snapshot.js';
import { summarizeRecovery } from '../../src/core/restore/recovery-summary.js';
import { renameMapping } from '../../src/core/restore/rename-mapping.js';
import { selectIndices } from '../../src/core/safety/index-expressions.js';
import { matchesWildcard } from '../../src/core/safety/protected-indices.js';
import type { ClusterClient } from '../../src/ports/cluster-client.js';

type FakeSnapshot = {
  repository: string;
  snapshot: string;
  indices: string[];
  jobId: string;
  state: SnapshotState;
  pollsLeft: number;
  docs: Map<string, number>;
  startTime: Date;
  /** Creation order: snapshots taken in the same millisecond still list newest first. */
  sequence: number;
  uuid: string;
};

type FakeRestore = { docs: number; pollsLeft: number; repository: string; snapshot: string };

type FakeClusterOptions = {
  alias: string;
  indices?: Record<string, number>;
  /** Which of `indices` are hidden: wildcards skip them unless asked to include hidden ones. @default [] */
  hidden?: readonly string[];
  /** Repositories registered from the start, as `fs` ones. @default ['migration'] (the fixtures' default repository) */
  repositories?: readonly string[];
  /** How many progress reads a snapshot or restore stays unfinished. @default 1 */
  pollsToFinish?: number;
  /** State a finished snapshot ends in. @default SUCCESS */
  snapshotOutcome?: SnapshotState;
  /** Free bytes of its one data node (of 100 GB). @default 50 GB */
  availableBytes?: number;
  /** @default thresholds on, high watermark 90%, 1000 shards per node */
  allocationSettings?: Partial<AllocationSettings>;
  /** @default none */
  aliases?: IndexAlias[];
};

/** OpenSearch 2.19.5's version id, as `index.version.created` and a snapshot's `version_id` say it. */
const FAKE_VERSION_ID = 136408327;

type FakeCluster = ClusterClient & {
  indices: Map<string, number>;
  /** Which of `indices` are hidden. */
  hidden: Set<string>;
  /** An index's UUID when a test set one (an index deleted and created again); otherwise `<alias>-<name>`. */
  uuids: Map<string, string>;
  calls: string[];
  fail(operation: string, error: Error): void;
  heal(operation: string): void;
};

function byName<Entry>(entries: Iterable<[string, Entry]>): Array<[string, Entry]> {
  return [...entries].sort(([left], [right]) => left.localeCompare(right));
}

/**
 * A cluster port fake for unit tests of use cases: repositories, indices with doc counts, snapshots that finish
 * after a few reads (by any of getSnapshot, getSnapshots and runningSnapshots), restores that create their
 * targets. It records every call that a test counts by name; `fail(name, error)` makes that call throw until
 * `heal(name)`. test/contract/cluster-client-contract.ts holds it to what the real clusters do.
 */
function createFakeCluster(options: FakeClusterOptions): FakeCluster {
  const { alias, pollsToFinish = 1, snapshotOutcome = 'SUCCESS' } = options;
  const indices = new Map(Object.entries(options.indices ?? {}));
  const hidden = new Set(options.hidden ?? []);
  const uuids = new Map<string, string>();
  const snapshots = new Map<string, FakeSnapshot>();
  const restoring = new Map<string, FakeRestore>();
  const restoredFrom = new Map<string, { repository: string; snapshot: string }>();
  const repositories = new Map<string, RepositoryDefinition>(
    (options.repositories ?? ['migration']).map((name) => [
      name,
      { name, type: 'fs', settings: { location: `/snapshots/${name}` } },
    ]),
  );
  const failures = new Map<string, Error>();
  const calls: string[] = [];
  let sequence = 0;
  const record = (operation: string) => {
    calls.push(operation);
    const failure = failures.get(operation);
    if (failure !== undefined) throw failure;
  };
  const registered = (repository: string): string => {
    if (!repositories.has(repository)) {
      throw new ClusterError(ClusterErrorCode.REPOSITORY_MISSING, { cluster: alias, repository });
    }
    return repository;
  };
  const snapshotAt = (repository: string, snapshot: string): FakeSnapshot => {
    const found = snapshots.get(`${registered(repository)}/${snapshot}`);
    if (found === undefined) {
      throw new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster: alias, repository, snapshot });
    }
    return found;
  };
  // Every read of a snapshot's state brings it one poll closer to its end, whichever call reads it.
  const poll = (found: FakeSnapshot): FakeSnapshot => {
    if (found.state === 'IN_PROGRESS' && found.pollsLeft <= 0) found.state = snapshotOutcome;
    found.pollsLeft -= 1;
    return found;
  };
  // A PARTIAL snapshot fails the one shard of its first index and takes the others.
  const shardsOf = (found: FakeSnapshot) => ({
    total: found.indices.length,
    successful: found.state === 'PARTIAL' ? found.indices.length - 1 : found.indices.length,
    failed: found.state === 'PARTIAL' ? 1 : 0,
  });
  const detailOf = (found: FakeSnapshot): SnapshotDetail => ({
    repository: found.repository,
    snapshot: found.snapshot,
    uuid: found.uuid,
    state: found.state,
    indices: found.indices,
    startTime: found.startTime,
    endTime: found.state === 'IN_PROGRESS' ? undefined : found.startTime,
    shards: shardsOf(found),
    failures:
      found.state === 'PARTIAL'
        ? [{ index: found.indices[0] ?? '?', shardId: 0, reason: 'primary shard is not allocated' }]
        : [],
    metadata: { es_snapshot_bot_job_id: found.jobId },
  });
  // `_status` of an ended snapshot reads it whole from the repository: complete, in its final state.
  const progressOf = (found: FakeSnapshot): SnapshotProgress => {
    const running = found.state === 'IN_PROGRESS';
    return {
      repository: found.repository,
      snapshot: found.snapshot,
      state: running ? 'STARTED' : found.state,
      shardsDone: running ? 0 : shardsOf(found).successful,
      shardsFailed: running ? 0 : shardsOf(found).failed,
      shardsTotal: found.indices.length,
      bytesDone: running ? 10 : 100,
      bytesTotal: 100,
      bytesHeld: 100,
      percent: running ? 10 : 100,
      totalsKnown: true,
      tookMs: running ? undefined : 1500,
    };
  };
  const listEntryOf = (found: FakeSnapshot): SnapshotListEntry => {
    const { startTime, endTime, state, snapshot, shards } = detailOf(found);
    return { snapshot, state, startTime, endTime, indexCount: found.indices.length, shards };
  };
  const inRepository = (repository: string) =>
    [...snapshots.values()].filter((found) => found.repository === registered(repository));
  // A restore that has had its reads becomes an index; until then the target is recovering.
  const recoveryOf = (target: string): IndexRecovery | undefined => {
    const restore = restoring.get(target);
    if (restore !== undefined && restore.pollsLeft <= 0) {
      indices.set(target, restore.docs);
      restoredFrom.set(target, { repository: restore.repository, snapshot: restore.snapshot });
      restoring.delete(target);
    }
    if (restore !== undefined) restore.pollsLeft -= 1;
    const source = restoredFrom.get(target);
    if (restoring.has(target) && restore !== undefined) {
      const from = { repository: restore.repository, snapshot: restore.snapshot };
      const types = ['SNAPSHOT'];
      const bytesTotal = restore.docs * 100;
      return {
        index: target,
        shardsDone: 0,
        shardsTotal: 1,
        bytesDone: 0,
        bytesTotal,
        source: from,
        types,
        totalsKnown: true,
      };
    }
    if (!indices.has(target)) return undefined;
    // An index the fake was given, or one written to after a delete, was made empty on the cluster.
    const types = [source === undefined ? 'EMPTY_STORE' : 'SNAPSHOT'];
    const bytes = source === undefined ? 0 : (indices.get(target) ?? 0) * 100;
    return {
      index: target,
      shardsDone: 1,
      shardsTotal: 1,
      bytesDone: bytes,
      bytesTotal: bytes,
      source,
      types,
      totalsKnown: true,
    };
  };
  // The engine refuses an index the snapshot lacks, and an open index of the target's name from elsewhere.
  const assertRestorable = (found: FakeSnapshot, index: string, target: string): void => {
    if (!found.indices.includes(index))
      throw new ClusterError(ClusterErrorCode.INDEX_NOT_FOUND, { cluster: alias, index });
    const from = restoring.get(target) ?? restoredFrom.get(target);
    if (indices.has(target) && !(from?.repository === found.repository && from.snapshot === found.snapshot)) {
      throw new ClusterError(ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX, { cluster: alias, index: target });
    }
  };
  return {
    alias,
    indices,
    hidden,
    uuids,
    calls,
    fail: (operation, error) => failures.set(operation, error),
    heal: (operation) => {
      failures.delete(operation);
    },
    info: async () => {
      record('info');
      return { name: alias, distribution: 'opensearch', version: '2.19.5' };
    },
    health: async () => ({ status: 'green', nodes: 1, activeShards: indices.size }),
    diskAllocation: async () => {
      record('diskAllocation');
      const availableBytes = options.availableBytes ?? 50e9;
      const node = { node: 'node-1', shards: indices.size, availableBytes, totalBytes: 100e9 };
      return { nodes: [{ ...node, usedBytes: node.totalBytes - availableBytes }], unassignedShards: 0 };
    },
    allocationSettings: async () => ({
      thresholdEnabled: true,
      highWatermark: '90%',
      watermarkOnSingleDataNode: true,
      maxShardsPerNode: 1000,
      ...options.allocationSettings,
    }),
    registerRepository: async (repository) => {
      record('registerRepository');
      repositories.set(repository.name, repository);
    },
    verifyRepository: async (name) => {
      registered(name);
      return ['node-1'];
    },
    // The engines answer every setting as a string, whatever it was registered with.
    listRepositories: async () => {
      record('listRepositories');
      return byName(repositories).map(([name, { type, settings }]) => ({
        name,
        type,
        settings: Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
      }));
    },
    createSnapshot: async (request) => {
      record('createSnapshot');
      const key = `${registered(request.repository)}/${request.snapshot}`;
      const existing = snapshots.get(key);
      if (existing?.jobId === request.jobId) return 'accepted';
      if (existing !== undefined) {
        const { repository, snapshot } = request;
        throw new ClusterError(ClusterErrorCode.SNAPSHOT_NAME_TAKEN, { cluster: alias, repository, snapshot });
      }
      const names = byName(indices)
        .map(([name]) => name)
        .filter((name) => (request.indices ?? ['*']).some((pattern) => matchesWildcard(pattern, name)));
      sequence += 1;
      snapshots.set(key, {
        repository: request.repository,
        snapshot: request.snapshot,
        indices: names,
        jobId: request.jobId,
        state: 'IN_PROGRESS',
        pollsLeft: pollsToFinish,
        docs: new Map(names.map((name) => [name, indices.get(name) ?? 0])),
        startTime: new Date(),
        sequence,
        uuid: `${alias}-snapshot-${sequence}`,
      });
      return 'accepted';
    },
    getSnapshot: async (repository, snapshot) => {
      record('getSnapshot');
      return detailOf(poll(snapshotAt(repository, snapshot)));
    },
    getSnapshots: async (repository, names) => {
      record('getSnapshots');
      if (names.length === 0) return [];
      return inRepository(repository)
        .filter((found) => names.includes(found.snapshot))
        .map((found) => detailOf(poll(found)));
    },
    listSnapshots: async (repository, listOptions) =>
      inRepository(repository)
        .sort((left, right) => right.sequence - left.sequence)
        .slice(0, listOptions?.limit ?? 20)
        .map(listEntryOf),
    snapshotProgress: async (repository, snapshot) => {
      record('snapshotProgress');
      return progressOf(snapshotAt(repository, snapshot));
    },
    snapshotsProgress: async (repository, names) => {
      record('snapshotsProgress');
      return inRepository(repository)
        .filter((found) => names.includes(found.snapshot))
        .map((found) => progressOf(poll(found)));
    },
    // A fake index's files come to 100 bytes a document, in the snapshot and in a copy restored from it.
    runningSnapshots: async (repository) => {
      record('runningSnapshots');
      return inRepository(repository)
        .filter((found) => found.state === 'IN_PROGRESS' && poll(found).state === 'IN_PROGRESS')
        .map(progressOf);
    },
    deleteSnapshot: async (repository, snapshot) => {
      record('deleteSnapshot');
      return snapshots.delete(`${registered(repository)}/${snapshot}`) ? 'deleted' : 'already-absent';
    },
    abortSnapshot: async (repository, snapshot, jobId) => {
      record('abortSnapshot');
      const found = repositories.has(repository) ? snapshots.get(`${repository}/${snapshot}`) : undefined;
      if (found === undefined) return { outcome: 'absent' };
      if (found.jobId !== jobId) return { outcome: 'not-this-job' };
      if (found.state !== 'IN_PROGRESS') return { outcome: 'ended', state: found.state };
      snapshots.delete(`${repository}/${snapshot}`);
      return { outcome: 'aborted' };
    },
    snapshotFootprint: async (repository, snapshot) => {
      record('snapshotFootprint');
      const found = snapshotAt(repository, snapshot);
      const bytesOf = (index: string) => (found.docs.get(index) ?? 0) * 100;
      return {
        versionId: FAKE_VERSION_ID,
        indices: found.indices.map((index) => ({ index, bytes: bytesOf(index), shards: 1 })),
      };
    },
    // As the engines: a wildcard skips hidden indices unless asked to include them; an exact name reaches one.
    resolveIndices: async (expressions, resolveOptions) => {
      const reach = (pattern: string) =>
        byName(indices)
          .map(([name]) => name)
          .filter(
            (name) =>
              name === pattern ||
              (matchesWildcard(pattern, name) && (resolveOptions?.includeHidden || !hidden.has(name))),
          );
      const { names, unmatched } = selectIndices(expressions, reach);
      return {
        indices: names.map((index) => {
          const docsCount = indices.get(index) ?? 0;
          return {
            index,
            uuid: uuids.get(index) ?? `${alias}-${index}`,
            docsCount,
            storeBytes: docsCount * 100,
            health: 'green',
            status: 'open',
            primaries: 1,
          };
        }),
        unmatched,
      };
    },
    hiddenIndices: async () =>
      byName(indices)
        .map(([name]) => name)
        .filter((name) => hidden.has(name)),
    deleteIndices: async (names, options) => {
      record('deleteIndices');
      const results: Array<{ index: string; outcome: 'deleted' | 'already-absent' }> = [];
      for (const index of names) {
        await options?.beforeEach?.(index);
        restoredFrom.delete(index);
        restoring.delete(index);
        uuids.delete(index);
        results.push({ index, outcome: indices.delete(index) ? 'deleted' : 'already-absent' });
      }
      return results;
    },
    restore: async (request) => {
      record('restore');
      const { repository, snapshot } = request;
      const found = snapshotAt(repository, snapshot);
      const mapping = renameMapping(request.indices, request.rename);
      for (const [index, target] of mapping) assertRestorable(found, index, target);
      for (const [index, target] of mapping) {
        if (indices.has(target) || restoring.has(target)) continue;
        restoring.set(target, { docs: found.docs.get(index) ?? 0, pollsLeft: pollsToFinish, repository, snapshot });
        // The engine creates the target at once; its documents arrive as its shards recover.
        indices.set(target, 0);
      }
      return 'accepted';
    },
    restoreProgress: async (targets) => {
      record('restoreProgress');
      return summarizeRecovery(
        targets,
        targets.flatMap((target) => recoveryOf(target) ?? []),
      );
    },
    indexFacts: async (names) =>
      byName(indices)
        .filter(([index]) => names.includes(index))
        .map(([index, docs]) => ({
          index,
          versionCreated: FAKE_VERSION_ID,
          shards: 1,
          replicas: 1,
          primaryBytes: docs * 100,
        })),
    aliases: async () => [...(options.aliases ?? [])],
    docCounts: async (names) =>
      new Map(names.filter((name) => indices.has(name)).map((name) => [name, indices.get(name) ?? 0])),
  };
}

export { createFakeCluster, FAKE_VERSION_ID };
