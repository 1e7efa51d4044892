import { type Job, type JobStep, StepName } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import { deleteIndices, verifyDocCounts } from './index-steps.js';
import { recheckPlan } from './plan-recheck.js';
import { registerRepository } from './repository-steps.js';
import { awaitRestore, startRestore, verifyRestoredSizes } from './restore-steps.js';
import { awaitSnapshot, deleteSnapshot, startSnapshot } from './snapshot-steps.js';
import type { PlanChanged, StepOutcome } from './step-outcome.js';

type ClusterLookup = (alias: string) => ClusterClient;

/**
 * Runs one step of a job once, on the cluster the step names. Every step is safe to run again. What it found is
 * written in `words`, the channel's language, so the stored job reads as it is shown. A destructive step first
 * reads again what it touches, and runs only if that is still what was approved.
 */
async function runStep(
  job: Job,
  step: JobStep,
  clusterFor: ClusterLookup,
  words: StepWords,
): Promise<StepOutcome | PlanChanged> {
  const client = clusterFor(step.cluster);
  const changed = await recheckPlan(job, step, client, words);
  if (changed !== undefined) return changed;
  switch (step.name) {
    case StepName.REGISTER_REPOSITORY:
      return registerRepository(job, client, words, clusterFor);
    case StepName.START_SNAPSHOT:
      return startSnapshot(job, client, words);
    case StepName.AWAIT_SNAPSHOT:
      return awaitSnapshot(job, client, words);
    case StepName.DELETE_SNAPSHOT:
      return deleteSnapshot(job, client, words);
    case StepName.DELETE_INDICES:
      return deleteIndices(job, client, words);
    case StepName.START_RESTORE:
      return startRestore(job, client, words);
    case StepName.AWAIT_RESTORE:
      return awaitRestore(job, client, words);
    case StepName.VERIFY_DOC_COUNTS:
      if (job.plan.kind !== JobKind.MIGRATE) throw new Error('only a migration verifies doc counts');
      return verifyDocCounts(job, clusterFor(job.plan.from), client, words);
    case StepName.VERIFY_RESTORED_SIZES:
      return verifyRestoredSizes(job, client, words);
  }
}

export type { ClusterLookup };
export { runStep };
