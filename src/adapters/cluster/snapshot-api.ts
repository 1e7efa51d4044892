import { ClusterError, ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import { AutomatedRepositoryError } from '../../core/errors.js';
import type {
  SnapshotDetail,
  SnapshotFootprint,
  SnapshotListEntry,
  SnapshotProgress,
} from '../../core/model/snapshot.js';
import {
  isAutomatedRepository,
  validateIndexPattern,
  validateRepositoryName,
  validateSnapshotName,
} from '../../core/safety/resource-names.js';
import type {
  CreateSnapshotRequest,
  DeleteOutcome,
  SnapshotAbort,
  SnapshotApi,
  WriteOutcome,
} from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath, readInLists } from './request-path.js';

/** A missing snapshot is left out of the answer instead of failing the whole request. */
const query = { ignore_unavailable: 'true' };

function writableRepository(name: string): string {
  validateRepositoryName(name);
  if (isAutomatedRepository(name)) throw new AutomatedRepositoryError(name);
  return name;
}

function snapshotMissing(call: ClusterCall, repository: string, snapshot: string): ClusterError {
  return new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster: call.cluster, repository, snapshot });
}

async function getSnapshot(call: ClusterCall, repository: string, snapshot: string): Promise<SnapshotDetail> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/${validateSnapshotName(snapshot)}`,
  };
  const details = await read(call, request, (answers) => answers.snapshots(repository), { repository, snapshot });
  const found = details.find((detail) => detail.snapshot === snapshot);
  if (found === undefined) throw snapshotMissing(call, repository, snapshot);
  return found;
}

/**
 * The version that wrote the snapshot (`GET _snapshot/<repo>/<snap>`) and each index's bytes and shards in it
 * (`_status` of the snapshot, which reads its files from the repository: a plan asks once).
 */
async function snapshotFootprint(call: ClusterCall, repository: string, snapshot: string): Promise<SnapshotFootprint> {
  const path = clusterPath`/_snapshot/${validateRepositoryName(repository)}/${validateSnapshotName(snapshot)}`;
  const about = { repository, snapshot };
  const [versionId, indices] = await Promise.all([
    read(call, { method: 'GET', path }, (answers) => answers.snapshotVersion, about),
    read(call, { method: 'GET', path: `${path}/_status` }, (answers) => answers.snapshotIndexSizes, about),
  ]);
  return { versionId, indices };
}

/**
 * Several snapshots of one repository in one `GET _snapshot/<repo>/<a>,<b>` (or as few as fit their names, see
 * `requestSizedLists`). With `ignore_unavailable` a missing snapshot is left out of the answer instead of failing
 * the whole request.
 */
async function getSnapshots(
  call: ClusterCall,
  repository: string,
  snapshots: readonly string[],
): Promise<SnapshotDetail[]> {
  const names = [...new Set(snapshots.map(validateSnapshotName))];
  if (names.length === 0) return [];
  const checked = validateRepositoryName(repository);
  const details = await readInLists(names, (list) => {
    const request = { method: 'GET' as const, path: clusterPath`/_snapshot/${checked}/${list}`, query };
    return read(call, request, (answers) => answers.snapshots(repository), { repository });
  });
  const wanted = new Set(names);
  return details.filter((detail) => wanted.has(detail.snapshot));
}

/**
 * Starts a snapshot and returns without waiting (`wait_for_completion=false`). Safe to repeat: if a snapshot of
 * that name exists and was taken by this job, it is this job's snapshot and counts as accepted.
 */
async function createSnapshot(call: ClusterCall, request: CreateSnapshotRequest): Promise<WriteOutcome> {
  const repository = writableRepository(request.repository);
  const snapshot = validateSnapshotName(request.snapshot);
  const indices = (request.indices ?? []).map(validateIndexPattern);
  const body = (await call.dialect()).requests.snapshotBody({ ...request, repository, snapshot, indices });
  const path = clusterPath`/_snapshot/${repository}/${snapshot}`;
  try {
    return await write(
      call,
      { method: 'PUT', path, query: { wait_for_completion: 'false' }, body },
      { repository, snapshot },
    );
  } catch (error) {
    if (!isClusterError(error, ClusterErrorCode.SNAPSHOT_NAME_TAKEN)) throw error;
    const existing = await getSnapshot(call, repository, snapshot);
    if ((await call.dialect()).requests.jobIdOf(existing) === request.jobId) return 'accepted';
    throw error;
  }
}

/**
 * Newest first, at most `limit`. Uses `_cat/snapshots`, sorted by the cluster: one compact row per snapshot
 * instead of every snapshot's index list and shard failures, which on a repository of hundreds of automated
 * snapshots is megabytes. (OpenSearch has no `size`/`sort` on `GET _snapshot`, and `verbose=false` drops times.)
 */
async function listSnapshots(call: ClusterCall, repository: string, limit = 20): Promise<SnapshotListEntry[]> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_cat/snapshots/${validateRepositoryName(repository)}`,
    query: (await call.dialect()).requests.snapshotListQuery,
  };
  const entries = await read(call, request, (answers) => answers.snapshotList, { repository });
  return entries.slice(0, limit);
}

/** Progress of one snapshot from `_status`. Reads every shard's files on a finished snapshot: poll running ones. */
async function snapshotProgress(call: ClusterCall, repository: string, snapshot: string): Promise<SnapshotProgress> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/${validateSnapshotName(snapshot)}/_status`,
  };
  const progress = await read(call, request, (answers) => answers.snapshotStatus, { repository, snapshot });
  const found = progress.find((entry) => entry.snapshot === snapshot);
  if (found === undefined) throw snapshotMissing(call, repository, snapshot);
  return found;
}

/**
 * Progress of the snapshots running in one repository, from `GET _snapshot/<repo>/_status`. The cluster answers
 * it from its state, whatever the repository holds; a snapshot that has ended is no longer listed.
 */
async function runningSnapshots(call: ClusterCall, repository: string): Promise<SnapshotProgress[]> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/_status`,
  };
  return read(call, request, (answers) => answers.snapshotStatus, { repository });
}

/**
 * Progress of the named snapshots of one repository, from `_status`; a snapshot that does not exist is left out.
 * Names too many for one request line are asked in several.
 */
async function snapshotsProgress(
  call: ClusterCall,
  repository: string,
  snapshots: readonly string[],
): Promise<SnapshotProgress[]> {
  const names = [...new Set(snapshots.map(validateSnapshotName))];
  const checked = validateRepositoryName(repository);
  return readInLists(names, (list) => {
    const request = { method: 'GET' as const, path: clusterPath`/_snapshot/${checked}/${list}/_status`, query };
    return read(call, request, (answers) => answers.snapshotStatus, { repository });
  });
}

/** Deletes one snapshot (deleting a running one aborts it). A snapshot that is already gone counts as done. */
async function deleteSnapshot(call: ClusterCall, repository: string, snapshot: string): Promise<DeleteOutcome> {
  const path = clusterPath`/_snapshot/${writableRepository(repository)}/${validateSnapshotName(snapshot)}`;
  try {
    const outcome = await write(call, { method: 'DELETE', path }, { repository, snapshot });
    return outcome === 'accepted' ? 'deleted' : outcome;
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING)) return 'already-absent';
    throw error;
  }
}

/**
 * Reads the snapshot and deletes it only if it still runs and this job took it. What remains of the race: the
 * snapshot can end between the GET that saw IN_PROGRESS and the DELETE (one round trip, against a snapshot that
 * ran long enough for someone to cancel it); the engine has no delete that applies only to a running snapshot, so
 * the DELETE then deletes the just-finished snapshot. That snapshot is this job's own, taken after the job
 * started, so nothing that existed before the job is lost; the job reports it aborted.
 */
async function abortSnapshot(
  call: ClusterCall,
  repository: string,
  snapshot: string,
  jobId: string,
): Promise<SnapshotAbort> {
  let detail: SnapshotDetail;
  try {
    detail = await getSnapshot(call, repository, snapshot);
  } catch (error) {
    const gone = isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING);
    if (gone || isClusterError(error, ClusterErrorCode.REPOSITORY_MISSING)) return { outcome: 'absent' };
    throw error;
  }
  if ((await call.dialect()).requests.jobIdOf(detail) !== jobId) return { outcome: 'not-this-job' };
  if (detail.state !== 'IN_PROGRESS') return { outcome: 'ended', state: detail.state };
  const deleted = await deleteSnapshot(call, repository, snapshot);
  if (deleted === 'already-absent') return { outcome: 'absent' };
  return { outcome: deleted === 'deleted' ? 'aborted' : 'maybe-aborted' };
}

function snapshotApi(call: ClusterCall): SnapshotApi {
  return {
    createSnapshot: (request) => createSnapshot(call, request),
    getSnapshot: (repository, snapshot) => getSnapshot(call, repository, snapshot),
    getSnapshots: (repository, snapshots) => getSnapshots(call, repository, snapshots),
    listSnapshots: (repository, options) => listSnapshots(call, repository, options?.limit),
    snapshotProgress: (repository, snapshot) => snapshotProgress(call, repository, snapshot),
    runningSnapshots: (repository) => runningSnapshots(call, repository),
    snapshotsProgress: (repository, snapshots) => snapshotsProgress(call, repository, snapshots),
    deleteSnapshot: (repository, snapshot) => deleteSnapshot(call, repository, snapshot),
    abortSnapshot: (repository, snapshot, jobId) => abortSnapshot(call, repository, snapshot, jobId),
    snapshotFootprint: (repository, snapshot) => snapshotFootprint(call, repository, snapshot),
  };
}

export { snapshotApi };
