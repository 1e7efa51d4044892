import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import type { RequestOf } from '../../../../src/core/grammar/command-request.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

const USAGE = '/es snapshot migrate <from> <to> [repo] indices=a,b [replace|rename=pat:repl]';

function migration(overrides: Partial<RequestOf<'migrate'>> = {}): RequestOf<'migrate'> {
  return {
    verb: 'migrate',
    from: 'prod',
    to: 'staging',
    repository: undefined,
    indices: ['orders'],
    rename: undefined,
    replace: false,
    ...overrides,
  };
}

describe('migrate', () => {
  it.each([
    ['migrate prod staging indices=orders', migration()],
    ['snapshot MIGRATE Prod Staging migration indices=orders', migration({ repository: 'migration' })],
    ['migrate prod staging replace indices=orders', migration({ replace: true })],
    ['migrate prod staging "replace" indices=orders', migration({ repository: 'replace' })],
    [
      'migrate prod staging indices=orders,customers rename=(.+):from-prod-$1',
      migration({ indices: ['orders', 'customers'], rename: { pattern: '(.+)', replacement: 'from-prod-$1' } }),
    ],
    ['migrate prod staging indices=x-*,-x-debug-*', migration({ indices: ['x-*', '-x-debug-*'] })],
  ])('reads %j', (text, expected) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual(expected);
  });

  it.each([
    ['migrate prod', 'missing <to>'],
    ['migrate prod staging', 'migrate needs indices=, e.g. indices=orders,customers'],
    ['migrate prod PROD indices=a', 'migrate copies between two clusters; to restore within prod use restore'],
    [
      'migrate prod staging indices=a replace rename=a:b',
      'choose one of "replace" (delete the existing indices first) and "rename=" (restore beside them)',
    ],
    ['migrate prod staging m x indices=a', 'unexpected "x"'],
    [
      'migrate prod staging indices=-x-debug-*',
      'the index list starts with the exclusion "-x-debug-*": it would start from every index; name what to include first, e.g. logs-*,-logs-debug-*',
    ],
    [
      'migrate prod st@ging indices=a',
      '"st@ging" is not a cluster alias: up to 32 letters, digits, "-" and "_" (/es snapshot clusters lists them)',
    ],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(USAGE);
  });
});
