import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('delete', () => {
  it.each([
    ['delete prod migration nightly', 'migration', 'nightly'],
    ['snapshot Delete PROD migration "replace"', 'migration', 'replace'],
  ])('reads %j', (text, repository, snapshot) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'delete', cluster: 'prod', repository, snapshot });
  });

  it.each([
    ['delete prod', 'missing <repo>'],
    ['delete prod m', 'missing <snapshot>'],
    ['delete prod m s t', 'unexpected "t"'],
    ['delete prod m s force=true', 'unknown option "force=": delete takes no options'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot delete <cluster> <repo> <snapshot>');
  });

  it('refuses a wildcard snapshot name', () => {
    // Act
    const error = thrownBy(() => parseCommand('delete prod m nightly-*'));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toBe('snapshot name "nightly-*" must not contain "*"');
  });
});
