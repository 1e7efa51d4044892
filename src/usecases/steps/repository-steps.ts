import type { Job } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import type { RepositoryDefinition } from '../../core/model/repository.js';
import { repositoryFor } from '../../core/plans/plan-targets.js';
import { isSameRepository, isSameSettings } from '../../core/plans/repository-plan.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

/**
 * The repository of that name is still what the plan was made against: absent, or the one it replaces as the
 * approver saw it, or already the one it registers (a step run again).
 */
async function isAsPlanned(job: Job, client: ClusterClient, repository: RepositoryDefinition): Promise<boolean> {
  if (job.plan.kind !== JobKind.REPO_REGISTER) return true;
  const { replaces } = job.plan;
  const now = (await client.listRepositories()).find((found) => found.name === repository.name);
  if (now === undefined || isSameRepository(now, repository)) return true;
  return replaces !== undefined && replaces.type === now.type && isSameSettings(replaces.settings, now.settings);
}

/**
 * Registers (or re-registers: the call is an upsert) and verifies that every node reaches the repository. A
 * registration job never writes over a repository other than the one its plan saw.
 */
async function registerRepository(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const repository = repositoryFor(job.plan, client.alias);
  if (!(await isAsPlanned(job, client, repository))) {
    return { status: 'failed', detail: words.repositoryChangedSincePlanned(repository.name, client.alias) };
  }
  await client.registerRepository(repository);
  const nodes = await client.verifyRepository(repository.name);
  return { status: 'done', detail: words.repositoryRegistered(repository.name, nodes.length) };
}

export { registerRepository };
