import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import type { Job } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import type { ShardFailure, SnapshotDetail } from '../../core/model/snapshot.js';
import { judgeSnapshot, type SnapshotVerdict } from '../../core/outcomes/snapshot-verdict.js';
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

/** The verdict in words: the shards that failed with the engine's reasons, or what the snapshot lacks. */
function findingOf(verdict: Exclude<SnapshotVerdict, { kind: 'complete' }>, words: StepWords): string {
  switch (verdict.kind) {
    case 'empty':
      return words.snapshotCapturedNothing(verdict.indices, verdict.shards, failureSummary(verdict.failures, words));
    case 'missing-indices':
      return words.snapshotLacksIndices(verdict.missing.join(', '), verdict.held, verdict.planned);
    case 'partial': {
      const partial = words.snapshotPartial(verdict.failed, verdict.total, failureSummary(verdict.failures, words));
      if (verdict.missing.length === 0) return partial;
      return words.alsoMissing(partial, verdict.missing.join(', '));
    }
    case 'failed':
      return words.snapshotFailed(verdict.state, failureSummary(verdict.failures, words));
  }
}

/**
 * A migration goes past its snapshot only on a complete one: anything less ends the job before the target is
 * touched. A snapshot of its own (`create`) ends PARTIAL when it holds less than asked, FAILED when it holds no data.
 */
function afterSnapshot(job: Job, detail: SnapshotDetail, words: StepWords): StepOutcome {
  const verdict = judgeSnapshot(
    detail,
    snapshotOf(job.plan).indices.map((entry) => entry.index),
  );
  if (verdict.kind === 'complete') {
    const { shards } = detail;
    return { status: 'done', detail: words.snapshotSucceeded(detail.indices.length, shards.successful, shards.total) };
  }
  const finding = findingOf(verdict, words);
  if (job.plan.kind === JobKind.MIGRATE)
    return { status: 'failed', detail: words.snapshotGateClosed(finding, job.plan.to) };
  if (verdict.kind === 'failed') return { status: 'failed', detail: finding };
  return { status: 'done', partial: true, detail: finding };
}

/** Done when the snapshot has ended, and then only as far as what it holds allows (see {@link afterSnapshot}). */
async function awaitSnapshot(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot } = snapshotOf(job.plan);
  let detail: SnapshotDetail;
  try {
    detail = await client.getSnapshot(repository, snapshot);
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING))
      return { status: 'failed', detail: words.snapshotNotThere(snapshot, repository) };
    throw error;
  }
  if (detail.state !== 'IN_PROGRESS') return afterSnapshot(job, detail, words);
  const progress = await client.snapshotProgress(repository, snapshot);
  return { status: 'waiting', progress };
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
