// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} here is Java's replacement syntax, written as the operator types it
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { RenameRefusedError, RenameTargetRefusedError } from '../../../../src/core/restore/errors.js';
import { readRename, renamedIndex, renameMapping } from '../../../../src/core/restore/rename-mapping.js';

describe('renamedIndex', () => {
  it('keeps the name without a rename', () => {
    expect(renamedIndex('logs-1', undefined)).toBe('logs-1');
  });

  it('applies capture groups like the cluster does', () => {
    expect(renamedIndex('logs-1', { pattern: '(.+)', replacement: 'restored-$1' })).toBe('restored-logs-1');
  });

  it('reads $0 as the whole match, as the cluster does (not as text, as JavaScript does)', () => {
    expect(renamedIndex('src', { pattern: 'src', replacement: '$0-dst' })).toBe('src-dst');
  });

  it('refuses a pattern that is not a regular expression, with an example', () => {
    const act = () => renamedIndex('logs', { pattern: '(', replacement: 'x' });
    expect(act).toThrowError(UsageError);
    expect(act).toThrowError('is not a valid regular expression');
  });

  it('refuses an index name with characters outside the BMP, which Java counts differently', () => {
    const act = () => renamedIndex('logs-\u{1f600}', { pattern: '.', replacement: 'x' });
    expect(act).toThrowError(RenameRefusedError);
    expect(act).toThrowError(expect.objectContaining({ refusal: { rule: 'index-outside-bmp' } }));
  });
});

describe('readRename', () => {
  it('reads the pattern and the replacement once, for every index', () => {
    const read = readRename({ pattern: '(?<day>.+)', replacement: 'r-${day}' });
    expect(read.reading.groupCount).toBe(1);
    expect(read.parts).toEqual([{ text: 'r-' }, { group: 1 }]);
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

  it('maps every index to itself without a rename', () => {
    expect([...renameMapping(['a..b'], undefined)]).toEqual([['a..b', 'a..b']]);
  });

  it('refuses two indices landing on one name', () => {
    expect(() => renameMapping(['logs-1', 'logs-2'], { pattern: 'logs-\\d', replacement: 'logs' })).toThrowError(
      'the rename maps two indices onto "logs"',
    );
  });

  it.each([
    ['uppercase', 'Logs', 'Logs', { rule: 'uppercase' }],
    ['a forbidden character', 'lo#gs', 'lo#gs', { rule: 'forbidden-character', character: '#' }],
    ['a bad start', '_$0', '_logs', { rule: 'bad-start', characters: ['-', '_', '+'] }],
    ['an empty name', '$1', '', { rule: 'empty' }],
  ])('refuses a target that is no index name: %s', (_, replacement, target, name) => {
    const act = () => renameMapping(['logs'], { pattern: '(x)?logs', replacement });
    expect(act).toThrowError(RenameTargetRefusedError);
    expect(act).toThrowError(expect.objectContaining({ index: 'logs', target, reason: { rule: 'name', name } }));
  });

  it.each([
    ['a built-in system pattern', [], '.kibana_1', '.kibana*'],
    ['a configured protected pattern', ['audit-*'], 'audit-logs', 'audit-*'],
  ])('refuses a target matching %s', (_, protectedPatterns, target, pattern) => {
    const act = () => renameMapping(['logs'], { pattern: 'logs', replacement: target }, protectedPatterns);
    expect(act).toThrowError(RenameTargetRefusedError);
    expect(act).toThrowError(expect.objectContaining({ target, reason: { rule: 'protected', pattern } }));
  });

  it('lets an index the rename does not change keep its name, whatever the name rules', () => {
    expect([...renameMapping(['.kibana_1'], { pattern: 'logs', replacement: 'x' })]).toEqual([
      ['.kibana_1', '.kibana_1'],
    ]);
  });
});
