import type { AllocationSettings, DiskAllocation, IndexAlias, IndexFacts } from '../core/model/allocation.js';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../core/model/cluster-info.js';
import type { RecoveryProgress } from '../core/model/recovery.js';
import type { Rename } from '../core/model/rename.js';
import type { RepositoryDefinition } from '../core/model/repository.js';
import type { ResolvedIndices } from '../core/model/search-index.js';
import type {
  SnapshotDetail,
  SnapshotFootprint,
  SnapshotListEntry,
  SnapshotProgress,
  SnapshotState,
} from '../core/model/snapshot.js';

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
  /** How long the master may take to start the restore (`30s`, `5m`); the engine's 30 s when absent. */
  masterTimeout?: string;
};

/** A write that the cluster may have accepted even though we got no answer (the managed service's 504). */
type WriteOutcome = 'accepted' | 'maybe-accepted';

type DeleteOutcome = 'deleted' | 'already-absent' | 'maybe-accepted';

/**
 * What asking to abort a job's snapshot found: `aborted` (it ran and was this job's: deleted, which aborts it),
 * `maybe-aborted` (the same, with no answer from the gateway), `ended` (it had finished: kept), `not-this-job`
 * (taken by someone else: kept), `absent` (never started, or already gone).
 */
type SnapshotAbort =
  | { outcome: 'aborted' | 'maybe-aborted' | 'not-this-job' | 'absent' }
  | { outcome: 'ended'; state: SnapshotState };

/** How long a read-only question may take, all attempts together. */
type ReadOptions = {
  /**
   * Past it the read gives up with an `UNREACHABLE` error of reason `timeout`, retries included: for answers
   * where one slow cluster must not hold the others' lines back. @default the client's own timeouts and retries
   */
  deadlineMs?: number;
};

interface ClusterInfoApi {
  info(options?: ReadOptions): Promise<ClusterInfo>;
  health(options?: ReadOptions): Promise<ClusterHealth>;
  /** Disk and shards of each data node, and the shards no node holds. */
  diskAllocation(): Promise<DiskAllocation>;
  /** The disk watermark and shard limit in force: set transiently, persistently, or the defaults. */
  allocationSettings(): Promise<AllocationSettings>;
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
   * Sizes, shards and times of several snapshots of one repository in one `_status`, running or ended; one that
   * does not exist is absent. Reads the ended ones' files from the repository: for a list a person asked for.
   */
  snapshotsProgress(repository: string, snapshots: readonly string[]): Promise<SnapshotProgress[]>;
  /** Deletes one snapshot (aborting it if it runs); one already gone is `already-absent`. */
  deleteSnapshot(repository: string, snapshot: string): Promise<DeleteOutcome>;
  /**
   * Aborts a snapshot only while it is IN_PROGRESS and its metadata names `jobId`: a DELETE aborts a running
   * snapshot but deletes a finished one (elastic/elasticsearch#82343), so an ended snapshot, or another's, is kept.
   * A missing repository or snapshot is `absent`.
   */
  abortSnapshot(repository: string, snapshot: string, jobId: string): Promise<SnapshotAbort>;
  /**
   * The version that wrote the snapshot and each index's primaries' bytes and shards in it. Reads the snapshot's
   * files (its `_status`): once per plan, never in a poll.
   */
  snapshotFootprint(repository: string, snapshot: string): Promise<SnapshotFootprint>;
}

interface RestoreApi {
  /** Starts a restore without waiting; repeating it for indices already restoring from that snapshot is fine. */
  restore(request: RestoreRequest): Promise<WriteOutcome>;
  /** The recovery of `indices`; an index that does not exist yet has no entry and counts as not started. */
  restoreProgress(indices: readonly string[]): Promise<RecoveryProgress>;
}

type DeleteIndicesOptions = {
  /**
   * Awaited before each index's DELETE, once the whole list has been checked; a throw stops the deletion there (the
   * indices before it are deleted). How a worker proves, request by request, that it still holds its job.
   */
  beforeEach?: (index: string) => Promise<void>;
};

type ResolveOptions = {
  /** Let wildcards reach hidden indices too, as `expand_wildcards=all` does. @default false (as the engines) */
  includeHidden?: boolean;
};

interface IndexApi {
  /**
   * An index list (names, `*` patterns, `-pattern` exclusions read in order) to the concrete indices it reaches now;
   * `unmatched` names the inclusions that reach none.
   */
  resolveIndices(expressions: readonly string[], options?: ResolveOptions): Promise<ResolvedIndices>;
  /** Every index marked `index.hidden: true`, sorted by name. */
  hiddenIndices(): Promise<string[]>;
  /** Exactly the named indices, one request each, never a protected one; an index already gone is `already-absent`. */
  deleteIndices(
    indices: readonly string[],
    options?: DeleteIndicesOptions,
  ): Promise<Array<{ index: string; outcome: DeleteOutcome }>>;
  /** Documents (primaries) of the named indices that exist; a missing one is absent from the map. */
  docCounts(indices: readonly string[]): Promise<Map<string, number>>;
  /** Creation version, shards, replicas and primaries' bytes of the named indices that exist, sorted by name. */
  indexFacts(indices: readonly string[]): Promise<IndexFacts[]>;
  /** Every alias of the cluster with its index, hidden ones too. */
  aliases(): Promise<IndexAlias[]>;
}

/** One cluster, by the alias the config gives it: every capability the bot uses. */
type ClusterClient = { readonly alias: string } & ClusterInfoApi & RepositoryApi & SnapshotApi & RestoreApi & IndexApi;

export type {
  ClusterClient,
  ClusterInfoApi,
  CreateSnapshotRequest,
  DeleteIndicesOptions,
  DeleteOutcome,
  IndexApi,
  ReadOptions,
  RepositoryApi,
  ResolveOptions,
  RestoreApi,
  RestoreRequest,
  SnapshotAbort,
  SnapshotApi,
  WriteOutcome,
};
