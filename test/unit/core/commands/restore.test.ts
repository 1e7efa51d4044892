import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import type { RequestOf } from '../../../../src/core/grammar/command-request.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

const USAGE = '/es snapshot restore <cluster> <repo> <snapshot> indices=a,b [rename=pat:repl] [replace]';

function restoration(overrides: Partial<RequestOf<'restore'>> = {}): RequestOf<'restore'> {
  return {
    verb: 'restore',
    cluster: 'prod',
    repository: 'migration',
    snapshot: 'nightly',
    indices: ['a', 'b'],
    rename: undefined,
    replace: false,
    ...overrides,
  };
}

describe('restore', () => {
  it.each([
    ['restore prod migration nightly indices=a,b', restoration()],
    ['restore prod migration nightly indices=a,b replace', restoration({ replace: true })],
    ['restore prod migration nightly REPLACE indices=a,b', restoration({ replace: true })],
    [
      'restore prod migration nightly indices=a,b rename="(.+):restored-$1"',
      restoration({ rename: { pattern: '(.+)', replacement: 'restored-$1' } }),
    ],
    [
      'restore prod migration nightly rename=\u201c(.+):restored-$1\u201d indices=\u201ca, b\u201d',
      restoration({ rename: { pattern: '(.+)', replacement: 'restored-$1' } }),
    ],
    ['restore prod migration "replace" indices=a,b', restoration({ snapshot: 'replace' })],
    ['restore prod migration nightly indices=logs-*', restoration({ indices: ['logs-*'] })],
    [
      'restore prod migration nightly indices=logs-*,-logs-debug-*',
      restoration({ indices: ['logs-*', '-logs-debug-*'] }),
    ],
  ])('reads %j', (text, expected) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual(expected);
  });

  it.each([
    ['restore prod migration', 'missing <snapshot>'],
    [
      'restore prod migration nightly indices=-logs-debug-*,logs-*',
      'the index list starts with the exclusion "-logs-debug-*": it would start from every index; name what to include first, e.g. logs-*,-logs-debug-*',
    ],
    ['restore prod migration nightly', 'restore needs indices=, e.g. indices=logs-2026.11.*'],
    ['restore prod migration replace indices=a', 'missing <snapshot>'],
    [
      'restore prod migration nightly indices=a replace rename=(.+):x-$1',
      'choose one of "replace" (delete the existing indices first) and "rename=" (restore beside them)',
    ],
    ['restore prod migration nightly indices=a replace replace', '"replace" is given twice'],
    [
      'restore prod migration nightly indices=a rename=(.+)',
      '"rename=" takes pattern:replacement with both sides filled in, e.g. rename=(.+):restored-$1',
    ],
    [
      'restore prod migration nightly indices=a, b',
      'unexpected "b": write a list without spaces (a,b) or quote it ("a, b")',
    ],
    [
      'restore prod migration nightly indices=a include_global_state=true',
      'unknown option "include_global_state=": restore takes indices=, rename= and replace',
    ],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(USAGE);
  });

  it.each([
    ['rename=[:x', 'rename pattern "[" is not a valid regular expression', 'e.g. rename=(.+):restored-$1'],
    ['rename=logs:$1', 'rename replacement "$1" refers to group 1, but the pattern has no groups', 'Write $0'],
  ])('refuses %j with what to write instead', (option, message, hint) => {
    // Act
    const error = thrownBy(() => parseCommand(`restore prod migration nightly indices=a ${option}`));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
  });

  it.each(['indices=_all', 'indices=*', 'indices=a,*'])('refuses to restore every index with %s', (option) => {
    // Act
    const error = thrownBy(() => parseCommand(`restore prod migration nightly ${option}`));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toContain('would match every index');
  });
});
