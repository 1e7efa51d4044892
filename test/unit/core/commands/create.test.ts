import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import type { RequestOf } from '../../../../src/core/grammar/command-request.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

function creation(overrides: Partial<RequestOf<'create'>> = {}): RequestOf<'create'> {
  return {
    verb: 'create',
    cluster: 'prod',
    repository: undefined,
    snapshot: undefined,
    indices: [],
    includeGlobalState: false,
    partial: false,
    ...overrides,
  };
}

describe('create', () => {
  it.each([
    ['create prod', creation()],
    ['create prod migration', creation({ repository: 'migration' })],
    ['create prod migration nightly', creation({ repository: 'migration', snapshot: 'nightly' })],
    [
      'snapshot create prod migration nightly indices=logs-*',
      creation({ repository: 'migration', snapshot: 'nightly', indices: ['logs-*'] }),
    ],
    ['create prod indices=a,b*,a global_state=true', creation({ indices: ['a', 'b*'], includeGlobalState: true })],
    ['create prod GLOBAL_STATE=False indices="a, b"', creation({ indices: ['a', 'b'] })],
    ['create prod indices=a partial=true', creation({ indices: ['a'], partial: true })],
    ['create prod indices=logs-*,-logs-debug-*', creation({ indices: ['logs-*', '-logs-debug-*'] })],
    ['create prod indices=a migration', creation({ repository: 'migration', indices: ['a'] })],
    ['create prod m nightly:2026', creation({ repository: 'm', snapshot: 'nightly:2026' })],
  ])('reads %j', (text, expected) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual(expected);
  });

  it.each([
    ['create', 'missing <cluster>'],
    ['create prod m n extra', 'unexpected "extra"'],
    ['create prod indices=,', '"indices=" lists nothing'],
    ['create prod global_state=yes', '"global_state=" takes true or false, not "yes"'],
    ['create prod limit=5', 'unknown option "limit=": create takes indices=, global_state= and partial='],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(
      '/es snapshot create <cluster> [repo] [name] [indices=a,b*] [global_state=true] [partial=true]',
    );
  });

  it.each([
    ['create prod _m', 'repository name "_m" must not start with "_"'],
    ['create prod m Nightly', 'snapshot name "Nightly" must be lowercase'],
    ['create prod indices=a,*', 'index pattern name "*" would match every index; name the indices instead'],
  ])('lets the name validators refuse %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toBe(message);
  });
});
