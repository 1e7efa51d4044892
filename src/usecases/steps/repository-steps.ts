import type { Job } from '../../core/jobs/job.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import { repositoryFor } from './plan-targets.js';
import type { StepOutcome } from './step-outcome.js';

/** Registers (or re-registers: the call is an upsert) and verifies that every node reaches the repository. */
async function registerRepository(job: Job, client: ClusterClient): Promise<StepOutcome> {
  const repository = repositoryFor(job.plan, client.alias);
  await client.registerRepository(repository);
  const nodes = await client.verifyRepository(repository.name);
  return {
    status: 'done',
    detail: `${repository.name} registered, verified by ${nodes.length} node${nodes.length === 1 ? '' : 's'}`,
  };
}

export { registerRepository };
