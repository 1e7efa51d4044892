import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('jobs', () => {
  it.each([
    ['jobs', 'active'],
    ['jobs active', 'active'],
    ['snapshot JOBS Mine', 'mine'],
  ])('reads %j', (text, filter) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'jobs', filter });
  });

  it("reads the team's recent jobs, of every cluster or of one", () => {
    expect(parseCommand('jobs recent')).toEqual({ verb: 'jobs', filter: 'recent' });
    expect(parseCommand('jobs recent b')).toEqual({ verb: 'jobs', filter: 'recent', cluster: 'b' });
  });

  it.each([
    ['jobs all', 'jobs takes "active", "mine" or "recent", not "all"'],
    ['jobs mine active', 'unexpected "active"'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot jobs [active|mine|recent [cluster]]');
  });
});
