import type { RequestOfKind } from '../core/commands/index.js';
import { UsageError } from '../core/errors.js';
import type { JobPlan, PlannedIndex } from '../core/jobs/job.js';
import type { RepositoryDefinition } from '../core/model/repository.js';
import { planIndexDelete } from '../core/plans/index-delete-plan.js';
import { migrateTargets, planMigrate } from '../core/plans/migrate-plan.js';
import { planRepositoryRegister } from '../core/plans/repository-plan.js';
import { planRestore, restoreMapping } from '../core/plans/restore-plan.js';
import { planSnapshotCreate, planSnapshotDelete } from '../core/plans/snapshot-plans.js';
import { type BotContext, clusterNamed } from './bot-context.js';

/** The requests of the verbs that plan a job, as their definitions say. */
type JobRequest = RequestOfKind<'job'>;

function toPlanned(indices: ReadonlyArray<{ index: string; docsCount: number; storeBytes: number }>): PlannedIndex[] {
  return indices.map(({ index, docsCount, storeBytes }) => ({ index, docsCount, storeBytes }));
}

async function planRestoreRequest(
  context: BotContext,
  request: Extract<JobRequest, { verb: 'restore' }>,
): Promise<JobPlan> {
  const { config, client } = clusterNamed(context, request.cluster);
  const snapshot = await client.getSnapshot(request.repository, request.snapshot);
  const mapping = restoreMapping(snapshot, request.indices, request.rename, config.protectedIndices);
  const existing = await client.resolveIndices([...mapping.values()]);
  return planRestore({
    cluster: request.cluster,
    repository: request.repository,
    snapshot: request.snapshot,
    mapping,
    rename: request.rename,
    replace: request.replace,
    existingTargets: toPlanned(existing.indices),
    protectedPatterns: config.protectedIndices,
  });
}

/** The repository to use on both sides: the source's default, or one registered on the source by that name. */
async function migrationRepository(
  context: BotContext,
  from: string,
  name: string | undefined,
): Promise<RepositoryDefinition> {
  const { config, client } = clusterNamed(context, from);
  const wanted = name ?? config.defaultRepository?.name;
  if (wanted === undefined) {
    throw new UsageError((words) => words.noRepositoryGiven(from));
  }
  if (config.defaultRepository?.name === wanted) return config.defaultRepository;
  const registered = (await client.listRepositories()).find((repository) => repository.name === wanted);
  if (registered === undefined || (registered.type !== 's3' && registered.type !== 'fs')) {
    throw new UsageError((words) => words.repositoryUnknown(from, wanted));
  }
  return { name: wanted, type: registered.type, settings: registered.settings } as RepositoryDefinition;
}

async function planMigrateRequest(
  context: BotContext,
  request: Extract<JobRequest, { verb: 'migrate' }>,
  jobId: string,
) {
  const source = clusterNamed(context, request.from);
  const target = clusterNamed(context, request.to);
  const repository = await migrationRepository(context, request.from, request.repository);
  const resolved = await source.client.resolveIndices(request.indices);
  const targets = migrateTargets(resolved, request.from, request.rename, target.config.protectedIndices);
  const existing = await target.client.resolveIndices([...targets.values()]);
  return planMigrate({
    from: request.from,
    to: request.to,
    repository,
    resolved,
    rename: request.rename,
    replace: request.replace,
    existingTargets: toPlanned(existing.indices),
    protectedPatterns: target.config.protectedIndices,
    jobId,
    now: context.clock.now(),
  });
}

/**
 * Asks the cluster what a request would touch now (wildcards resolved, doc counts and sizes, the snapshot's
 * contents, the indices a restore would replace) and turns the answer into the exact plan the approver sees.
 */
async function planRequest(context: BotContext, request: JobRequest, jobId: string): Promise<JobPlan> {
  if (request.verb === 'migrate') return planMigrateRequest(context, request, jobId);
  const { config, client } = clusterNamed(context, request.cluster);
  switch (request.verb) {
    case 'repo-register':
      return planRepositoryRegister(
        request.cluster,
        request.repository,
        request.settings,
        config.defaultRepository,
        config.signing,
      );
    case 'create':
      return planSnapshotCreate({
        cluster: request.cluster,
        repository: request.repository,
        snapshot: request.snapshot,
        includeGlobalState: request.includeGlobalState,
        partial: request.partial,
        defaultRepository: config.defaultRepository,
        resolved: request.indices.length === 0 ? undefined : await client.resolveIndices(request.indices),
        jobId,
        now: context.clock.now(),
      });
    case 'delete':
      await client.getSnapshot(request.repository, request.snapshot);
      return planSnapshotDelete(request.cluster, request.repository, request.snapshot);
    case 'delete-index':
      return planIndexDelete(request.cluster, await client.resolveIndices(request.indices), config.protectedIndices);
    case 'restore':
      return planRestoreRequest(context, request);
  }
}

export type { JobRequest };
export { planRequest };
