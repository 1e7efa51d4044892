import { describe, expect, it } from 'vitest';
import { type EndedSnapshot, judgeSnapshot } from '../../../../src/core/outcomes/snapshot-verdict.js';

function ended(overrides: Partial<EndedSnapshot> = {}): EndedSnapshot {
  return {
    state: 'SUCCESS',
    indices: ['customers', 'orders'],
    shards: { total: 2, successful: 2, failed: 0 },
    failures: [],
    ...overrides,
  };
}

describe('judgeSnapshot', () => {
  it('finds a SUCCESS snapshot that holds every planned index and shard complete', () => {
    expect(judgeSnapshot(ended(), ['orders', 'customers'])).toEqual({ kind: 'complete' });
  });

  it('finds a snapshot of every index complete when it holds any', () => {
    expect(judgeSnapshot(ended(), [])).toEqual({ kind: 'complete' });
  });

  it.each([
    { indices: [], shards: { total: 0, successful: 0, failed: 0 }, counts: { indices: 0, shards: 0 } },
    { indices: ['orders'], shards: { total: 0, successful: 0, failed: 0 }, counts: { indices: 1, shards: 0 } },
  ])('finds a SUCCESS that captured nothing empty ($counts.indices indices, $counts.shards shards)', (given) => {
    const verdict = judgeSnapshot(ended({ indices: given.indices, shards: given.shards }), []);

    expect(verdict).toEqual({ kind: 'empty', ...given.counts, failures: [] });
  });

  it('finds a PARTIAL whose only index was deleted under it empty, whatever count the engine gives', () => {
    const failures = [{ index: 'orders', shardId: 0, reason: 'aborted' }];

    const verdict = judgeSnapshot(
      { state: 'PARTIAL', indices: [], shards: { total: 0, successful: -1, failed: 1 }, failures },
      ['orders'],
    );

    expect(verdict).toEqual({ kind: 'empty', indices: 0, shards: 0, failures });
  });

  it('names the planned indices a SUCCESS snapshot lacks', () => {
    const verdict = judgeSnapshot(ended({ indices: ['orders'], shards: { total: 1, successful: 1, failed: 0 } }), [
      'orders',
      'customers',
      'invoices',
    ]);

    expect(verdict).toEqual({ kind: 'missing-indices', missing: ['customers', 'invoices'], held: 1, planned: 3 });
  });

  it('finds a PARTIAL snapshot partial, with its failed shards', () => {
    const failures = [{ index: 'orders', shardId: 0, reason: 'primary shard is not allocated' }];

    const verdict = judgeSnapshot(
      ended({ state: 'PARTIAL', shards: { total: 2, successful: 1, failed: 1 }, failures }),
      ['orders', 'customers'],
    );

    expect(verdict).toEqual({ kind: 'partial', failed: 1, total: 2, failures, missing: [] });
  });

  it('names the planned indices a PARTIAL snapshot does not hold at all', () => {
    const failures = [{ index: 'customers', shardId: 0, reason: 'aborted' }];

    const verdict = judgeSnapshot(
      ended({ state: 'PARTIAL', indices: ['orders'], shards: { total: 1, successful: 1, failed: 1 }, failures }),
      ['orders', 'customers'],
    );

    expect(verdict).toEqual({ kind: 'partial', failed: 1, total: 1, failures, missing: ['customers'] });
  });

  it.each([
    { total: 2, successful: 1, failed: 1 },
    { total: 2, successful: 1, failed: 0 },
  ])('never trusts a SUCCESS whose shards did not all succeed (%o)', (shards) => {
    const verdict = judgeSnapshot(ended({ shards }), []);

    expect(verdict).toEqual({ kind: 'partial', failed: 1, total: 2, failures: [], missing: [] });
  });

  it.each(['FAILED', 'INCOMPATIBLE'] as const)('finds a %s snapshot failed', (state) => {
    const failures = [{ index: 'orders', shardId: undefined, reason: undefined }];

    expect(judgeSnapshot(ended({ state, failures }), ['orders'])).toEqual({ kind: 'failed', state, failures });
  });
});
