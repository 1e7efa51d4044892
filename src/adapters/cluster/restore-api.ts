import { z } from 'zod';
import { RestoreBlockedByOpenIndexError } from '../../core/errors.js';
import { summarizeRecovery } from '../../core/restore/recovery-summary.js';
import { renameMapping } from '../../core/restore/rename-mapping.js';
import { validateIndexName, validateRepositoryName, validateSnapshotName } from '../../core/safety/resource-names.js';
import type { IndexRecovery, RecoveryProgress, RestoreRequest, WriteOutcome } from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath } from './request-path.js';

const recoveryAnswer = z.record(
  z.string(),
  z.object({
    shards: z.array(
      z.object({
        type: z.string(),
        stage: z.string(),
        primary: z.boolean(),
        source: z.object({ repository: z.string().optional(), snapshot: z.string().optional() }).loose().optional(),
        index: z.object({
          size: z.object({
            total_in_bytes: z.number(),
            reused_in_bytes: z.number().default(0),
            recovered_in_bytes: z.number(),
          }),
        }),
      }),
    ),
  }),
);

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function toIndexRecovery(index: string, shards: z.infer<typeof recoveryAnswer>[string]['shards']): IndexRecovery {
  // Replicas recover from their primary (type PEER) after the restore; the restore itself is the primaries.
  const primaries = shards.filter((shard) => shard.primary);
  const fromSnapshot = primaries.find((shard) => shard.type.toUpperCase() === 'SNAPSHOT')?.source;
  return {
    index,
    shardsDone: primaries.filter((shard) => shard.stage.toUpperCase() === 'DONE').length,
    shardsTotal: primaries.length,
    bytesDone: sum(primaries.map((shard) => shard.index.size.recovered_in_bytes)),
    bytesTotal: sum(primaries.map((shard) => shard.index.size.total_in_bytes - shard.index.size.reused_in_bytes)),
    source:
      fromSnapshot?.repository !== undefined && fromSnapshot.snapshot !== undefined
        ? { repository: fromSnapshot.repository, snapshot: fromSnapshot.snapshot }
        : undefined,
  };
}

/**
 * Progress of the shards restoring into `indices`, from `GET <indices>/_recovery` (the managed service refuses
 * the index-less `GET /_recovery`). An index that does not exist yet counts as not started. The answer lists
 * each index, so one call for the targets of many restores can be split between them with `summarizeRecovery`.
 */
async function restoreProgress(call: ClusterCall, indices: readonly string[]): Promise<RecoveryProgress> {
  const names = indices.map(validateIndexName);
  const request = {
    method: 'GET' as const,
    path: clusterPath`/${names}/_recovery`,
    query: { ignore_unavailable: 'true', allow_no_indices: 'true' },
  };
  const answer = await read(call, request, recoveryAnswer);
  const found = names.flatMap((name) => {
    const entry = answer[name];
    return entry === undefined ? [] : [toIndexRecovery(name, entry.shards)];
  });
  return summarizeRecovery(names, found);
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

/**
 * Starts a restore without waiting. Safe to repeat: when the target indices are already restoring (or restored)
 * from this very snapshot, the earlier call took effect and this one counts as accepted.
 */
async function restore(call: ClusterCall, request: RestoreRequest): Promise<WriteOutcome> {
  const repository = validateRepositoryName(request.repository);
  const snapshot = validateSnapshotName(request.snapshot);
  const targets = [...renameMapping(request.indices.map(validateIndexName), request.rename).values()];
  const path = clusterPath`/_snapshot/${repository}/${snapshot}/_restore`;
  try {
    return await write(
      call,
      { method: 'POST', path, query: { wait_for_completion: 'false' }, body: restoreBody(request) },
      { repository, snapshot },
    );
  } catch (error) {
    if (!(error instanceof RestoreBlockedByOpenIndexError)) throw error;
    const progress = await restoreProgress(call, targets);
    const fromThisSnapshot = (entry: IndexRecovery) =>
      entry.source?.repository === repository && entry.source.snapshot === snapshot;
    if (progress.indices.length === targets.length && progress.indices.every(fromThisSnapshot)) return 'accepted';
    throw error;
  }
}

export { restore, restoreProgress };
