import type * as z from 'zod';
import type { AllocationSettings, DiskAllocation, IndexAlias } from '../../../core/model/allocation.js';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../../../core/model/cluster-info.js';
import type { IndexRecovery } from '../../../core/model/recovery.js';
import type { IndexSummary } from '../../../core/model/search-index.js';
import type { SnapshotDetail, SnapshotListEntry, SnapshotProgress } from '../../../core/model/snapshot.js';
import type { CreateSnapshotRequest, RestoreRequest } from '../../../ports/cluster-client.js';

/** A schema that checks an engine's answer and reads it into the port's shape, in one step where it enters. */
type Answer<T> = z.ZodType<T>;

/** One exception an engine named: its `type` and its (shortened) `reason`. */
type EngineReason = { type: string; reason: string };

/**
 * What an engine said when it refused: its typed error with the deepest exception that caused it (`caused_by` /
 * `root_cause`, when that says more than the top), or the plain message of a service in front of it.
 */
type EngineFault = (EngineReason & { cause?: EngineReason }) | { message: string };

/**
 * What differs between engines and their versions: how their answers read and what their request bodies and
 * settings are called. Paths, retries and the meaning of each call are the same for all of them and stay in the
 * capability modules. One folder per dialect under `dialects/`, registered in `dialects/index.ts`.
 */
interface ClusterDialect {
  answers: {
    /** `GET /` */
    info: Answer<ClusterInfo>;
    /** `GET _cluster/health` */
    health: Answer<ClusterHealth>;
    /** `GET _snapshot`, sorted by name. */
    repositories: Answer<RepositorySummary[]>;
    /** `POST _snapshot/<repository>/_verify`: node names, sorted. */
    verifiedNodes: Answer<string[]>;
    /** `GET _snapshot/<repository>/<names>` */
    snapshots(repository: string): Answer<SnapshotDetail[]>;
    /** `_cat/snapshots` asked with {@link ClusterDialect.requests.snapshotListQuery}. */
    snapshotList: Answer<SnapshotListEntry[]>;
    /** `GET _snapshot/<repository>/[<snapshot>/]_status` */
    snapshotStatus: Answer<SnapshotProgress[]>;
    /** `_cat/indices/<pattern>` asked with {@link ClusterDialect.requests.catIndicesQuery}. */
    catIndices: Answer<IndexSummary[]>;
    /** `GET _all/_settings/index.hidden` (flat, every index): the hidden ones, sorted. */
    hiddenIndices: Answer<string[]>;
    /** `GET <indices>/_stats/docs`: primaries' documents by index. */
    docCounts: Answer<Map<string, number>>;
    /** `GET <indices>/_recovery`: the primaries' recovery by index. */
    recovery: Answer<Map<string, IndexRecovery>>;
    /** `_cat/allocation` asked with {@link ClusterDialect.requests.allocationQuery}. */
    diskAllocation: Answer<DiskAllocation>;
    /** `GET _cluster/settings` asked with {@link ClusterDialect.requests.settingsQuery}. */
    allocationSettings: Answer<AllocationSettings>;
    /** `GET <indices>/_settings/<names>` with {@link ClusterDialect.requests.indexSettingNames}, by index. */
    indexSettings: Answer<Map<string, { versionCreated: number; shards: number; replicas: number }>>;
    /** `GET <indices>/_stats/store`: primaries' bytes by index. */
    primaryBytes: Answer<Map<string, number>>;
    /** `_cat/aliases` asked with {@link ClusterDialect.requests.aliasesQuery}. */
    aliases: Answer<IndexAlias[]>;
    /** `GET _snapshot/<repository>/<snapshot>`: the version id that wrote it. */
    snapshotVersion: Answer<number | undefined>;
    /** `GET _snapshot/<repository>/<snapshot>/_status`: each index's bytes and shards in the snapshot, sorted by name. */
    snapshotIndexSizes: Answer<Array<{ index: string; bytes: number; shards: number }>>;
    /** The body of any answer that is not 2xx. */
    fault(body: unknown): EngineFault;
  };
  requests: {
    /** `PUT _snapshot/<repository>/<snapshot>`, recording the job id with the snapshot. */
    snapshotBody(request: CreateSnapshotRequest): unknown;
    /** The job that took a snapshot, as {@link ClusterDialect.requests.snapshotBody} recorded it. */
    jobIdOf(snapshot: SnapshotDetail): string | undefined;
    /** `POST _snapshot/<repository>/<snapshot>/_restore` */
    restoreBody(request: RestoreRequest): unknown;
    snapshotListQuery: Record<string, string>;
    catIndicesQuery: Record<string, string>;
    allocationQuery: Record<string, string>;
    settingsQuery: Record<string, string>;
    aliasesQuery: Record<string, string>;
    /** The index settings a preflight reads. */
    indexSettingNames: readonly string[];
  };
}

export type { Answer, ClusterDialect, EngineFault, EngineReason };
