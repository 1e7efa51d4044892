import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('repos', () => {
  it.each([
    ['repos prod', 'prod'],
    ['snapshot repos PROD-eu', 'prod-eu'],
  ])('reads %j', (text, cluster) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'repos', cluster });
  });

  it.each([
    ['repos', 'missing <cluster>'],
    ['repos prod extra', 'unexpected "extra"'],
    [
      'repos pr/od',
      '"pr/od" is not a cluster alias: up to 32 letters, digits, "-" and "_" (/es snapshot clusters lists them)',
    ],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot repos <cluster>');
  });
});
