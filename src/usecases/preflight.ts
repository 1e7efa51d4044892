import { ClusterError, ClusterErrorCode, isClusterError } from '../core/cluster-errors.js';
import type { JobPlan } from '../core/jobs/job.js';
import { JobKind } from '../core/jobs/job-states.js';
import type { IndexFacts } from '../core/model/allocation.js';
import type { ClusterEngine, ClusterInfo } from '../core/model/cluster-info.js';
import type { SnapshotFootprint } from '../core/model/snapshot.js';
import { versionFromId } from '../core/preflight/engine-version.js';
import { PreflightRefusedError } from '../core/preflight/errors.js';
import {
  aliasCheck,
  collisionCheck,
  diskCheck,
  masterTimeoutCheck,
  masterTimeoutFor,
  type RepositoryAnswer,
  type RestoreNeed,
  repositoryCheck,
  shardCheck,
  versionCheck,
} from '../core/preflight/preflight-checks.js';
import { blocksApproval, type PreflightFinding } from '../core/preflight/preflight-findings.js';
import { isAutomatedRepository } from '../core/safety/resource-names.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import { type BotContext, clusterNamed } from './bot-context.js';

type RestorePlan = Extract<JobPlan, { kind: 'restore' | 'migrate' }>;

/** What the checks found, and the engine of each cluster they read (the source first). */
type Checked = { findings: PreflightFinding[]; engines: ClusterEngine[] };

function engineOf(cluster: string, info: ClusterInfo): ClusterEngine {
  return { cluster, distribution: info.distribution, version: info.version };
}

/**
 * A restore from a snapshot cannot see its indices' replicas without reading their metadata from the repository;
 * it counts the engines' default of one replica, so the disk and shard checks err on the side of room.
 */
const ASSUMED_REPLICAS = 1;

/** `_verify` on the target; the automated repositories are the service's own and are not ours to verify. */
async function repositoryOnTarget(target: ClusterClient, repository: string): Promise<PreflightFinding[]> {
  if (isAutomatedRepository(repository)) return [];
  let answer: RepositoryAnswer;
  try {
    answer = { kind: 'verified', nodes: await target.verifyRepository(repository) };
  } catch (error) {
    // A cluster that did not answer says nothing about the repository: the request fails as any unreachable one.
    if (!(error instanceof ClusterError) || isClusterError(error, ClusterErrorCode.UNREACHABLE)) throw error;
    // Where the service does not offer `_verify`, the snapshot read that built the plan is all we can know.
    if (isClusterError(error, ClusterErrorCode.OPERATION_NOT_ALLOWED)) return [];
    answer = isClusterError(error, ClusterErrorCode.REPOSITORY_MISSING)
      ? { kind: 'missing' }
      : { kind: 'refused', reason: error.message };
  }
  return [repositoryCheck(repository, answer)];
}

/** The checks that read only the target: collisions, disk and shards for what the restore brings. */
async function targetChecks(target: ClusterClient, plan: RestorePlan, needs: RestoreNeed[]) {
  const deleted = plan.deletions.map((entry) => entry.index);
  const [existing, allocation, settings, replaced] = await Promise.all([
    target.resolveIndices(plan.restores.map((entry) => entry.target)),
    target.diskAllocation(),
    target.allocationSettings(),
    deleted.length === 0 ? Promise.resolve([] as IndexFacts[]) : target.indexFacts(deleted),
  ]);
  const freedBytes = plan.deletions.reduce((sum, entry) => sum + entry.storeBytes, 0);
  const freedShards = replaced.reduce((sum, entry) => sum + entry.shards * (1 + entry.replicas), 0);
  return {
    collisions: collisionCheck(existing.indices, plan.restores.length),
    disk: diskCheck(needs, allocation, settings, freedBytes),
    shards: shardCheck(needs, allocation, settings, freedShards),
  };
}

async function restorePreflight(
  context: BotContext,
  plan: Extract<JobPlan, { kind: 'restore' }>,
  known: SnapshotFootprint | undefined,
): Promise<Checked> {
  const { client } = clusterNamed(context, plan.cluster);
  const [footprint, info] = await Promise.all([
    known ?? client.snapshotFootprint(plan.repository, plan.snapshot),
    client.info(),
  ]);
  const sizes = new Map(footprint.indices.map((entry) => [entry.index, entry]));
  const needs = plan.restores.map(({ index }) => ({
    index,
    primaryBytes: sizes.get(index)?.bytes ?? 0,
    shards: Math.max(1, sizes.get(index)?.shards ?? 1),
    replicas: ASSUMED_REPLICAS,
  }));
  const version = footprint.versionId === undefined ? undefined : versionFromId(footprint.versionId);
  const [repository, target] = await Promise.all([
    repositoryOnTarget(client, plan.repository),
    targetChecks(client, plan, needs),
  ]);
  const findings = [
    ...repository,
    ...versionCheck(
      plan.restores.map(({ index }) => ({ index, version })),
      info,
    ),
    target.collisions,
    target.disk,
    target.shards,
  ];
  return { findings, engines: [engineOf(plan.cluster, info)] };
}

async function migratePreflight(context: BotContext, plan: Extract<JobPlan, { kind: 'migrate' }>): Promise<Checked> {
  const source = clusterNamed(context, plan.from).client;
  const target = clusterNamed(context, plan.to).client;
  const names = plan.indices.map((entry) => entry.index);
  const [facts, sourceInfo, info, sourceAliases, targetAliases] = await Promise.all([
    source.indexFacts(names),
    source.info(),
    target.info(),
    source.aliases(),
    target.aliases(),
  ]);
  const byIndex = new Map(facts.map((entry) => [entry.index, entry]));
  const needs = facts.map(({ index, primaryBytes, shards, replicas }) => ({ index, primaryBytes, shards, replicas }));
  const checks = await targetChecks(target, plan, needs);
  const versionOf = (index: string) => {
    const created = byIndex.get(index)?.versionCreated;
    return created === undefined ? undefined : versionFromId(created);
  };
  const findings = [
    repositoryCheck(plan.repository.name, { kind: 'registered-by-plan' }),
    ...versionCheck(
      names.map((index) => ({ index, version: versionOf(index) })),
      info,
    ),
    checks.collisions,
    ...aliasCheck(
      sourceAliases.filter((entry) => names.includes(entry.index)),
      targetAliases,
      plan.deletions.map((entry) => entry.index),
    ),
    checks.disk,
    checks.shards,
  ];
  return { findings, engines: [engineOf(plan.from, sourceInfo), engineOf(plan.to, info)] };
}

/**
 * Checks, before anyone is asked to approve, what would make the target refuse the restore: the repository, the
 * versions, collisions, write aliases, disk under the high watermark and the shard limit. The findings go into the
 * plan (the approval message shows them, one line each), with each cluster's engine and version; a failed check
 * refuses the request with every line.
 * Plans that restore nothing pass through unchanged. `footprint`: the snapshot's, when the caller has read it already.
 */
async function preflight(context: BotContext, plan: JobPlan, footprint?: SnapshotFootprint): Promise<JobPlan> {
  if (plan.kind !== JobKind.RESTORE && plan.kind !== JobKind.MIGRATE) return plan;
  const checked =
    plan.kind === JobKind.RESTORE
      ? await restorePreflight(context, plan, footprint)
      : await migratePreflight(context, plan);
  const findings = [...checked.findings, ...masterTimeoutCheck(plan.restores.length)];
  if (blocksApproval(findings)) {
    throw new PreflightRefusedError(plan.kind, plan.kind === JobKind.RESTORE ? plan.cluster : plan.to, findings);
  }
  const masterTimeout = masterTimeoutFor(plan.restores.length);
  return { ...plan, preflight: findings, masterTimeout, engines: checked.engines };
}

export { preflight };
