import type { JobPlan, PlannedIndex, PlannedRestore } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Catalog } from './catalog.js';
import { formatBytes, formatCount } from './format.js';

/** How many indices a message lists before it points at `job <id>` for the rest. */
const MAX_LISTED = 40;

function listed<T>(items: readonly T[], line: (item: T) => string, catalog: Catalog, jobId: string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  return items.length > MAX_LISTED ? [...lines, catalog.moreIndices(items.length - MAX_LISTED, jobId)] : lines;
}

function indexLines(indices: readonly PlannedIndex[], catalog: Catalog, jobId: string): string[] {
  const line = (entry: PlannedIndex) =>
    catalog.indexLine(entry.index, formatCount(entry.docsCount), formatBytes(entry.storeBytes));
  return listed(indices, line, catalog, jobId);
}

function restoreLines(restores: readonly PlannedRestore[], catalog: Catalog, jobId: string): string[] {
  return listed(restores, (entry) => catalog.restoreLine(entry.index, entry.target), catalog, jobId);
}

function deletionLines(cluster: string, deletions: readonly PlannedIndex[], catalog: Catalog, jobId: string): string[] {
  return deletions.length === 0 ? [] : [catalog.willDelete(cluster), ...indexLines(deletions, catalog, jobId)];
}

/** The cluster a job is about, as its title shows it. */
function planCluster(plan: JobPlan): string {
  return plan.kind === JobKind.MIGRATE ? `${plan.from} → ${plan.to}` : plan.cluster;
}

/**
 * The resolved plan in words: exact index names with documents and sizes, the snapshot, the rename, and every
 * index that will be deleted. This is what an approver approves.
 */
function planLines(plan: JobPlan, catalog: Catalog, jobId: string): string[] {
  switch (plan.kind) {
    case JobKind.REPO_REGISTER: {
      const { name, type, settings } = plan.repository;
      return [catalog.repositoryLine(name, type, `\`${JSON.stringify(settings)}\``)];
    }
    case JobKind.SNAPSHOT_CREATE:
      return [
        catalog.snapshotLine(plan.repository, plan.snapshot),
        catalog.willSnapshot(plan.cluster),
        ...(plan.indices.length === 0 ? [catalog.everyIndex] : indexLines(plan.indices, catalog, jobId)),
      ];
    case JobKind.SNAPSHOT_DELETE:
      return [catalog.snapshotLine(plan.repository, plan.snapshot)];
    case JobKind.INDEX_DELETE:
      return deletionLines(plan.cluster, plan.indices, catalog, jobId);
    case JobKind.RESTORE:
      return [
        catalog.snapshotLine(plan.repository, plan.snapshot),
        ...(plan.rename === undefined ? [] : [catalog.renameLine(plan.rename.pattern, plan.rename.replacement)]),
        ...deletionLines(plan.cluster, plan.deletions, catalog, jobId),
        catalog.willRestore(plan.cluster),
        ...restoreLines(plan.restores, catalog, jobId),
      ];
    case JobKind.MIGRATE:
      return [
        catalog.repositoryLine(plan.repository.name, plan.repository.type, ''),
        catalog.snapshotLine(plan.repository.name, plan.snapshot),
        catalog.willSnapshot(plan.from),
        ...indexLines(plan.indices, catalog, jobId),
        ...(plan.rename === undefined ? [] : [catalog.renameLine(plan.rename.pattern, plan.rename.replacement)]),
        ...deletionLines(plan.to, plan.deletions, catalog, jobId),
        catalog.willRestore(plan.to),
        ...restoreLines(plan.restores, catalog, jobId),
      ];
  }
}

export { MAX_LISTED, planCluster, planLines };
