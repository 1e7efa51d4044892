import type { Job } from '../../core/jobs/job.js';
import { JobKind } from '../../core/jobs/job-states.js';
import { deletionsOf, restoresOf } from '../../core/plans/plan-targets.js';
import { compareDocCounts } from '../../core/restore/doc-count-check.js';
import type { StepWords } from '../../core/words/step-words.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { StepOutcome } from './step-outcome.js';

/**
 * Deletes exactly the approved indices, by name (the client refuses patterns and protected indices again, just
 * before it runs). An index already gone counts as deleted, so a resumed step never fails on its own work.
 */
async function deleteIndices(job: Job, client: ClusterClient, words: StepWords): Promise<StepOutcome> {
  const names = deletionsOf(job.plan).map((entry) => entry.index);
  const results = await client.deleteIndices(names);
  if (results.some((result) => result.outcome === 'maybe-accepted')) {
    return { status: 'waiting', detail: words.gatewayTimedOut };
  }
  const deleted = results.filter((result) => result.outcome === 'deleted').map((result) => result.index);
  const gone = results.filter((result) => result.outcome === 'already-absent').map((result) => result.index);
  const parts = [
    deleted.length > 0 ? words.indicesDeleted(deleted.join(', ')) : '',
    gone.length > 0 ? words.indicesAlreadyGone(gone.join(', ')) : '',
  ];
  return { status: 'done', detail: parts.filter((part) => part !== '').join('; ') };
}

/** Every restored index holds as many documents as its source index on the source cluster. */
async function verifyDocCounts(
  job: Job,
  source: ClusterClient,
  target: ClusterClient,
  words: StepWords,
): Promise<StepOutcome> {
  if (job.plan.kind !== JobKind.MIGRATE) throw new Error(`a ${job.plan.kind} job has no doc counts to compare`);
  const mapping = new Map(restoresOf(job.plan).restores.map((entry) => [entry.index, entry.target]));
  const [sourceCounts, targetCounts] = await Promise.all([
    source.docCounts([...mapping.keys()]),
    target.docCounts([...mapping.values()]),
  ]);
  const comparison = compareDocCounts(mapping, sourceCounts, targetCounts);
  const lines = comparison.map((entry) => words.docCount(entry.target, entry.targetDocs, entry.sourceDocs));
  if (comparison.every((entry) => entry.equal))
    return { status: 'done', detail: words.docCountsEqual(lines.join(', ')) };
  const different = comparison
    .filter((entry) => !entry.equal)
    .map((entry) => words.docCountDifference(entry.target, entry.targetDocs, entry.sourceDocs));
  // The restore ran; what differs is named and the job ends PARTIAL, never SUCCEEDED.
  return { status: 'done', partial: true, detail: words.docCountsDiffer(different.join('; ')) };
}

export { deleteIndices, verifyDocCounts };
