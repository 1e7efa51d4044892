import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import type { IndexRecovery, RecoveryProgress } from '../../core/model/recovery.js';
import { summarizeRecovery, withExpectedPrimaries } from '../../core/restore/recovery-summary.js';
import { renameMapping } from '../../core/restore/rename-mapping.js';
import { validateIndexName, validateRepositoryName, validateSnapshotName } from '../../core/safety/resource-names.js';
import type { RestoreApi, RestoreRequest, WriteOutcome } from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath, indexRequestLists } from './request-path.js';

type RecoveryReads = { byIndex: Map<string, IndexRecovery>; settings: Map<string, { shards: number }> };

/** `_recovery` and `_settings` of indices whose names (or patterns) fit in one request line. */
async function readRecovery(call: ClusterCall, names: readonly string[]): Promise<RecoveryReads> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/${names}/_recovery`,
    query: { ignore_unavailable: 'true', allow_no_indices: 'true', expand_wildcards: 'open,hidden' },
  };
  const settingsRequest = {
    method: 'GET' as const,
    path: clusterPath`/${names}/_settings/${(await call.dialect()).requests.indexSettingNames}`,
    query: { ...request.query, flat_settings: 'true' },
  };
  const [byIndex, settings] = await Promise.all([
    read(call, request, (answers) => answers.recovery),
    read(call, settingsRequest, (answers) => answers.indexSettings),
  ]);
  return { byIndex, settings };
}

/**
 * Progress of the shards restoring into `indices`, from `GET <indices>/_recovery` (the managed service refuses
 * the index-less `GET /_recovery`). An index that does not exist yet counts as not started. The answer lists
 * each index, so one call for the targets of many restores can be split between them with `summarizeRecovery`.
 * Each index's shard count comes with it, from `_settings`: `_recovery` lists only the primaries already started.
 * Names too many for one request line are asked by patterns that cover them (`indexRequestLists`): the answer
 * may then hold other indices, and only the asked ones are kept.
 */
async function restoreProgress(call: ClusterCall, indices: readonly string[]): Promise<RecoveryProgress> {
  const names = indices.map(validateIndexName);
  const byIndex = new Map<string, IndexRecovery>();
  const shards = new Map<string, number>();
  for (const list of indexRequestLists(names)) {
    const answered = await readRecovery(call, list);
    for (const [index, entry] of answered.byIndex) byIndex.set(index, entry);
    for (const [index, settings] of answered.settings) shards.set(index, settings.shards);
  }
  return summarizeRecovery(
    names,
    names.flatMap((name) => {
      const entry = byIndex.get(name);
      return entry === undefined ? [] : [withExpectedPrimaries(entry, shards.get(name))];
    }),
  );
}

/** A restore of many indices asks the master for longer than its 30 s (elastic/elasticsearch#43458). */
function restoreQuery(request: RestoreRequest): Record<string, string> {
  const waiting = { wait_for_completion: 'false' };
  return request.masterTimeout === undefined ? waiting : { ...waiting, master_timeout: request.masterTimeout };
}

/**
 * Starts a restore without waiting. Safe to repeat: when the target indices are already restoring (or restored)
 * from this very snapshot, the earlier call took effect and this one counts as accepted.
 */
async function restore(call: ClusterCall, request: RestoreRequest): Promise<WriteOutcome> {
  const repository = validateRepositoryName(request.repository);
  const snapshot = validateSnapshotName(request.snapshot);
  const indices = request.indices.map(validateIndexName);
  const targets = [...renameMapping(indices, request.rename).values()];
  const path = clusterPath`/_snapshot/${repository}/${snapshot}/_restore`;
  const body = (await call.dialect()).requests.restoreBody({ ...request, indices });
  try {
    return await write(call, { method: 'POST', path, query: restoreQuery(request), body }, { repository, snapshot });
  } catch (error) {
    if (!isClusterError(error, ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX)) throw error;
    const progress = await restoreProgress(call, targets);
    const fromThisSnapshot = (entry: IndexRecovery) =>
      entry.source?.repository === repository && entry.source.snapshot === snapshot;
    if (progress.indices.length === targets.length && progress.indices.every(fromThisSnapshot)) return 'accepted';
    throw error;
  }
}

function restoreApi(call: ClusterCall): RestoreApi {
  return {
    restore: (request) => restore(call, request),
    restoreProgress: (indices) => restoreProgress(call, indices),
  };
}

export { restoreApi };
