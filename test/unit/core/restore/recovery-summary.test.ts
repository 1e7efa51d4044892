import { describe, expect, it } from 'vitest';
import type { IndexRecovery } from '../../../../src/core/model/recovery.js';
import { summarizeRecovery, withExpectedPrimaries } from '../../../../src/core/restore/recovery-summary.js';

function recovery(index: string, overrides: Partial<IndexRecovery> = {}): IndexRecovery {
  return {
    index,
    shardsDone: 1,
    shardsTotal: 1,
    bytesDone: 100,
    bytesTotal: 100,
    source: undefined,
    types: ['SNAPSHOT'],
    totalsKnown: true,
    ...overrides,
  };
}

describe('summarizeRecovery', () => {
  it('sums only the targets asked for out of an answer for the whole cluster', () => {
    const answer = [
      recovery('mine-1', { shardsDone: 1, shardsTotal: 2, bytesDone: 50, bytesTotal: 200 }),
      recovery('mine-2'),
      recovery('someone-else', { shardsDone: 0, shardsTotal: 5, bytesDone: 0, bytesTotal: 5000 }),
    ];

    const summary = summarizeRecovery(['mine-1', 'mine-2'], answer);

    expect(summary).toEqual({
      indices: [answer[0], answer[1]],
      shardsDone: 2,
      shardsTotal: 3,
      bytesDone: 150,
      bytesTotal: 300,
      percent: 50,
      totalsKnown: true,
      done: false,
    });
  });

  it('is done when every target is there with all its primaries DONE', () => {
    expect(summarizeRecovery(['a', 'b'], [recovery('b'), recovery('a')])).toMatchObject({ done: true, percent: 100 });
  });

  it.each([
    ["a target does not exist yet (the sum is not the restore's)", ['a', 'b'], [recovery('a')], 0],
    ['a target has no primaries yet', ['a'], [recovery('a', { shardsDone: 0, shardsTotal: 0, bytesTotal: 0 })], 0],
    ['a primary is still copying', ['a'], [recovery('a', { shardsDone: 0, bytesDone: 100 })], 99.9],
  ])('is not done while %s, and says less than 100%%', (_case, targets, answer, percent) => {
    expect(summarizeRecovery(targets, answer)).toMatchObject({ done: false, percent });
  });

  it('says its totals are not known while a target does not exist or a primary has not counted its files', () => {
    expect(summarizeRecovery(['a', 'b'], [recovery('a')])).toMatchObject({ totalsKnown: false, percent: 0 });
    const initializing = recovery('a', { shardsDone: 0, bytesDone: 0, bytesTotal: 0, totalsKnown: false });
    expect(summarizeRecovery(['a'], [initializing])).toMatchObject({ totalsKnown: false, percent: 0 });
    expect(summarizeRecovery(['a'], [recovery('a', { shardsDone: 0, bytesDone: 40 })])).toMatchObject({
      totalsKnown: true,
      percent: 40,
    });
  });

  it('counts shards when there are no bytes to copy', () => {
    const answer = [recovery('a', { shardsDone: 1, shardsTotal: 2, bytesDone: 0, bytesTotal: 0 })];

    expect(summarizeRecovery(['a'], answer)).toMatchObject({ percent: 50, done: false });
  });

  it('reports nothing started when no target exists', () => {
    expect(summarizeRecovery(['a'], [])).toEqual({
      indices: [],
      shardsDone: 0,
      shardsTotal: 0,
      bytesDone: 0,
      bytesTotal: 0,
      percent: 0,
      totalsKnown: false,
      done: false,
    });
  });
});

describe('withExpectedPrimaries', () => {
  it('counts the primaries not yet listed, so one done primary of two is neither done nor of known size', () => {
    const oneOfTwo = withExpectedPrimaries(recovery('logs-1'), 2);

    expect(oneOfTwo).toMatchObject({ shardsDone: 1, shardsTotal: 2, totalsKnown: false });
    expect(summarizeRecovery(['logs-1'], [oneOfTwo])).toMatchObject({ done: false, percent: 0, shardsTotal: 2 });
  });

  it('keeps an index whose primaries are all listed, or whose shard count is not known, as it is', () => {
    const entry = recovery('logs-1', { shardsTotal: 2, shardsDone: 2 });

    expect(withExpectedPrimaries(entry, 2)).toBe(entry);
    expect(withExpectedPrimaries(entry, undefined)).toBe(entry);
  });
});
