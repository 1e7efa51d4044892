import { ClusterError, ClusterErrorCode, isClusterError } from '../core/cluster-errors.js';
import type { RequestOfKind } from '../core/commands/index.js';
import { UsageError } from '../core/errors.js';
import type { JobPlan, PlannedIndex } from '../core/jobs/job.js';
import type { RepositoryDefinition } from '../core/model/repository.js';
import type { IndexSummary } from '../core/model/search-index.js';
import { planIndexDelete } from '../core/plans/index-delete-plan.js';
import { migrateTargets, planMigrate } from '../core/plans/migrate-plan.js';
import { isReadOnly, planRepositoryRegister, withReplaced } from '../core/plans/repository-plan.js';
import { planRestore, restoreMapping } from '../core/plans/restore-plan.js';
import { planSnapshotCreate, planSnapshotDelete } from '../core/plans/snapshot-plans.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { preflight } from './preflight.js';

/** The requests of the verbs that plan a job, as their definitions say. */
type JobRequest = RequestOfKind<'job'>;

function toPlanned(indices: readonly IndexSummary[]): PlannedIndex[] {
  return indices.map(({ index, docsCount, storeBytes, uuid }) => ({ index, docsCount, storeBytes, uuid }));
}

async function planRestoreRequest(
  context: BotContext,
  request: Extract<JobRequest, { verb: 'restore' }>,
): Promise<JobPlan> {
  const { config, client } = clusterNamed(context, request.cluster);
  const snapshot = await client.getSnapshot(request.repository, request.snapshot);
  // The snapshot does not show its indices' settings: the cluster restoring it (most often the one that took it)
  // tells which names are hidden, and a leading dot counts as hidden.
  const rules = {
    hidden: await client.hiddenIndices(),
    protectedPatterns: config.protectedIndices,
    dotNamesAreHidden: true,
  };
  const selection = restoreMapping(snapshot, request.indices, request.rename, rules);
  const existing = await client.resolveIndices([...selection.mapping.values()]);
  // One read of the snapshot's files: the sizes the restored copies are held to, and the preflight's needs.
  const footprint = await client.snapshotFootprint(request.repository, request.snapshot);
  const plan = planRestore({
    cluster: request.cluster,
    repository: request.repository,
    snapshot: request.snapshot,
    selection,
    snapshotUuid: snapshot.uuid,
    patterns: request.indices,
    rename: request.rename,
    replace: request.replace,
    existingTargets: toPlanned(existing.indices),
    protectedPatterns: config.protectedIndices,
    snapshotSizes: footprint.indices.map(({ index, bytes }) => ({ index, bytes })),
  });
  return preflight(context, plan, footprint);
}

/**
 * The repository to use on both sides: the source's default, or one registered on the source by that name. The
 * migration writes to it from the source: one registered read-only there is refused now, as its register step
 * or its snapshot would refuse it after the approval.
 */
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
  const registered = (await client.listRepositories()).find((repository) => repository.name === wanted);
  if (registered !== undefined && isReadOnly(registered.settings)) {
    throw new UsageError((words) => words.repositoryReadOnlyOn(from, wanted));
  }
  if (config.defaultRepository?.name === wanted) return config.defaultRepository;
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
  // Wildcards reach hidden indices too, so that the plan can say it leaves them out.
  const resolved = await source.client.resolveIndices(request.indices, { includeHidden: true });
  const leftOutRules = {
    hidden: await source.client.hiddenIndices(),
    protectedPatterns: [...source.config.protectedIndices, ...target.config.protectedIndices],
    dotNamesAreHidden: false,
  };
  const targets = migrateTargets(resolved, request.from, request.rename, leftOutRules);
  const existing = await target.client.resolveIndices([...targets.values()]);
  const plan = planMigrate({
    from: request.from,
    to: request.to,
    repository,
    patterns: request.indices,
    resolved,
    leftOutRules,
    rename: request.rename,
    replace: request.replace,
    existingTargets: toPlanned(existing.indices),
    protectedPatterns: target.config.protectedIndices,
    jobId,
    now: context.clock.now(),
  });
  return preflight(context, plan);
}

/** The snapshots of that name in the repository; none when the repository is still to be registered. */
async function snapshotsNamed(client: ClusterClient, repository: string, snapshot: string) {
  try {
    return await client.getSnapshots(repository, [snapshot]);
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.REPOSITORY_MISSING)) return [];
    throw error;
  }
}

/**
 * A snapshot, refused at once for what the cluster would refuse later: a repository that is not registered and
 * will not be (only the default is registered first), or a name the repository already holds.
 */
async function planCreateRequest(
  context: BotContext,
  request: Extract<JobRequest, { verb: 'create' }>,
  jobId: string,
): Promise<JobPlan> {
  const { config, client } = clusterNamed(context, request.cluster);
  const plan = planSnapshotCreate({
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
  const { cluster, repository, snapshot, registerFirst } = plan;
  // A snapshot without `indices` takes every index, hidden ones too: with no active shard there is none to take.
  if (request.indices.length === 0 && !request.includeGlobalState && (await client.health()).activeShards === 0) {
    throw new UsageError((words) => words.nothingToSnapshot(cluster));
  }
  const registered = (await client.listRepositories()).find(({ name }) => name === repository);
  if (registerFirst === undefined && registered === undefined) {
    throw new UsageError((words) => words.repositoryUnknown(cluster, repository));
  }
  // The register step would stop at this too; said now, before a job is made.
  const writesReadOnly =
    registerFirst !== undefined &&
    registered !== undefined &&
    isReadOnly(registered.settings) &&
    !isReadOnly(registerFirst.settings);
  if (writesReadOnly) throw new UsageError((words) => words.repositoryReadOnlyOn(cluster, repository));
  // A generated name is new by construction: only a name the person chose can be taken.
  if (request.snapshot !== undefined && (await snapshotsNamed(client, repository, snapshot)).length > 0) {
    throw new ClusterError(ClusterErrorCode.SNAPSHOT_NAME_TAKEN, { cluster, repository, snapshot });
  }
  return plan;
}

/**
 * Asks the cluster what a request would touch now (wildcards resolved, doc counts and sizes, the snapshot's
 * contents, the indices a restore would replace) and turns the answer into the exact plan the approver sees.
 */
async function planRequest(context: BotContext, request: JobRequest, jobId: string): Promise<JobPlan> {
  if (request.verb === 'migrate') return planMigrateRequest(context, request, jobId);
  const { config, client } = clusterNamed(context, request.cluster);
  switch (request.verb) {
    case 'repo-register': {
      const plan = planRepositoryRegister(
        request.cluster,
        request.repository,
        request.settings,
        config.defaultRepository,
        config.signing,
      );
      return withReplaced(plan, await client.listRepositories());
    }
    case 'create':
      return planCreateRequest(context, request, jobId);
    case 'delete': {
      const { uuid } = await client.getSnapshot(request.repository, request.snapshot);
      return planSnapshotDelete(request.cluster, request.repository, request.snapshot, uuid);
    }
    case 'delete-index':
      return planIndexDelete({
        cluster: request.cluster,
        expressions: request.indices,
        // Wildcards reach hidden indices too, so that the plan can say which it does not delete.
        resolved: await client.resolveIndices(request.indices, { includeHidden: true }),
        hidden: await client.hiddenIndices(),
        protectedPatterns: config.protectedIndices,
      });
    case 'restore':
      return planRestoreRequest(context, request);
  }
}

export type { JobRequest };
export { planRequest };
