import type { IndexRecovery, RecoveryProgress } from '../model/recovery.js';

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Sums the recovery of `targets` out of per-index entries that may hold more indices than that: one `_recovery`
 * answer for a whole cluster serves every restore waiting on it. A target with no entry does not exist yet and
 * counts as not started, so the restore is done only when every target is there and all its primaries are DONE.
 * The percentage stays below 100 until then, however many bytes are copied, and is 0 until every target is
 * recovering with its files counted (`totalsKnown`): a sum over the targets that have started is not the restore's.
 *
 * @example
 * summarizeRecovery(['logs-1'], answerForTheWholeCluster.indices) // only logs-1, whatever else is recovering
 */
function summarizeRecovery(targets: readonly string[], recoveries: readonly IndexRecovery[]): RecoveryProgress {
  const byIndex = new Map(recoveries.map((entry) => [entry.index, entry]));
  const found = targets.flatMap((target) => byIndex.get(target) ?? []);
  const shardsDone = sum(found.map((entry) => entry.shardsDone));
  const shardsTotal = sum(found.map((entry) => entry.shardsTotal));
  const bytesDone = sum(found.map((entry) => entry.bytesDone));
  const bytesTotal = sum(found.map((entry) => entry.bytesTotal));
  const done =
    found.length === targets.length &&
    found.every((entry) => entry.shardsTotal > 0 && entry.shardsDone === entry.shardsTotal);
  const totalsKnown = done || (found.length === targets.length && found.every((entry) => entry.totalsKnown));
  const fraction = bytesTotal > 0 ? bytesDone / bytesTotal : shardsTotal > 0 ? shardsDone / shardsTotal : 0;
  const percent = done ? 100 : totalsKnown ? Math.min(99.9, Math.floor(fraction * 1000) / 10) : 0;
  return { indices: found, shardsDone, shardsTotal, bytesDone, bytesTotal, percent, totalsKnown, done };
}

/**
 * An index's recovery as it stands against its `primaries` (its number of shards): the engine lists a primary in
 * `_recovery` only once it starts recovering, and starts a few per node at a time, so the primaries listed may be
 * fewer. Until every one is listed the index is neither done nor of known size.
 */
function withExpectedPrimaries(entry: IndexRecovery, primaries: number | undefined): IndexRecovery {
  if (primaries === undefined || entry.shardsTotal >= primaries) return entry;
  return { ...entry, shardsTotal: primaries, totalsKnown: false };
}

export { summarizeRecovery, withExpectedPrimaries };
