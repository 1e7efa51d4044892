// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} here is Java's replacement syntax, written as the operator types it
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import type { ParsedArguments } from '../../../../src/core/grammar/arguments.js';
import { parseRename, parseRenameOrReplace, separatorAt } from '../../../../src/core/grammar/rename-option.js';
import { thrownBy } from './thrown-by.js';

const USAGE = '/es snapshot restore <cluster> <repo> <snapshot> indices=a,b [rename=pat:repl] [replace]';

function argsWith(rename: string | undefined, flags: string[] = []): ParsedArguments {
  const options = new Map(rename === undefined ? [] : [['rename', rename]]);
  return { command: 'restore', usage: USAGE, positionals: [], options, flags: new Set(flags) };
}

describe('separatorAt', () => {
  it.each([
    ['a:b', 1],
    ['a\\:b:c', 4],
    ['a\\\\:b', 3],
    ['ab', -1],
    ['a\\:b', -1],
  ])('finds the separator of %j at %i', (value, expected) => {
    // Act
    const at = separatorAt(value);

    // Assess
    expect(at).toBe(expected);
  });
});

describe('parseRename', () => {
  it.each([
    ['(.+):restored-$1', '(.+)', 'restored-$1'],
    ['logs-(.*):old-logs-$1', 'logs-(.*)', 'old-logs-$1'],
    ['(.+):a:b', '(.+)', 'a:b'],
    ['a\\:(.+):a-$1', 'a\\:(.+)', 'a-$1'],
    ['ü:ä', 'ü', 'ä'],
  ])('splits %j into pattern and replacement', (value, pattern, replacement) => {
    // Act
    const rename = parseRename(argsWith(value));

    // Assess
    expect(rename).toEqual({ pattern, replacement });
  });

  it('is undefined when left out', () => {
    // Act
    const rename = parseRename(argsWith(undefined));

    // Assess
    expect(rename).toBeUndefined();
  });

  it.each(['(.+)', ':x', '(.+):', 'a\\:b'])('refuses %j, which lacks a side', (value) => {
    // Act
    const error = thrownBy(() => parseRename(argsWith(value)));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      '"rename=" takes pattern:replacement with both sides filled in, e.g. rename=(.+):restored-$1',
    );
    expect(error.hint).toBe(USAGE);
  });

  it('refuses a pattern that is not a regular expression, with an example', () => {
    // Act
    const error = thrownBy(() => parseRename(argsWith('(.+:x')));

    // Assess
    expect(error.message).toBe('rename pattern "(.+" is not a valid regular expression');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.hint).toBe('Write it as pattern:replacement, e.g. rename=(.+):restored-$1');
  });

  it('refuses a replacement naming a group the pattern does not have, before any index is read', () => {
    // Act
    const error = thrownBy(() => parseRename(argsWith('logs-.*:restored-$1')));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('rename replacement "restored-$1" refers to group 1, but the pattern has no groups');
    expect(error.hint).toContain('$0 for the whole match');
  });

  it('keeps a rename the cluster reads as written', () => {
    // Act
    const rename = parseRename(argsWith('(?<day>[0-9.]+)$:restored-${day}-\\$0'));

    // Assess
    expect(rename).toEqual({ pattern: '(?<day>[0-9.]+)$', replacement: 'restored-${day}-\\$0' });
  });
});

describe('parseRenameOrReplace', () => {
  it.each([
    [undefined, [], { rename: undefined, replace: false }],
    [undefined, ['replace'], { rename: undefined, replace: true }],
    ['a:b', [], { rename: { pattern: 'a', replacement: 'b' }, replace: false }],
  ])('reads rename=%j with flags %j', (rename, flags, expected) => {
    // Act
    const target = parseRenameOrReplace(argsWith(rename, flags));

    // Assess
    expect(target).toEqual(expected);
  });

  it('refuses both at once', () => {
    // Act
    const error = thrownBy(() => parseRenameOrReplace(argsWith('a:b', ['replace'])));

    // Assess
    expect(error.message).toBe(
      'choose one of "replace" (delete the existing indices first) and "rename=" (restore beside them)',
    );
  });
});
