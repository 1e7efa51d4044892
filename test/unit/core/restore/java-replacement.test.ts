// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} here is Java's replacement syntax, written as the operator types it
import { describe, expect, it } from 'vitest';
import { RenameRefusedError } from '../../../../src/core/restore/errors.js';
import { renamedIndex } from '../../../../src/core/restore/rename-mapping.js';

/**
 * Expected names are what `index.replaceAll(pattern, replacement)` gives on the JDK the rig's OpenSearch runs on
 * (17), checked there by hand; the engine test (test/integration/cluster/rename-engine.test.ts) checks the same
 * against the engine itself.
 */
describe('renamedIndex with Java replacement rules', () => {
  it.each([
    ['$0 is the whole match', 'src', 'src', '$0-dst', 'src-dst'],
    ['$n is a group', 'logs-2026', 'logs-(\\d+)', 'old-$1', 'old-2026'],
    [
      'a second digit is taken while it names a group',
      'abcdefghijkl',
      '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)',
      '$11',
      'kl',
    ],
    ['a second digit that names no group is text', 'logs', '(logs)', '$12', 'logs2'],
    [
      '${name} is a named group',
      'logs-2026.11',
      '(?<kind>[a-z]+)-(?<month>[0-9.]+)',
      '${month}-${kind}',
      '2026.11-logs',
    ],
    ['\\$ is a dollar sign', 'a', 'a', '\\$x', '$x'],
    ['\\\\ is a backslash', 'a', 'a', 'x\\\\y', 'x\\y'],
    ['\\x is x for any x', 'a', 'a', '\\q\\{', 'q{'],
    ['a group that took no part adds nothing', 'b', '(a)|(b)', '[$1|$2]', '[|b]'],
    ['every match is replaced', 'a-a', 'a', 'b', 'b-b'],
    ['an empty match is replaced at each position', 'abc', 'x*', '-', '-a-b-c-'],
    ['after a match an empty one can follow', 'baaac', 'a*', '-', '-b--c-'],
    ['an empty pattern matches everywhere', 'ab', '', '.', '.a.b.'],
    ['no match leaves the name', 'logs', 'metrics', '$0$0', 'logs'],
  ])('%s', (_, index, pattern, replacement, expected) => {
    // Act
    const renamed = renamedIndex(index, { pattern, replacement });

    // Assess
    expect(renamed).toBe(expected);
  });

  it.each([
    ['a trailing backslash', '(.+)', 'x\\', { rule: 'trailing-backslash' }],
    ['a trailing $', '(.+)', 'x$', { rule: 'lone-dollar' }],
    ['a $ before a letter', '(.+)', '$x', { rule: 'lone-dollar' }],
    ['${} with no name', '(.+)', '${}', { rule: 'group-name-shape', written: '${}' }],
    ['${name without its brace', '(?<a>.+)', '${a', { rule: 'group-name-shape', written: '${a' }],
    ['${name} starting with a digit', '(.+)', '${1a}', { rule: 'group-name-shape', written: '${1a}' }],
    [
      '${name} with a character Java does not take',
      '(?<a>.+)',
      '${a_b}',
      { rule: 'group-name-shape', written: '${a_' },
    ],
    ['a group the pattern does not have', '(.+)', '$2', { rule: 'no-group', group: 2, groups: 1 }],
    ['a name the pattern does not have', '(?<a>.+)', '${b}', { rule: 'no-named-group', name: 'b', names: ['a'] }],
  ])('refuses %s, whatever the names', (_, pattern, replacement, refusal) => {
    // Act
    const act = () => renamedIndex('logs', { pattern: `${pattern}|never`, replacement });

    // Assess
    expect(act).toThrowError(RenameRefusedError);
    expect(act).toThrowError(expect.objectContaining({ written: replacement, refusal }));
  });
});
