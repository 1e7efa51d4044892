import { describe, expect, it } from 'vitest';
import { counted } from '../../../../src/core/words/counted.js';

describe('counted', () => {
  it.each([
    [0, 'index', 'indices', '0 indices'],
    [1, 'index', 'indices', '1 index'],
    [2, 'index', 'indices', '2 indices'],
    [1, 'person', 'people', '1 person'],
    [1200, 'person', 'people', '1,200 people'],
  ])('says %i with the noun in the right number', (count, singular, plural, expected) => {
    // Act
    const said = counted(count, singular, plural);

    // Assess
    expect(said).toBe(expected);
  });

  it.each([
    ['1', '1 doc'],
    ['1,200', '1,200 docs'],
  ])('takes a count already formatted (%s) as it is', (count, expected) => {
    expect(counted(count, 'doc')).toBe(expected);
  });

  it('adds an s when no plural is given', () => {
    // Act
    const said = [counted(1, 'shard'), counted(3, 'shard')];

    // Assess
    expect(said).toEqual(['1 shard', '3 shards']);
  });
});
