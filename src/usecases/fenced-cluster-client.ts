import type { ClusterClient } from '../ports/cluster-client.js';

type ClusterCall = Exclude<keyof ClusterClient, 'alias'>;

/**
 * Every call of the cluster port, by whether it changes the cluster. `satisfies` makes the table complete: a call
 * added to the port does not compile until someone decides here whether it must be fenced.
 */
const CALL_KINDS = {
  info: 'read',
  health: 'read',
  diskAllocation: 'read',
  allocationSettings: 'read',
  registerRepository: 'write',
  // POST _verify writes and deletes a test file in the repository on every node.
  verifyRepository: 'write',
  listRepositories: 'read',
  createSnapshot: 'write',
  getSnapshot: 'read',
  getSnapshots: 'read',
  listSnapshots: 'read',
  snapshotProgress: 'read',
  runningSnapshots: 'read',
  snapshotsProgress: 'read',
  deleteSnapshot: 'write',
  abortSnapshot: 'write',
  snapshotFootprint: 'read',
  restore: 'write',
  restoreProgress: 'read',
  resolveIndices: 'read',
  hiddenIndices: 'read',
  deleteIndices: 'write',
  docCounts: 'read',
  indexFacts: 'read',
  aliases: 'read',
} as const satisfies Record<ClusterCall, 'read' | 'write'>;

/** Resolves when the worker still holds the job; throws (LeaseLostError) when it cannot prove it. */
type Fence = (call: ClusterCall) => Promise<void>;

function fencedDeletion(client: ClusterClient, fence: Fence): ClusterClient['deleteIndices'] {
  return (indices, options) =>
    client.deleteIndices(indices, {
      beforeEach: async (index) => {
        await fence('deleteIndices');
        await options?.beforeEach?.(index);
      },
    });
}

function isWrite(property: string | symbol): property is ClusterCall {
  return typeof property === 'string' && (CALL_KINDS as Record<string, string>)[property] === 'write';
}

/**
 * The cluster as a worker holding a lease sees it: every call that changes the cluster first passes the fence (a
 * conditional renewal of the lease), so a worker that lost its job never acts on the cluster. An index deletion
 * passes it before each index's DELETE, since one call sends a request per index. Reads go straight through: a
 * worker that lost its job may look, and what it saw is never written. The transport's own retries of a write (after
 * 429, 502, 503 or a refused connection: the cluster did not take it) follow the fence that allowed the first
 * attempt; the heartbeat holds the lease meanwhile, and every step's write is safe to repeat.
 *
 * @example const fenced = fencedClusterClient(client, (call) => hold.prove(client.alias, call, timeoutMs));
 */
function fencedClusterClient(client: ClusterClient, fence: Fence): ClusterClient {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!isWrite(property)) return value.bind(target);
      if (property === 'deleteIndices') return fencedDeletion(target, fence);
      return async (...args: unknown[]) => {
        await fence(property);
        return value.apply(target, args);
      };
    },
  });
}

export type { ClusterCall, Fence };
export { CALL_KINDS, fencedClusterClient };
