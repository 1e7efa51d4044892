import type { Job } from '../../core/jobs/job.js';
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

/** Done when every target index exists and all its primaries have recovered from the snapshot. */
async function awaitRestore(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const targets = restoresOf(job.plan).restores.map((entry) => entry.target);
  const progress = await client.restoreProgress(targets);
  if (!progress.done) return { status: 'waiting', progress };
  return { status: 'done', detail: words.restoreDone(targets.length, progress.shardsDone) };
}

export { awaitRestore, startRestore };
