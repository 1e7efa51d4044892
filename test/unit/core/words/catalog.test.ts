import { describe, expect, it } from 'vitest';
import { isFinal, JobState } from '../../../../src/core/jobs/job-states.js';
import { type Catalog, catalogFor } from '../../../../src/core/words/catalog.js';

const SAMPLE_ARGUMENTS = ['alpha', 'beta', 'gamma'];

function renderEveryEntry(catalog: Catalog): string[] {
  return Object.entries(catalog).flatMap(([key, entry]) => {
    if (typeof entry === 'string') return [`${key}=${entry}`];
    if (typeof entry === 'function')
      return [`${key}=${(entry as (...args: unknown[]) => string)(...SAMPLE_ARGUMENTS)}`];
    return Object.entries(entry as Record<string, string>).map(([name, text]) => `${key}.${name}=${text}`);
  });
}

describe('the message catalogue', () => {
  it.each(['en', 'ja'] as const)('has a non-empty text for every entry in %s', (language) => {
    const lines = renderEveryEntry(catalogFor(language));

    expect(lines.every((line) => !line.endsWith('='))).toBe(true);
  });

  it('has the same entries in every language', () => {
    const keys = (catalog: Catalog) => renderEveryEntry(catalog).map((line) => line.split('=')[0]);

    expect(keys(catalogFor('ja'))).toEqual(keys(catalogFor('en')));
  });

  it.each(['en', 'ja'] as const)('writes a restore line with and without a rename in %s', (language) => {
    const catalog = catalogFor(language);

    expect(catalog.restoreLine('a', 'a')).toBe('• `a`');
    expect(catalog.restoreLine('a', 'b')).toBe('• `a` → `b`');
  });
});

describe('isFinal', () => {
  it.each([
    [JobState.SUCCEEDED, true],
    [JobState.EXPIRED, true],
    [JobState.RUNNING, false],
    [JobState.PENDING_APPROVAL, false],
  ])('%s is final: %s', (state, expected) => {
    expect(isFinal(state)).toBe(expected);
  });
});
