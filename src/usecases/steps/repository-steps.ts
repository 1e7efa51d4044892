import { type Job, StepName } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import type { RepositoryDefinition } from '../../core/model/repository.js';
import { repositoryFor } from '../../core/plans/plan-targets.js';
import {
  isReadOnly,
  isSameRepository,
  isSameSettings,
  repositoryDifferences,
} from '../../core/plans/repository-plan.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

/** The client of each cluster a job names (as `runStep` is given it). */
type ClusterLookup = (alias: string) => ClusterClient;

/**
 * What a job other than a registration may change on a repository it registers: it may make it read-only (a
 * migration's target), never writable again, since another cluster may be writing there; where it points, never.
 */
const JOB_MAY_CHANGE = ['readonly'];

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
 * Why a job that registers its repository first (a snapshot into the default repository, a migration) must not:
 * on one of the clusters it registers on, a repository of that name points elsewhere, or is read-only where the job
 * would write. Every cluster still to register on is read before the first registration, so a migration stops
 * before anything is changed on either side.
 */
async function registeredOtherwise(job: Job, clusterFor: ClusterLookup, words: StepWords) {
  const ahead = job.steps.filter((step) => step.name === StepName.REGISTER_REPOSITORY && step.status !== 'done');
  const clusters = ahead.map((step) => step.cluster);
  for (const alias of new Set(clusters)) {
    const repository = repositoryFor(job.plan, alias);
    const now = (await clusterFor(alias).listRepositories()).find((found) => found.name === repository.name);
    if (now === undefined) continue;
    const differences = repositoryDifferences(now, repository, JOB_MAY_CHANGE);
    if (differences.length > 0) return words.repositoryRegisteredOtherwise(repository.name, alias, differences);
    if (isReadOnly(now.settings) && !isReadOnly(repository.settings)) {
      return words.repositoryReadOnlyThere(repository.name, alias);
    }
  }
  return undefined;
}

/**
 * Registers (or re-registers: the call is an upsert) and verifies that every node reaches the repository. A
 * registration job never writes over a repository other than the one its plan saw; any other job never writes
 * over one that points elsewhere (only `repo register`, which shows what it replaces and waits for approval, may).
 */
async function registerRepository(
  job: Job,
  client: ClusterClient,
  words: StepWords,
  clusterFor: ClusterLookup,
): Promise<StepOutcome> {
  const repository = repositoryFor(job.plan, client.alias);
  if (!(await isAsPlanned(job, client, repository))) {
    return { status: 'failed', detail: words.repositoryChangedSincePlanned(repository.name, client.alias) };
  }
  const otherwise =
    job.plan.kind === JobKind.REPO_REGISTER ? undefined : await registeredOtherwise(job, clusterFor, words);
  if (otherwise !== undefined) return { status: 'failed', detail: otherwise };
  await client.registerRepository(repository);
  const nodes = await client.verifyRepository(repository.name);
  return { status: 'done', detail: words.repositoryRegistered(repository.name, nodes.length) };
}

export { registerRepository };
