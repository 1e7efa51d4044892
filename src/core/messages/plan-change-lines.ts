import type { Job } from '../jobs/job.js';
import { JobState } from '../jobs/job-states.js';
import type { PlanChange } from '../model/plan-change.js';
import { planDigest, shortDigest } from '../plans/plan-digest.js';
import type { Catalog } from '../words/catalog.js';
import { formatCount } from './format.js';

/** One change in words: "`orders`: approved 12 docs, now 999,999". */
function planChangeLine(change: PlanChange, catalog: Catalog): string {
  switch (change.kind) {
    case 'index-gone':
      return catalog.indexGone(change.index, formatCount(change.approvedDocs));
    case 'index-replaced':
      return catalog.indexReplaced(change.index, change.approvedUuid, change.uuid);
    case 'index-grew':
      return catalog.indexGrew(change.index, formatCount(change.approvedDocs), formatCount(change.docs));
    case 'index-added':
      return catalog.indexAdded(change.index, formatCount(change.docs));
    case 'target-taken':
      return catalog.targetTaken(change.index, formatCount(change.docs));
    case 'snapshot-gone':
      return catalog.snapshotGone(change.snapshot);
    case 'snapshot-replaced':
      return catalog.snapshotReplaced(change.snapshot, change.approvedUuid, change.uuid);
  }
}

/** The plan's digest, short: what an approval binds to, for a person to compare by eye. */
function digestLine(job: Job, catalog: Catalog): string {
  return catalog.planDigest(shortDigest(planDigest(job.plan)));
}

/**
 * While a job asks again for approval after its plan changed: what changed, and that the plan shown is the new
 * one. Nothing once it is approved again, or for a job that never changed.
 */
function replanLines(job: Job, state: JobState, catalog: Catalog): string[] {
  if (job.replan === undefined || state !== JobState.PENDING_APPROVAL) return [];
  const { step, cluster, changes } = job.replan;
  return [
    catalog.changedTitle(catalog.step[step], cluster),
    ...changes.map((change) => `• ${planChangeLine(change, catalog)}`),
    catalog.askedAgain,
  ];
}

export { digestLine, planChangeLine, replanLines };
