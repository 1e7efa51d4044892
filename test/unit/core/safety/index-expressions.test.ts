import { describe, expect, it } from 'vitest';
import { inclusionsOf, selectIndices } from '../../../../src/core/safety/index-expressions.js';
import { matchesWildcard } from '../../../../src/core/safety/protected-indices.js';

const CLUSTER = ['logs-app', 'logs-debug-1', 'logs-debug-2', 'logs-web', 'orders'];

function reach(pattern: string): string[] {
  return CLUSTER.filter((name) => matchesWildcard(pattern, name));
}

describe('selectIndices', () => {
  it('removes what an exclusion matches from what came before it', () => {
    expect(selectIndices(['logs-*', '-logs-debug-*'], reach)).toEqual({
      names: ['logs-app', 'logs-web'],
      unmatched: [],
    });
  });

  it('reads the list in order: an inclusion after an exclusion adds back', () => {
    expect(selectIndices(['logs-*', '-logs-debug-*', 'logs-debug-2'], reach).names).toEqual([
      'logs-app',
      'logs-debug-2',
      'logs-web',
    ]);
  });

  it('leaves alone what an exclusion reached before it was added', () => {
    expect(selectIndices(['-orders', 'orders'], reach).names).toEqual(['orders']);
  });

  it('names the inclusions that reach nothing, not the exclusions', () => {
    expect(selectIndices(['metrics-*', 'orders', '-nothing-*'], reach)).toEqual({
      names: ['orders'],
      unmatched: ['metrics-*'],
    });
  });
});

describe('inclusionsOf', () => {
  it('keeps the items that reach indices', () => {
    expect(inclusionsOf(['logs-*', '-logs-debug-*', 'orders'])).toEqual(['logs-*', 'orders']);
  });
});
