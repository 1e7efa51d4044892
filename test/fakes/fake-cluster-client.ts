import { ClusterError, ClusterErrorCode } from '../../src/core/cluster-errors.js';
import type { RepositoryDefinition } from '../../src/core/model/repository.js';
import type { SnapshotDetail, SnapshotProgress, SnapshotState } from '../../src/core/model/snapshot.js';
import { renameMapping } from '../../src/core/restore/rename-mapping.js';
import { matchesWildcard } from '../../src/core/safety/protected-indices.js';
import type { ClusterClient } from '../../src/ports/cluster-client.js';

type FakeSnapshot = {
  indices: string[];
  jobId: string;
  state: SnapshotState;
  pollsLeft: number;
  docs: Map<string, number>;
};

type FakeClusterOptions = {
  alias: string;
  indices?: Record<string, number>;
  /** How many progress reads a snapshot or restore stays unfinished. @default 1 */
  pollsToFinish?: number;
  /** State a finished snapshot ends in. @default SUCCESS */
  snapshotOutcome?: SnapshotState;
};

type FakeCluster = ClusterClient & {
  indices: Map<string, number>;
  calls: string[];
  fail(operation: string, error: Error): void;
  heal(operation: string): void;
};

/**
 * A cluster port fake for unit tests of use cases: indices with doc counts, snapshots that finish after a few
 * reads (by any of getSnapshot, getSnapshots and runningSnapshots), restores that create their targets. It records
 * every call that a test counts by name; `fail(name, error)` makes that call throw until `heal(name)`.
 */
function createFakeCluster(options: FakeClusterOptions): FakeCluster {
  const { alias, pollsToFinish = 1, snapshotOutcome = 'SUCCESS' } = options;
  const indices = new Map(Object.entries(options.indices ?? {}));
  const snapshots = new Map<string, FakeSnapshot>();
  const restoring = new Map<string, { docs: number; pollsLeft: number; snapshot: string }>();
  const repositories = new Map<string, RepositoryDefinition>();
  const failures = new Map<string, Error>();
  const calls: string[] = [];
  const record = (operation: string) => {
    calls.push(operation);
    const failure = failures.get(operation);
    if (failure !== undefined) throw failure;
  };
  const snapshotAt = (repository: string, snapshot: string): FakeSnapshot => {
    const found = snapshots.get(`${repository}/${snapshot}`);
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
  const detailOf = (repository: string, snapshot: string, found: FakeSnapshot): SnapshotDetail => ({
    repository,
    snapshot,
    uuid: 'u',
    state: found.state,
    indices: found.indices,
    startTime: undefined,
    endTime: undefined,
    shards: {
      total: found.indices.length,
      successful: found.state === 'PARTIAL' ? 0 : found.indices.length,
      failed: found.state === 'PARTIAL' ? found.indices.length : 0,
    },
    failures:
      found.state === 'PARTIAL'
        ? [{ index: found.indices[0] ?? '?', shardId: 0, reason: 'primary shard is not allocated' }]
        : [],
    metadata: { es_snapshot_bot_job_id: found.jobId },
  });
  const progressOf = (repository: string, snapshot: string, found: FakeSnapshot): SnapshotProgress => ({
    repository,
    snapshot,
    state: 'STARTED',
    shardsDone: 0,
    shardsFailed: 0,
    shardsTotal: found.indices.length,
    bytesDone: 10,
    bytesTotal: 100,
    percent: 10,
  });
  const inRepository = (repository: string) =>
    [...snapshots.entries()]
      .filter(([key]) => key.startsWith(`${repository}/`))
      .map(([key, found]) => ({ snapshot: key.slice(repository.length + 1), found }));
  return {
    alias,
    indices,
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
    registerRepository: async (repository) => {
      record('registerRepository');
      repositories.set(repository.name, repository);
    },
    verifyRepository: async () => ['node-1'],
    listRepositories: async () =>
      [...repositories.values()].map(({ name, type, settings }) => ({ name, type, settings })),
    createSnapshot: async (request) => {
      record('createSnapshot');
      const names = (request.indices ?? ['*']).flatMap((pattern) =>
        [...indices.keys()].filter((index) => matchesWildcard(pattern, index)),
      );
      const docs = new Map(names.map((name) => [name, indices.get(name) ?? 0]));
      snapshots.set(`${request.repository}/${request.snapshot}`, {
        indices: names,
        jobId: request.jobId,
        state: 'IN_PROGRESS',
        pollsLeft: pollsToFinish,
        docs,
      });
      return 'accepted';
    },
    getSnapshot: async (repository, snapshot) => {
      record('getSnapshot');
      return detailOf(repository, snapshot, poll(snapshotAt(repository, snapshot)));
    },
    getSnapshots: async (repository, names) => {
      record('getSnapshots');
      return inRepository(repository)
        .filter((entry) => names.includes(entry.snapshot))
        .map((entry) => detailOf(repository, entry.snapshot, poll(entry.found)));
    },
    listSnapshots: async () => [],
    snapshotProgress: async (repository, snapshot) => {
      record('snapshotProgress');
      return progressOf(repository, snapshot, snapshotAt(repository, snapshot));
    },
    runningSnapshots: async (repository) => {
      record('runningSnapshots');
      return inRepository(repository)
        .filter((entry) => entry.found.state === 'IN_PROGRESS' && poll(entry.found).state === 'IN_PROGRESS')
        .map((entry) => progressOf(repository, entry.snapshot, entry.found));
    },
    deleteSnapshot: async (repository, snapshot) => {
      record('deleteSnapshot');
      return snapshots.delete(`${repository}/${snapshot}`) ? 'deleted' : 'already-absent';
    },
    resolveIndices: async (patterns) => {
      const matched = [...indices.entries()].filter(([name]) =>
        patterns.some((pattern) => matchesWildcard(pattern, name)),
      );
      return {
        indices: matched.map(([index, docsCount]) => ({
          index,
          docsCount,
          storeBytes: docsCount * 100,
          health: 'green',
          status: 'open',
          primaries: 1,
        })),
        unmatched: patterns.filter((pattern) => !matched.some(([name]) => matchesWildcard(pattern, name))),
      };
    },
    deleteIndices: async (names) => {
      record('deleteIndices');
      return names.map((index) => ({ index, outcome: indices.delete(index) ? 'deleted' : 'already-absent' }));
    },
    restore: async (request) => {
      record('restore');
      const found = snapshotAt(request.repository, request.snapshot);
      for (const [index, target] of renameMapping(request.indices, request.rename)) {
        if (!found.indices.includes(index))
          throw new ClusterError(ClusterErrorCode.INDEX_NOT_FOUND, { cluster: alias, index });
        restoring.set(target, {
          docs: found.docs.get(index) ?? 0,
          pollsLeft: pollsToFinish,
          snapshot: request.snapshot,
        });
      }
      return 'accepted';
    },
    restoreProgress: async (targets) => {
      record('restoreProgress');
      const entries = targets.map((target) => {
        const restore = restoring.get(target);
        if (restore !== undefined && restore.pollsLeft <= 0) {
          indices.set(target, restore.docs);
          restoring.delete(target);
        }
        if (restore !== undefined) restore.pollsLeft -= 1;
        return { target, done: indices.has(target) };
      });
      const done = entries.every((entry) => entry.done);
      return {
        indices: entries.map((entry) => ({
          index: entry.target,
          shardsDone: entry.done ? 1 : 0,
          shardsTotal: 1,
          bytesDone: 0,
          bytesTotal: 0,
          source: undefined,
        })),
        shardsDone: entries.filter((entry) => entry.done).length,
        shardsTotal: entries.length,
        bytesDone: 0,
        bytesTotal: 0,
        percent: done ? 100 : 50,
        done,
      };
    },
    docCounts: async (names) =>
      new Map(names.filter((name) => indices.has(name)).map((name) => [name, indices.get(name) ?? 0])),
  };
}

export { createFakeCluster };
