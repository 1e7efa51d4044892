import type { FsRepositorySettings, RepositoryDefinition, S3RepositorySettings } from '../core/model/repository.js';

/**
 * What the bot asks of one Elasticsearch / OpenSearch cluster. The adapter in `adapters/cluster` implements it
 * with signed HTTP; use cases and tests depend only on this.
 */

type RepositorySummary = { name: string; type: string; settings: Record<string, unknown> };

/** SnapshotState of the cluster; there is no INCOMPLETE. PARTIAL and SUCCESS are restorable. */
type SnapshotState = 'IN_PROGRESS' | 'SUCCESS' | 'PARTIAL' | 'FAILED' | 'INCOMPATIBLE';

type ShardFailure = { index: string; shardId: number | undefined; reason: string };

type SnapshotDetail = {
  repository: string;
  snapshot: string;
  uuid: string;
  state: SnapshotState;
  indices: string[];
  startTime: Date | undefined;
  endTime: Date | undefined;
  shards: { total: number; successful: number; failed: number };
  failures: ShardFailure[];
  metadata: Record<string, unknown>;
};

type SnapshotListEntry = {
  snapshot: string;
  state: SnapshotState;
  startTime: Date | undefined;
  endTime: Date | undefined;
  indexCount: number;
  shards: { total: number; successful: number; failed: number };
};

type SnapshotProgress = {
  repository: string;
  snapshot: string;
  /** Raw state from `_status`: the in-progress machine (STARTED, SUCCESS, FAILED, ABORTED …). */
  state: string;
  shardsDone: number;
  shardsFailed: number;
  shardsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  percent: number;
};

type IndexSummary = {
  index: string;
  health: string;
  status: string;
  docsCount: number;
  storeBytes: number;
  primaries: number;
};

type CreateSnapshotRequest = {
  repository: string;
  snapshot: string;
  /** Index names or patterns; empty or absent = every index. */
  indices?: readonly string[];
  /** @default false */
  includeGlobalState?: boolean;
  /** @default false */
  partial?: boolean;
  /** Recorded in the snapshot's metadata, so a repeated step recognises its own snapshot. */
  jobId: string;
};

type RestoreRequest = {
  repository: string;
  snapshot: string;
  indices: readonly string[];
  rename?: { pattern: string; replacement: string };
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

/** The primaries of one index recovering (from a snapshot, after a restore). */
type IndexRecovery = {
  index: string;
  shardsDone: number;
  shardsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  source: { repository: string; snapshot: string } | undefined;
};

type RecoveryProgress = {
  indices: IndexRecovery[];
  shardsDone: number;
  shardsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  percent: number;
  done: boolean;
};

type DocCountComparison = {
  index: string;
  target: string;
  sourceDocs: number | undefined;
  targetDocs: number | undefined;
  equal: boolean;
};

type ClusterInfo = { name: string; distribution: string; version: string };

type ClusterHealth = { status: 'green' | 'yellow' | 'red'; nodes: number; activeShards: number };

interface ClusterClient {
  readonly alias: string;
  info(): Promise<ClusterInfo>;
  health(): Promise<ClusterHealth>;
  registerRepository(repository: RepositoryDefinition): Promise<void>;
  verifyRepository(name: string): Promise<string[]>;
  listRepositories(): Promise<RepositorySummary[]>;
  createSnapshot(request: CreateSnapshotRequest): Promise<WriteOutcome>;
  getSnapshot(repository: string, snapshot: string): Promise<SnapshotDetail>;
  /**
   * Several snapshots of one repository in one request; a snapshot that does not exist is simply absent from the
   * answer. An empty list asks nothing.
   */
  getSnapshots(repository: string, snapshots: readonly string[]): Promise<SnapshotDetail[]>;
  listSnapshots(repository: string, options?: { limit?: number }): Promise<SnapshotListEntry[]>;
  snapshotProgress(repository: string, snapshot: string): Promise<SnapshotProgress>;
  /**
   * Progress of every snapshot running in one repository. Cheap, unlike {@link snapshotProgress} of a finished
   * snapshot: only running snapshots are read, from the cluster state, never from the repository's files.
   */
  runningSnapshots(repository: string): Promise<SnapshotProgress[]>;
  deleteSnapshot(repository: string, snapshot: string): Promise<DeleteOutcome>;
  resolveIndices(patterns: readonly string[]): Promise<{ indices: IndexSummary[]; unmatched: string[] }>;
  deleteIndices(indices: readonly string[]): Promise<Array<{ index: string; outcome: DeleteOutcome }>>;
  restore(request: RestoreRequest): Promise<WriteOutcome>;
  restoreProgress(indices: readonly string[]): Promise<RecoveryProgress>;
  docCounts(indices: readonly string[]): Promise<Map<string, number>>;
}

export type {
  ClusterClient,
  ClusterHealth,
  ClusterInfo,
  CreateSnapshotRequest,
  DeleteOutcome,
  DocCountComparison,
  FsRepositorySettings,
  IndexRecovery,
  IndexSummary,
  RecoveryProgress,
  RepositoryDefinition,
  RepositorySummary,
  RestoreRequest,
  S3RepositorySettings,
  ShardFailure,
  SnapshotDetail,
  SnapshotListEntry,
  SnapshotProgress,
  SnapshotState,
  WriteOutcome,
};
