import type { PlannedRestore } from '../jobs/job.js';
import type { IndexRecovery } from '../model/recovery.js';

/** One restored copy against what the snapshot holds of its source index; built only here, so a plain type. */
type SizeComparison = {
  index: string;
  target: string;
  snapshotBytes: number | undefined;
  restoredBytes: number | undefined;
  equal: boolean;
};

/**
 * Compares each restored copy with the snapshot's own statistics. A restore copies the snapshot's files, so the
 * bytes its primaries recovered equal the bytes `_status` gives for the source index; the snapshot records no
 * document counts, so bytes are what can be compared truthfully. A side that is missing is a mismatch, never a pass.
 */
function compareWithSnapshot(
  restores: readonly PlannedRestore[],
  snapshotSizes: ReadonlyArray<{ index: string; bytes: number }>,
  recoveries: readonly IndexRecovery[],
): SizeComparison[] {
  const held = new Map(snapshotSizes.map((entry) => [entry.index, entry.bytes]));
  const recovered = new Map(recoveries.map((entry) => [entry.index, entry.bytesTotal]));
  return restores.map(({ index, target }) => {
    const snapshotBytes = held.get(index);
    const restoredBytes = recovered.get(target);
    return {
      index,
      target,
      snapshotBytes,
      restoredBytes,
      equal: snapshotBytes !== undefined && snapshotBytes === restoredBytes,
    };
  });
}

export type { SizeComparison };
export { compareWithSnapshot };
