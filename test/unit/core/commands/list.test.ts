import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('list', () => {
  it.each([
    ['list prod', undefined, 20],
    ['LIST Prod cs-automated-enc', 'cs-automated-enc', 20],
    ['list prod limit=5', undefined, 5],
    ['list prod LIMIT=200 migration', 'migration', 200],
  ])('reads %j', (text, repository, limit) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'list', cluster: 'prod', repository, limit });
  });

  it.each([
    ['list', 'missing <cluster>'],
    ['list prod m x', 'unexpected "x"'],
    ['list prod limit=0', '"limit=" takes a whole number from 1 to 200, not "0"'],
    ['list prod limit=201', '"limit=" takes a whole number from 1 to 200, not "201"'],
    ['list prod limit=all', '"limit=" takes a whole number from 1 to 200, not "all"'],
    ['list prod limit=5 limit=6', '"limit=" is given twice'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot list <cluster> [repo] [limit=20]');
  });
});
