import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { renamedIndex, renameMapping } from '../../../../src/core/restore/rename-mapping.js';

describe('renamedIndex', () => {
  it('keeps the name without a rename', () => {
    expect(renamedIndex('logs-1', undefined)).toBe('logs-1');
  });

  it('applies capture groups like the cluster does', () => {
    expect(renamedIndex('logs-1', { pattern: '(.+)', replacement: 'restored-$1' })).toBe('restored-logs-1');
  });

  it('replaces every match', () => {
    expect(renamedIndex('a-a', { pattern: 'a', replacement: 'b' })).toBe('b-b');
  });

  it('refuses a pattern that is not a regular expression, with an example', () => {
    const act = () => renamedIndex('logs', { pattern: '(', replacement: 'x' });
    expect(act).toThrowError(UsageError);
    expect(act).toThrowError('is not a valid regular expression');
  });
});

describe('renameMapping', () => {
  it('maps every source index to its target', () => {
    const mapping = renameMapping(['a', 'b'], { pattern: '(.+)', replacement: 'new-$1' });
    expect([...mapping]).toEqual([
      ['a', 'new-a'],
      ['b', 'new-b'],
    ]);
  });

  it('refuses two indices landing on one name', () => {
    expect(() => renameMapping(['logs-1', 'logs-2'], { pattern: 'logs-\\d', replacement: 'logs' })).toThrowError(
      'the rename maps two indices onto "logs"',
    );
  });
});
