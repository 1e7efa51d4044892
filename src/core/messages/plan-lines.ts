import type { JobPlan, LeftOutIndex, PlannedIndex, PlannedRestore } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { Catalog } from '../words/catalog.js';
import { engineLines } from './engine-lines.js';
import { formatBytes, formatCount } from './format.js';
import { preflightLines } from './preflight-lines.js';

/** How many indices a message lists before it points at `job <id>` for the rest. */
const MAX_LISTED = 40;

/** How many `job <id>` lists: about what fits in one Slack message. */
const MAX_LISTED_IN_DETAIL = 150;

type Listing = { catalog: Catalog; jobId: string; detail: boolean };

function listed<T>(items: readonly T[], line: (item: T) => string, listing: Listing): string[] {
  const limit = listing.detail ? MAX_LISTED_IN_DETAIL : MAX_LISTED;
  const lines = items.slice(0, limit).map(line);
  if (items.length <= limit) return lines;
  const more = items.length - limit;
  return [
    ...lines,
    listing.detail ? listing.catalog.moreIndicesKept(more) : listing.catalog.moreIndices(more, listing.jobId),
  ];
}

function indexLines(indices: readonly PlannedIndex[], listing: Listing): string[] {
  const { catalog } = listing;
  const line = (entry: PlannedIndex) =>
    catalog.indexLine(entry.index, formatCount(entry.docsCount), formatBytes(entry.storeBytes));
  return listed(indices, line, listing);
}

function restoreLines(restores: readonly PlannedRestore[], listing: Listing): string[] {
  return listed(restores, (entry) => listing.catalog.restoreLine(entry.index, entry.target), listing);
}

function deletionLines(cluster: string, deletions: readonly PlannedIndex[], listing: Listing): string[] {
  return deletions.length === 0 ? [] : [listing.catalog.willDelete(cluster), ...indexLines(deletions, listing)];
}

/** What a plan's list reached and the plan leaves out, each with its reason, so that the approver sees it too. */
function leftOutLines(
  leftOut: readonly LeftOutIndex[],
  listing: Listing,
  heading = listing.catalog.leftOutHeading,
): string[] {
  const { catalog } = listing;
  return leftOut.length === 0
    ? []
    : [heading(leftOut.length), ...listed(leftOut, (entry) => catalog.leftOutLine(entry), listing)];
}

/** The cluster a job is about, as its title shows it. */
function planCluster(plan: JobPlan): string {
  return plan.kind === JobKind.MIGRATE ? `${plan.from} → ${plan.to}` : plan.cluster;
}

/**
 * The resolved plan in words: exact index names with documents and sizes, the snapshot, the rename, and every
 * index that will be deleted. This is what an approver approves.
 */
function planLines(plan: JobPlan, catalog: Catalog, jobId: string, detail = false): string[] {
  const listing: Listing = { catalog, jobId, detail };
  switch (plan.kind) {
    case JobKind.REPO_REGISTER: {
      const { name, type, settings } = plan.repository;
      const line = catalog.repositoryLine(name, type, `\`${JSON.stringify(settings)}\``);
      const { replaces } = plan;
      if (replaces === undefined) return [line];
      return [line, catalog.replacesRepositoryLine(replaces.type, `\`${JSON.stringify(replaces.settings)}\``)];
    }
    case JobKind.SNAPSHOT_CREATE:
      return [
        catalog.snapshotLine(plan.repository, plan.snapshot),
        catalog.willSnapshot(plan.cluster),
        ...(plan.indices.length === 0 ? [catalog.everyIndex] : indexLines(plan.indices, listing)),
      ];
    case JobKind.SNAPSHOT_DELETE:
      return [catalog.snapshotLine(plan.repository, plan.snapshot)];
    case JobKind.INDEX_DELETE:
      return [
        ...deletionLines(plan.cluster, plan.indices, listing),
        ...leftOutLines(plan.leftOut, listing, catalog.notDeletedHeading),
      ];
    case JobKind.RESTORE:
      return [
        catalog.snapshotLine(plan.repository, plan.snapshot),
        ...engineLines(plan.engines, catalog),
        ...(plan.rename === undefined ? [] : [catalog.renameLine(plan.rename.pattern, plan.rename.replacement)]),
        ...deletionLines(plan.cluster, plan.deletions, listing),
        catalog.willRestore(plan.cluster),
        ...restoreLines(plan.restores, listing),
        ...leftOutLines(plan.leftOut, listing),
        ...preflightLines(plan.preflight, catalog),
      ];
    case JobKind.MIGRATE:
      return [
        catalog.migrationRepositoryLine(plan.repository.name, plan.repository.type, plan.from, plan.to),
        catalog.snapshotLine(plan.repository.name, plan.snapshot),
        ...engineLines(plan.engines, catalog),
        catalog.willSnapshot(plan.from),
        ...indexLines(plan.indices, listing),
        ...(plan.rename === undefined ? [] : [catalog.renameLine(plan.rename.pattern, plan.rename.replacement)]),
        ...deletionLines(plan.to, plan.deletions, listing),
        catalog.willRestore(plan.to),
        ...restoreLines(plan.restores, listing),
        ...leftOutLines(plan.leftOut, listing),
        ...preflightLines(plan.preflight, catalog),
      ];
  }
}

export { MAX_LISTED, MAX_LISTED_IN_DETAIL, planCluster, planLines };
