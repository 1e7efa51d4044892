import type { z } from 'zod';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../../../core/model/cluster-info.js';
import type { IndexRecovery } from '../../../core/model/recovery.js';
import type { IndexSummary } from '../../../core/model/search-index.js';
import type {
  SnapshotDetail,
  SnapshotIndexSize,
  SnapshotListEntry,
  SnapshotProgress,
} from '../../../core/model/snapshot.js';
import type { CreateSnapshotRequest, RestoreRequest } from '../../../ports/cluster-client.js';

/** A schema that checks an engine's answer and reads it into the port's shape, in one step where it enters. */
type Answer<T> = z.ZodType<T>;

/** What an engine said when it refused: its typed error, or the plain message of a service in front of it. */
type EngineFault = { type: string; reason: string } | { message: string };

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
    /** `GET _snapshot/<repository>/<snapshot>/_status`: the bytes it holds of each index, sorted by name. */
    snapshotIndexSizes: Answer<SnapshotIndexSize[]>;
    /** `_cat/indices/<pattern>` asked with {@link ClusterDialect.requests.catIndicesQuery}. */
    catIndices: Answer<IndexSummary[]>;
    /** `GET <indices>/_stats/docs`: primaries' documents by index. */
    docCounts: Answer<Map<string, number>>;
    /** `GET <indices>/_recovery`: the primaries' recovery by index. */
    recovery: Answer<Map<string, IndexRecovery>>;
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
  };
}

export type { Answer, ClusterDialect, EngineFault };
