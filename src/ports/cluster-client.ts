import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../core/model/cluster-info.js';
import type { RecoveryProgress } from '../core/model/recovery.js';
import type { Rename } from '../core/model/rename.js';
import type { RepositoryDefinition } from '../core/model/repository.js';
import type { ResolvedIndices } from '../core/model/search-index.js';
import type { SnapshotDetail, SnapshotIndexSize, SnapshotListEntry, SnapshotProgress } from '../core/model/snapshot.js';

/**
 * What the bot asks of one Elasticsearch / OpenSearch cluster, one interface per capability. The adapter in
 * `adapters/cluster` builds each capability in its own module and composes them; use cases and tests depend only
 * on these, and test/contract/cluster-client-contract.ts holds the fake and the real clusters to them.
 */

type CreateSnapshotRequest = {
  repository: string;
  snapshot: string;
  /** Index names or patterns; empty or absent = every index. */
  indices?: readonly string[];
  /** @default false */
  includeGlobalState?: boolean;
  /** @default false */
  partial?: boolean;
  /** Recorded with the snapshot, so a repeated step recognises its own snapshot. */
  jobId: string;
};

type RestoreRequest = {
  repository: string;
  snapshot: string;
  indices: readonly string[];
  rename?: Rename;
  /** @default true */
  includeAliases?: boolean;
  /** @default false */
  ignoreUnavailable?: boolean;
  /** @default false */
  partial?: boolean;
  indexSettings?: Record<string, unknown>;
};

/** A write that the cluster may have accepted even though we got no answer (the managed service's 504). */
type WriteOutcome = 'accepted' | 'maybe-accepted';

type DeleteOutcome = 'deleted' | 'already-absent' | 'maybe-accepted';

interface ClusterInfoApi {
  info(): Promise<ClusterInfo>;
  health(): Promise<ClusterHealth>;
}

interface RepositoryApi {
  /** Registers the repository, or updates its settings when it exists: safe to repeat. */
  registerRepository(repository: RepositoryDefinition): Promise<void>;
  /** The names of the nodes that can reach the repository. */
  verifyRepository(name: string): Promise<string[]>;
  /** Every repository of the cluster, by name. */
  listRepositories(): Promise<RepositorySummary[]>;
}

interface SnapshotApi {
  /**
   * Starts a snapshot without waiting. Safe to repeat for the same job; a name taken by anything else is a
   * `snapshot_name_taken` error.
   */
  createSnapshot(request: CreateSnapshotRequest): Promise<WriteOutcome>;
  getSnapshot(repository: string, snapshot: string): Promise<SnapshotDetail>;
  /**
   * Several snapshots of one repository in one request; a snapshot that does not exist is simply absent from the
   * answer. An empty list asks nothing.
   */
  getSnapshots(repository: string, snapshots: readonly string[]): Promise<SnapshotDetail[]>;
  /** Newest first, at most `limit` (@default 20). */
  listSnapshots(repository: string, options?: { limit?: number }): Promise<SnapshotListEntry[]>;
  snapshotProgress(repository: string, snapshot: string): Promise<SnapshotProgress>;
  /**
   * Progress of every snapshot running in one repository. Cheap, unlike {@link snapshotProgress} of a finished
   * snapshot: only running snapshots are read, from the cluster state, never from the repository's files.
   */
  runningSnapshots(repository: string): Promise<SnapshotProgress[]>;
  /**
   * What an ended snapshot holds of each index, sorted by name. Like {@link snapshotProgress} of a finished snapshot
   * it reads the snapshot's files from the repository: asked once when a restore is planned, never polled.
   */
  snapshotIndexSizes(repository: string, snapshot: string): Promise<SnapshotIndexSize[]>;
  /** Deletes one snapshot (aborting it if it runs); one already gone is `already-absent`. */
  deleteSnapshot(repository: string, snapshot: string): Promise<DeleteOutcome>;
}

interface RestoreApi {
  /** Starts a restore without waiting; repeating it for indices already restoring from that snapshot is fine. */
  restore(request: RestoreRequest): Promise<WriteOutcome>;
  /** The recovery of `indices`; an index that does not exist yet has no entry and counts as not started. */
  restoreProgress(indices: readonly string[]): Promise<RecoveryProgress>;
}

interface IndexApi {
  /** Names and `*` patterns to the concrete indices they reach now; `unmatched` names the patterns that reach none. */
  resolveIndices(patterns: readonly string[]): Promise<ResolvedIndices>;
  /** Exactly the named indices, never a protected one; an index already gone is `already-absent`. */
  deleteIndices(indices: readonly string[]): Promise<Array<{ index: string; outcome: DeleteOutcome }>>;
  /** Documents (primaries) of the named indices that exist; a missing one is absent from the map. */
  docCounts(indices: readonly string[]): Promise<Map<string, number>>;
}

/** One cluster, by the alias the config gives it: every capability the bot uses. */
type ClusterClient = { readonly alias: string } & ClusterInfoApi & RepositoryApi & SnapshotApi & RestoreApi & IndexApi;

export type {
  ClusterClient,
  ClusterInfoApi,
  CreateSnapshotRequest,
  DeleteOutcome,
  IndexApi,
  RepositoryApi,
  RestoreApi,
  RestoreRequest,
  SnapshotApi,
  WriteOutcome,
};
