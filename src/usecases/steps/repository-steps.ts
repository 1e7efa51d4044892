import type { Job } from '../../core/jobs/job.js';
import { repositoryFor } from '../../core/plans/plan-targets.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

/** Registers (or re-registers: the call is an upsert) and verifies that every node reaches the repository. */
async function registerRepository(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const repository = repositoryFor(job.plan, client.alias);
  await client.registerRepository(repository);
  const nodes = await client.verifyRepository(repository.name);
  return { status: 'done', detail: words.repositoryRegistered(repository.name, nodes.length) };
}

export { registerRepository };
