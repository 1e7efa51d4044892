import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('cancel', () => {
  it.each([
    ['cancel k3x9q2m7', 'k3x9q2m7'],
    ['snapshot CANCEL K3X9Q2M7', 'k3x9q2m7'],
  ])('reads %j', (text, jobId) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'cancel', jobId });
  });

  it.each([
    ['cancel', 'missing <id>'],
    ['cancel k3x9q2m7 now', 'unexpected "now"'],
    ['cancel k3x9', '"k3x9" is not a job id: 6 to 32 letters and digits (/es snapshot jobs lists them)'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot cancel <id>');
  });
});
