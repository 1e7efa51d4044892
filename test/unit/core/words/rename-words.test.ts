// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} here is Java's replacement syntax, written as the operator types it
import { describe, expect, it } from 'vitest';
import { RenameRefusedError } from '../../../../src/core/restore/errors.js';
import { renameMapping } from '../../../../src/core/restore/rename-mapping.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import type { RenameRefusal, RenameTargetReason } from '../../../../src/core/words/rename-words.js';

const REFUSALS: RenameRefusal[] = [
  { rule: 'not-regex' },
  { rule: 'outside-bmp' },
  { rule: 'backreference' },
  { rule: 'word-boundary' },
  { rule: 'lookbehind' },
  { rule: 'lone-brace' },
  { rule: 'escape', escape: '\\s' },
  { rule: 'class-syntax', syntax: '&&' },
  { rule: 'group-syntax', syntax: '(?i' },
  { rule: 'possessive', syntax: '*+' },
  { rule: 'counted-assertion', syntax: '*' },
  { rule: 'empty-repeat', syntax: '?' },
  { rule: 'repeated-capture', syntax: '+' },
  { rule: 'group-name', name: 'a_b' },
  { rule: 'index-outside-bmp' },
  { rule: 'trailing-backslash' },
  { rule: 'lone-dollar' },
  { rule: 'group-name-shape', written: '${}' },
  { rule: 'no-group', group: 2, groups: 1 },
  { rule: 'no-group', group: 1, groups: 0 },
  { rule: 'no-named-group', name: 'b', names: ['a'] },
  { rule: 'no-named-group', name: 'b', names: [] },
];

const TARGET_REASONS: RenameTargetReason[] = [
  { rule: 'name', name: { rule: 'uppercase' } },
  { rule: 'protected', pattern: '.kibana*' },
];

describe('the rename words', () => {
  it.each(['en', 'ja'] as const)(
    'say every refusal in %s, each differently, with what to write instead',
    (language) => {
      // Act
      const said = REFUSALS.map((refusal) => catalogFor(language).renameRefused('x', refusal));

      // Assess
      expect(new Set(said.map((entry) => `${entry.text} ${entry.hint}`)).size).toBe(REFUSALS.length);
      expect(said.every((entry) => (entry.hint ?? '').length > 0)).toBe(true);
    },
  );

  it.each(['en', 'ja'] as const)('say every refused target in %s', (language) => {
    // Act
    const said = TARGET_REASONS.map((reason) => catalogFor(language).renameTargetRefused('logs', 'X', reason));

    // Assess
    expect(new Set(said.map((entry) => entry.text)).size).toBe(TARGET_REASONS.length);
    expect(said.every((entry) => entry.text.includes('"logs"') && entry.hint !== undefined)).toBe(true);
  });

  it('tells what the replacement may name when it names a missing group', () => {
    // Act
    const said = catalogFor('en').renameRefused('r-$2', { rule: 'no-group', group: 2, groups: 1 });

    // Assess
    expect(said).toEqual({
      text: 'rename replacement "r-$2" refers to group 2, but the pattern has only 1',
      hint: 'Write $0 for the whole match or $1…$1 for a group, add a group to the pattern (e.g. rename=(.+):restored-$1), or \\$ for a dollar sign.',
    });
  });

  it('says a refused rename in the channel language', () => {
    // Prepare
    let error: unknown;

    // Act
    try {
      renameMapping(['logs'], { pattern: 'logs', replacement: 'x$' });
    } catch (thrown) {
      error = thrown;
    }

    // Assess
    expect(error).toBeInstanceOf(RenameRefusedError);
    expect((error as RenameRefusedError).saidIn(catalogFor('ja')).text).toBe(
      'rename の置換 "x$" の $ の後にはグループが必要です: $0 (一致全体), $1… または ${name}',
    );
  });
});
