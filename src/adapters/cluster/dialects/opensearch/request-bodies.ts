import type { SnapshotDetail } from '../../../../core/model/snapshot.js';
import type { CreateSnapshotRequest, RestoreRequest } from '../../../../ports/cluster-client.js';

/** The metadata key that ties a snapshot to the job that took it, so a repeated step recognises its own work. */
const JOB_ID_METADATA_KEY = 'es_snapshot_bot_job_id';

function snapshotBody(request: CreateSnapshotRequest) {
  const indices = request.indices ?? [];
  return {
    ...(indices.length > 0 ? { indices: indices.join(',') } : {}),
    ignore_unavailable: false,
    include_global_state: request.includeGlobalState ?? false,
    partial: request.partial ?? false,
    metadata: { [JOB_ID_METADATA_KEY]: request.jobId, taken_by: 'es-snapshot-bot' },
  };
}

function jobIdOf(snapshot: SnapshotDetail): string | undefined {
  const jobId = snapshot.metadata[JOB_ID_METADATA_KEY];
  return typeof jobId === 'string' ? jobId : undefined;
}

function restoreBody(request: RestoreRequest) {
  return {
    indices: request.indices.join(','),
    include_global_state: false,
    include_aliases: request.includeAliases ?? true,
    ignore_unavailable: request.ignoreUnavailable ?? false,
    partial: request.partial ?? false,
    ...(request.rename === undefined
      ? {}
      : { rename_pattern: request.rename.pattern, rename_replacement: request.rename.replacement }),
    ...(request.indexSettings === undefined ? {} : { index_settings: request.indexSettings }),
  };
}

export { JOB_ID_METADATA_KEY, jobIdOf, restoreBody, snapshotBody };
