import { describe, expect, it } from 'vitest';
import { compareDocCounts } from '../../../../src/core/restore/doc-count-check.js';

describe('compareDocCounts', () => {
  it('passes indices whose restored copy has as many documents', () => {
    const result = compareDocCounts(new Map([['a', 'restored-a']]), new Map([['a', 5]]), new Map([['restored-a', 5]]));
    expect(result).toEqual([{ index: 'a', target: 'restored-a', sourceDocs: 5, targetDocs: 5, equal: true }]);
  });

  it.each([
    ['a different count', new Map([['a', 5]]), new Map([['a', 4]])],
    ['a missing target', new Map([['a', 5]]), new Map<string, number>()],
    ['a missing source', new Map<string, number>(), new Map<string, number>()],
  ])('fails %s', (_case, source, target) => {
    expect(compareDocCounts(new Map([['a', 'a']]), source, target)[0]?.equal).toBe(false);
  });
});
