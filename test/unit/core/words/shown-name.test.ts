import { describe, expect, it } from 'vitest';
import { SHOWN_NAME_CHARACTERS, shownName } from '../../../../src/core/words/shown-name.js';
import { usageWords } from '../../../../src/core/words/usage-words.js';

describe('a name as a message shows it', () => {
  it('is the name itself when it is an ordinary one', () => {
    expect(shownName('logs-2026.11')).toBe('logs-2026.11');
  });

  it('shows a lone UTF-16 half as U+FFFD', () => {
    expect(shownName('logs-\ud800')).toBe('logs-\uFFFD');
  });

  it('cuts a name longer than any real one by code points, never leaving half a character', () => {
    const pasted = `${'\u{1F642}'.repeat(SHOWN_NAME_CHARACTERS)}${'x'.repeat(10_000)}`;

    const shown = shownName(pasted);

    expect([...shown]).toHaveLength(SHOWN_NAME_CHARACTERS + 1);
    expect(shown.endsWith('\u{1F642}…')).toBe(true);
    expect(/\p{Cs}/u.test(shown.normalize())).toBe(false);
  });

  it('keeps a refusal of a 10 kB name short enough to read, hint included', () => {
    const said = usageWords.en.invalidResourceName('index', 'x'.repeat(10_240), { rule: 'too-long', bytes: 10_240 });

    expect(said.text.length).toBeLessThan(300);
    expect(said.hint).toContain('e.g.');
  });
});
