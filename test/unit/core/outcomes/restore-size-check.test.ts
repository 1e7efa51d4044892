import { describe, expect, it } from 'vitest';
import type { IndexRecovery } from '../../../../src/core/model/recovery.js';
import { compareWithSnapshot } from '../../../../src/core/outcomes/restore-size-check.js';

function recovered(index: string, bytesTotal: number): IndexRecovery {
  const source = { repository: 'migration', snapshot: 'nightly' };
  return {
    index,
    shardsDone: 1,
    shardsTotal: 1,
    bytesDone: bytesTotal,
    bytesTotal,
    source,
    types: ['SNAPSHOT'],
    totalsKnown: true,
  };
}

describe('compareWithSnapshot', () => {
  const restores = [
    { index: 'orders', target: 'r-orders' },
    { index: 'customers', target: 'r-customers' },
  ];
  const held = [
    { index: 'customers', bytes: 4096 },
    { index: 'orders', bytes: 208 },
  ];

  it('finds each copy equal when it recovered the bytes the snapshot holds of its source', () => {
    const comparison = compareWithSnapshot(restores, held, [
      recovered('r-orders', 208),
      recovered('r-customers', 4096),
    ]);

    expect(comparison).toEqual([
      { index: 'orders', target: 'r-orders', snapshotBytes: 208, restoredBytes: 208, equal: true },
      { index: 'customers', target: 'r-customers', snapshotBytes: 4096, restoredBytes: 4096, equal: true },
    ]);
  });

  it('finds a copy with other bytes, a missing copy and an index the record lacks different', () => {
    const comparison = compareWithSnapshot(
      restores,
      [{ index: 'customers', bytes: 4096 }],
      [recovered('r-customers', 10)],
    );

    expect(
      comparison.map(({ target, snapshotBytes, restoredBytes, equal }) => ({
        target,
        snapshotBytes,
        restoredBytes,
        equal,
      })),
    ).toEqual([
      { target: 'r-orders', snapshotBytes: undefined, restoredBytes: undefined, equal: false },
      { target: 'r-customers', snapshotBytes: 4096, restoredBytes: 10, equal: false },
    ]);
  });
});
