import { describe, expect, it } from 'vitest';
import { RenameRefusedError } from '../../../../src/core/restore/errors.js';
import { readJavaPattern } from '../../../../src/core/restore/java-pattern.js';
import { renamedIndex } from '../../../../src/core/restore/rename-mapping.js';

/** Expected names are what JDK 17's `String.replaceAll` gives (the rig's OpenSearch runs on it). */
describe('readJavaPattern', () => {
  it('counts groups and names them as Java numbers them', () => {
    // Act
    const reading = readJavaPattern('(a)(?:b)(?<day>c)(?=d)(e)');

    // Assess
    expect(reading.groupCount).toBe(3);
    expect([...reading.groupNames]).toEqual([['day', 2]]);
  });

  it.each([
    ['. does not match \\u0085, as in Java', 'a\u0085', 'a.', 'x', 'a\u0085'],
    ['. matches other characters', 'ab', 'a.', 'x', 'x'],
    ['$ matches before a final \\n', 'ab\n', 'b$', 'x', 'ax\n'],
    ['$ matches before a final \\r\\n, not inside it', '\r\n', '$', 'x', 'x\r\nx'],
    ['$ does not match before a \\n that ends nothing', 'a\n\n', 'a$', 'x', 'a\n\n'],
    ['$ matches before a final \\u0085', 'a\u0085', 'a$', 'x', 'x\u0085'],
    [
      'classes, counts and escapes both dialects share',
      'logs-2026.11.02',
      '[a-z]+-(\\d{4})\\.\\d\\d?\\.(\\w+)',
      '$1-$2',
      '2026-02',
    ],
    ['a - first or last in a class', 'a-1', '[-\\d]|[a-]', 'x', 'xxx'],
    ['a plain character escaped', 'a:b', '\\:', '-', 'a-b'],
    ['a non-ASCII letter escaped', 'éa', '\\é', 'e', 'ea'],
    ['\\x and \\u escapes', 'ロa', '\\u30ed\\x61', 'r', 'r'],
    ['a } or ] on its own', 'a}]', '[}]]', 'x', 'ax'],
    ['look-ahead and fixed look-behind', 'logs-a', '(?<=-)a(?!b)', 'b', 'logs-b'],
    ['a count on a group that always takes a character', 'ab-ab', '(?:ab)+|(x)?-', '.', '...'],
    ['a count on a capture with none inside', 'abab', '(ab){2}', '$1', 'ab'],
    ['a group whose alternatives all take a character, counted', 'abc', '(?:a|b)*', '-', '--c-'],
    ['a lazy count', 'aaa', 'a+?', 'x', 'xxx'],
    ['counts with bounds', 'a1-a22-a333', '\\d{2,}|a{1,1}', 'x', 'x1-xx-xx'],
  ])('reads %s', (_, index, pattern, replacement, expected) => {
    // Act
    const renamed = renamedIndex(index, { pattern, replacement });

    // Assess
    expect(renamed).toBe(expected);
  });

  it.each([
    ['an unclosed group', '(a', { rule: 'not-regex' }],
    ['an unmatched )', 'a)', { rule: 'not-regex' }],
    ['an unclosed class', '[a', { rule: 'not-regex' }],
    ['a trailing backslash', 'a\\', { rule: 'not-regex' }],
    ['a trailing backslash in a class', '[a\\', { rule: 'not-regex' }],
    ['a trailing backslash after a - in a class', '[a-\\', { rule: 'not-regex' }],
    ['a count on nothing', '*a', { rule: 'not-regex' }],
    ['a count after a count', 'a{1}{2}', { rule: 'not-regex' }],
    ['a group name given twice', '(?<a>x)(?<a>y)', { rule: 'not-regex' }],
    ['characters outside the BMP', 'a\u{1f600}', { rule: 'outside-bmp' }],
    ['characters outside the BMP in a class', '[\u{1f600}]', { rule: 'outside-bmp' }],
    ['an escaped character outside the BMP', '\\\u{1f600}', { rule: 'outside-bmp' }],
    ['a surrogate written as \\u', '\\ud83d', { rule: 'outside-bmp' }],
    ['a back-reference', '(a)\\1', { rule: 'backreference' }],
    ['a named back-reference', '(?<a>x)\\k<a>', { rule: 'backreference' }],
    ['\\b', '\\blogs', { rule: 'word-boundary' }],
    ['\\B', 'a\\B', { rule: 'word-boundary' }],
    ['\\s', 'a\\s', { rule: 'escape', escape: '\\s' }],
    ['\\p{L}', '\\p{L}', { rule: 'escape', escape: '\\p' }],
    ['\\Q…\\E', '\\Qa\\E', { rule: 'escape', escape: '\\Q' }],
    ['\\x{41}', '\\x{41}', { rule: 'escape', escape: '\\x' }],
    ['\\u with too few digits', '\\u41', { rule: 'escape', escape: '\\u' }],
    ['\\b in a class', '[\\b]', { rule: 'escape', escape: '\\b' }],
    ['a digit escape in a class', '[\\1]', { rule: 'escape', escape: '\\1' }],
    ['[] (Java: a class holding ])', '[]a]', { rule: 'class-syntax', syntax: '[]' }],
    ['[^] (Java: a class without ])', '[^]a]', { rule: 'class-syntax', syntax: '[^]' }],
    ['a class inside a class', '[a[b]]', { rule: 'class-syntax', syntax: '[' }],
    ['an intersection', '[a-z&&[^e]]', { rule: 'class-syntax', syntax: '&&' }],
    ['a range ending in a class', '[a-\\d]', { rule: 'class-syntax', syntax: '-' }],
    ['a range starting at a class', '[\\w-z]', { rule: 'class-syntax', syntax: '-' }],
    ['flags', '(?i)logs', { rule: 'group-syntax', syntax: '(?i' }],
    ['an atomic group', '(?>a)', { rule: 'group-syntax', syntax: '(?>' }],
    ['a group opening and nothing after', '(?', { rule: 'group-syntax', syntax: '(?' }],
    ['a group name Java does not take', '(?<a_b>x)', { rule: 'group-name', name: 'a_b' }],
    ['a group in a look-behind', '(?<=(a))b', { rule: 'lookbehind' }],
    ['an open-ended count in a look-behind', '(?<=a+)b', { rule: 'lookbehind' }],
    ['a repeated group holding a look-behind', '(?:(?<=-).+)*\\.', { rule: 'lookbehind' }],
    ['a { that starts no count', 'a{,2}', { rule: 'lone-brace' }],
    ['a possessive count', 'a*+', { rule: 'possessive', syntax: '*+' }],
    ['a count on ^', '^*a', { rule: 'counted-assertion', syntax: '*' }],
    ['a count on a look-ahead', '(?=a){2}', { rule: 'counted-assertion', syntax: '{2}' }],
    ['a count on a group that can match nothing', '(a*)?', { rule: 'empty-repeat', syntax: '?' }],
    ['a count on a group with an empty alternative', '(?:a|)+', { rule: 'empty-repeat', syntax: '+' }],
    ['a repeated group holding a capture', '(?:-(\\d))+', { rule: 'repeated-capture', syntax: '+' }],
  ])('refuses %s', (_, pattern, refusal) => {
    // Act
    const act = () => readJavaPattern(pattern);

    // Assess
    expect(act).toThrowError(RenameRefusedError);
    expect(act).toThrowError(expect.objectContaining({ written: pattern, refusal }));
  });
});
