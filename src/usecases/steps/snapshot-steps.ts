import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import type { Job } from '../../core/jobs/job.js';
import type { ShardFailure } from '../../core/model/snapshot.js';
import { snapshotOf } from '../../core/plans/plan-targets.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

async function startSnapshot(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot, indices, global, partial } = snapshotOf(job.plan);
  const outcome = await client.createSnapshot({
    repository,
    snapshot,
    indices: indices.map((entry) => entry.index),
    includeGlobalState: global,
    partial,
    jobId: job.id,
  });
  const detail = outcome === 'accepted' ? words.snapshotStarted(snapshot) : words.snapshotRequested(snapshot);
  return { status: 'done', detail };
}

function failureSummary(failures: readonly ShardFailure[], words: StepWords): string {
  return failures
    .slice(0, 5)
    .map((failure) => words.shardFailure(failure.index, failure.shardId, failure.reason))
    .join('; ');
}

/** Done when the snapshot has ended: SUCCESS, PARTIAL (with the failed shards named) or FAILED. */
async function awaitSnapshot(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot } = snapshotOf(job.plan);
  let detail: Awaited<ReturnType<ClusterClient['getSnapshot']>>;
  try {
    detail = await client.getSnapshot(repository, snapshot);
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING))
      return { status: 'failed', detail: words.snapshotNotThere(snapshot, repository) };
    throw error;
  }
  const { shards } = detail;
  switch (detail.state) {
    case 'IN_PROGRESS': {
      const progress = await client.snapshotProgress(repository, snapshot);
      return { status: 'waiting', progress };
    }
    case 'SUCCESS':
      return {
        status: 'done',
        detail: words.snapshotSucceeded(detail.indices.length, shards.successful, shards.total),
      };
    case 'PARTIAL':
      return {
        status: 'done',
        partial: true,
        detail: words.snapshotPartial(shards.failed, shards.total, failureSummary(detail.failures, words)),
      };
    default:
      return { status: 'failed', detail: words.snapshotFailed(detail.state, failureSummary(detail.failures, words)) };
  }
}

/** Deleting a snapshot that is already gone counts as done, so the step is safe to repeat. */
async function deleteSnapshot(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot } = snapshotOf(job.plan);
  const outcome = await client.deleteSnapshot(repository, snapshot);
  if (outcome === 'maybe-accepted') return { status: 'waiting', detail: words.gatewayTimedOut };
  const detail = outcome === 'deleted' ? words.snapshotDeleted(snapshot) : words.snapshotAlreadyGone(snapshot);
  return { status: 'done', detail };
}

export { awaitSnapshot, deleteSnapshot, startSnapshot };
