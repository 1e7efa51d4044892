import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('clusters', () => {
  it.each(['clusters', 'snapshot CLUSTERS', ' clusters '])('reads %j', (text) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'clusters' });
  });

  it.each([
    ['clusters prod', 'unexpected "prod"'],
    ['clusters all=true', 'unknown option "all=": clusters takes no options'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot clusters');
  });
});
