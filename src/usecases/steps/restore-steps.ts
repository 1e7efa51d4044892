import type { Job } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import { compareWithSnapshot } from '../../core/outcomes/restore-size-check.js';
import { judgeRestore } from '../../core/outcomes/restore-verdict.js';
import { PlanMismatchError } from '../../core/plans/errors.js';
import { restoresOf, snapshotOf } from '../../core/plans/plan-targets.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

/** The `master_timeout` the preflight chose for a restore of many indices; plans from before it have none. */
function masterTimeoutOf(plan: Job['plan']): string | undefined {
  return plan.kind === 'restore' || plan.kind === 'migrate' ? plan.masterTimeout : undefined;
}

async function startRestore(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot } = snapshotOf(job.plan);
  const { restores, rename } = restoresOf(job.plan);
  const outcome = await client.restore({
    repository,
    snapshot,
    indices: restores.map((entry) => entry.index),
    rename,
    masterTimeout: masterTimeoutOf(job.plan),
  });
  // A 504 from the managed service does not mean failure: the next step follows the restore through _recovery.
  const detail = outcome === 'accepted' ? words.restoreStarted : words.restoreRequested;
  return { status: 'done', detail };
}

/**
 * Done when every target has recovered from this job's snapshot, all its primaries DONE. A target that exists but
 * came from anything else is not waited for: once the others are restored, the step ends partial, naming it.
 */
async function awaitRestore(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { repository, snapshot } = snapshotOf(job.plan);
  const targets = restoresOf(job.plan).restores.map((entry) => entry.target);
  const progress = await client.restoreProgress(targets);
  const verdict = judgeRestore(targets, progress.indices, { repository, snapshot });
  if (verdict.kind === 'restoring') return { status: 'waiting', progress };
  if (verdict.kind === 'restored') {
    return { status: 'done', detail: words.restoreDone(targets.length, progress.shardsDone) };
  }
  const foreign = verdict.foreign.map((entry) => words.foreignTarget(entry.index, entry.recoveredFrom));
  const restored = targets.length - verdict.foreign.length;
  return { status: 'done', partial: true, detail: words.restoredButForeign(restored, foreign.join(', ')) };
}

/** Every restored copy holds the bytes the snapshot holds of its source index, as recorded when it was planned. */
async function verifyRestoredSizes(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const { plan } = job;
  if (plan.kind !== JobKind.RESTORE || plan.snapshotSizes === undefined) {
    throw new PlanMismatchError(plan.kind, 'restores');
  }
  const targets = plan.restores.map((entry) => entry.target);
  const [progress, docs] = await Promise.all([client.restoreProgress(targets), client.docCounts(targets)]);
  const comparison = compareWithSnapshot(plan.restores, plan.snapshotSizes, progress.indices);
  if (comparison.every((entry) => entry.equal)) {
    const sizes = comparison.map((entry) =>
      words.restoredSize(entry.target, entry.restoredBytes, docs.get(entry.target)),
    );
    return { status: 'done', detail: words.sizesMatchSnapshot(sizes.join(', ')) };
  }
  const different = comparison
    .filter((entry) => !entry.equal)
    .map((entry) => words.sizeDifference(entry.target, entry.restoredBytes, entry.snapshotBytes));
  return { status: 'done', partial: true, detail: words.sizesDiffer(different.join('; ')) };
}

export { awaitRestore, startRestore, verifyRestoredSizes };
