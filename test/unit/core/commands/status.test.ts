import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('status', () => {
  it.each([
    ['status prod migration nightly', 'prod', 'migration', 'nightly'],
    [
      'snapshot STATUS Prod cs-automated-enc 2026-11-02t01-00-00.abc',
      'prod',
      'cs-automated-enc',
      '2026-11-02t01-00-00.abc',
    ],
  ])('reads %j', (text, cluster, repository, snapshot) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'status', cluster, repository, snapshot });
  });

  it.each([
    ['status', 'missing <cluster>'],
    ['status prod', 'missing <repo>'],
    ['status prod m', 'missing <snapshot>'],
    ['status prod m s x', 'unexpected "x"'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot status <cluster> <repo> <snapshot>');
  });

  it('lets the snapshot name validator refuse a bad name', () => {
    // Act
    const error = thrownBy(() => parseCommand('status prod m a/b'));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
  });
});
