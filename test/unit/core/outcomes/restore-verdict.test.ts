import { describe, expect, it } from 'vitest';
import type { IndexRecovery } from '../../../../src/core/model/recovery.js';
import { judgeRestore } from '../../../../src/core/outcomes/restore-verdict.js';

const THIS_SNAPSHOT = { repository: 'migration', snapshot: 'a-to-b' };

function recovery(index: string, overrides: Partial<IndexRecovery> = {}): IndexRecovery {
  return {
    index,
    shardsDone: 1,
    shardsTotal: 1,
    bytesDone: 100,
    bytesTotal: 100,
    source: THIS_SNAPSHOT,
    types: ['SNAPSHOT'],
    totalsKnown: true,
    ...overrides,
  };
}

describe('judgeRestore', () => {
  it('counts a target restored when every primary came from this snapshot and is DONE', () => {
    const verdict = judgeRestore(['orders', 'customers'], [recovery('orders'), recovery('customers')], THIS_SNAPSHOT);

    expect(verdict).toEqual({ kind: 'restored' });
  });

  it.each([
    { name: 'a target does not exist yet', recoveries: [recovery('orders')] },
    {
      name: 'a primary is still recovering',
      recoveries: [recovery('orders'), recovery('customers', { shardsDone: 1, shardsTotal: 2 })],
    },
    {
      name: 'a target has no primary to read yet',
      recoveries: [recovery('orders'), recovery('customers', { shardsTotal: 0, shardsDone: 0, types: [] })],
    },
  ])('waits while $name', ({ recoveries }) => {
    expect(judgeRestore(['orders', 'customers'], recoveries, THIS_SNAPSHOT)).toEqual({ kind: 'restoring' });
  });

  it('names a target that recovered from an empty store instead of counting it restored', () => {
    const autoCreated = recovery('orders', { source: undefined, types: ['EMPTY_STORE'] });

    const verdict = judgeRestore(['orders', 'customers'], [autoCreated, recovery('customers')], THIS_SNAPSHOT);

    expect(verdict).toEqual({
      kind: 'restored-but-foreign',
      foreign: [{ index: 'orders', recoveredFrom: 'EMPTY_STORE' }],
    });
  });

  it.each([
    {
      name: 'another snapshot',
      entry: recovery('orders', { source: { repository: 'migration', snapshot: 'older' } }),
      recoveredFrom: 'SNAPSHOT migration:older',
    },
    {
      name: 'another repository',
      entry: recovery('orders', { source: { repository: 'elsewhere', snapshot: 'a-to-b' } }),
      recoveredFrom: 'SNAPSHOT elsewhere:a-to-b',
    },
    {
      name: 'this snapshot for some primaries only',
      entry: recovery('orders', { types: ['EXISTING_STORE', 'SNAPSHOT'] }),
      recoveredFrom: 'EXISTING_STORE, SNAPSHOT migration:a-to-b',
    },
    {
      name: 'a snapshot it cannot name',
      entry: recovery('orders', { source: undefined }),
      recoveredFrom: 'SNAPSHOT',
    },
  ])('names a target that came from $name', ({ entry, recoveredFrom }) => {
    expect(judgeRestore(['orders'], [entry], THIS_SNAPSHOT)).toEqual({
      kind: 'restored-but-foreign',
      foreign: [{ index: 'orders', recoveredFrom }],
    });
  });

  it('does not wait on a foreign target, but on the others still restoring', () => {
    const autoCreated = recovery('orders', { source: undefined, types: ['EMPTY_STORE'], shardsDone: 0 });
    const restoring = recovery('customers', { shardsDone: 0 });

    expect(judgeRestore(['orders', 'customers'], [autoCreated, restoring], THIS_SNAPSHOT)).toEqual({
      kind: 'restoring',
    });
    expect(judgeRestore(['orders'], [autoCreated], THIS_SNAPSHOT)).toMatchObject({ kind: 'restored-but-foreign' });
  });
});
