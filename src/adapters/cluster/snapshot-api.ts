import { AutomatedRepositoryError, SnapshotMissingError, SnapshotNameTakenError } from '../../core/errors.js';
import {
  isAutomatedRepository,
  validateIndexPattern,
  validateRepositoryName,
  validateSnapshotName,
} from '../../core/safety/resource-names.js';
import type {
  CreateSnapshotRequest,
  DeleteOutcome,
  SnapshotDetail,
  SnapshotListEntry,
  SnapshotProgress,
  WriteOutcome,
} from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath } from './request-path.js';
import {
  snapshotDetailAnswer,
  snapshotListAnswer,
  snapshotStatusAnswer,
  toSnapshotDetail,
  toSnapshotListEntry,
  toSnapshotProgress,
} from './snapshot-answers.js';

/** The metadata key that ties a snapshot to the job that took it, so a repeated step recognises its own work. */
const JOB_ID_METADATA_KEY = 'es_snapshot_bot_job_id';

function writableRepository(name: string): string {
  validateRepositoryName(name);
  if (isAutomatedRepository(name)) throw new AutomatedRepositoryError(name);
  return name;
}

async function getSnapshot(call: ClusterCall, repository: string, snapshot: string): Promise<SnapshotDetail> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/${validateSnapshotName(snapshot)}`,
  };
  const answer = await read(call, request, snapshotDetailAnswer, { repository, snapshot });
  const found = answer.snapshots.find((entry) => entry.snapshot === snapshot);
  if (found === undefined) throw new SnapshotMissingError(call.cluster, repository, snapshot);
  return toSnapshotDetail(repository, found);
}

/**
 * Several snapshots of one repository in one `GET _snapshot/<repo>/<a>,<b>`. With `ignore_unavailable` a missing
 * snapshot is left out of the answer instead of failing the whole request.
 */
async function getSnapshots(
  call: ClusterCall,
  repository: string,
  snapshots: readonly string[],
): Promise<SnapshotDetail[]> {
  const names = [...new Set(snapshots.map(validateSnapshotName))];
  if (names.length === 0) return [];
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/${names}`,
    query: { ignore_unavailable: 'true' },
  };
  const answer = await read(call, request, snapshotDetailAnswer, { repository });
  const wanted = new Set(names);
  return answer.snapshots
    .filter((entry) => wanted.has(entry.snapshot))
    .map((entry) => toSnapshotDetail(repository, entry));
}

/**
 * Starts a snapshot and returns without waiting (`wait_for_completion=false`). Safe to repeat: if a snapshot of
 * that name exists and carries this job's id, it is this job's snapshot and counts as accepted.
 */
async function createSnapshot(call: ClusterCall, request: CreateSnapshotRequest): Promise<WriteOutcome> {
  const repository = writableRepository(request.repository);
  const snapshot = validateSnapshotName(request.snapshot);
  const indices = (request.indices ?? []).map(validateIndexPattern);
  const body = {
    ...(indices.length > 0 ? { indices: indices.join(',') } : {}),
    ignore_unavailable: false,
    include_global_state: request.includeGlobalState ?? false,
    partial: request.partial ?? false,
    metadata: { [JOB_ID_METADATA_KEY]: request.jobId, taken_by: 'es-snapshot-bot' },
  };
  const path = clusterPath`/_snapshot/${repository}/${snapshot}`;
  try {
    return await write(
      call,
      { method: 'PUT', path, query: { wait_for_completion: 'false' }, body },
      { repository, snapshot },
    );
  } catch (error) {
    if (!(error instanceof SnapshotNameTakenError)) throw error;
    const existing = await getSnapshot(call, repository, snapshot);
    if (existing.metadata[JOB_ID_METADATA_KEY] === request.jobId) return 'accepted';
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
    query: {
      format: 'json',
      s: 'start_epoch:desc',
      h: 'id,status,start_epoch,end_epoch,indices,successful_shards,failed_shards,total_shards',
    },
  };
  const rows = await read(call, request, snapshotListAnswer, { repository });
  return rows.slice(0, limit).map(toSnapshotListEntry);
}

/** Progress of one snapshot from `_status`. Reads every shard's files on a finished snapshot: poll running ones. */
async function snapshotProgress(call: ClusterCall, repository: string, snapshot: string): Promise<SnapshotProgress> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_snapshot/${validateRepositoryName(repository)}/${validateSnapshotName(snapshot)}/_status`,
  };
  const answer = await read(call, request, snapshotStatusAnswer, { repository, snapshot });
  const found = answer.snapshots.find((entry) => entry.snapshot === snapshot);
  if (found === undefined) throw new SnapshotMissingError(call.cluster, repository, snapshot);
  return toSnapshotProgress(found);
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
  const answer = await read(call, request, snapshotStatusAnswer, { repository });
  return answer.snapshots.map(toSnapshotProgress);
}

/** Deletes one snapshot (deleting a running one aborts it). A snapshot that is already gone counts as done. */
async function deleteSnapshot(call: ClusterCall, repository: string, snapshot: string): Promise<DeleteOutcome> {
  const path = clusterPath`/_snapshot/${writableRepository(repository)}/${validateSnapshotName(snapshot)}`;
  try {
    const outcome = await write(call, { method: 'DELETE', path }, { repository, snapshot });
    return outcome === 'accepted' ? 'deleted' : outcome;
  } catch (error) {
    if (error instanceof SnapshotMissingError) return 'already-absent';
    throw error;
  }
}

export {
  createSnapshot,
  deleteSnapshot,
  getSnapshot,
  getSnapshots,
  JOB_ID_METADATA_KEY,
  listSnapshots,
  runningSnapshots,
  snapshotProgress,
};
