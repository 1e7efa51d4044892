import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { decodeSlackEntities, tokenize } from '../../../../src/core/grammar/tokenize.js';
import { thrownBy } from './thrown-by.js';

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it.each([
    ['list prod', ['list', 'prod']],
    ['  list \t prod\n\nlimit=5  ', ['list', 'prod', 'limit=5']],
    ['list\u00a0prod', ['list', 'prod']],
    ['', []],
    [' \t\n', []],
  ])('splits %j at whitespace', (text, expected) => {
    // Act
    const words = texts(text);

    // Assess
    expect(words).toEqual(expected);
  });

  it.each([
    ['indices="a, b"', 'indices=a, b'],
    ["indices='a, b'", 'indices=a, b'],
    ['rename=\u201c(.+):restored-$1\u201d', 'rename=(.+):restored-$1'],
    ['rename=\u2018(.+) x\u2019', 'rename=(.+) x'],
    ['rename="a b\u201d', 'rename=a b'],
    ['"it\'s here"', "it's here"],
    ['\'say "hi"\'', 'say "hi"'],
    ['a"b c"d', 'ab cd'],
    ['""', ''],
  ])('groups the quoted words of %j', (text, expected) => {
    // Act
    const words = texts(text);

    // Assess
    expect(words).toEqual([expected]);
  });

  it('marks words that were written in quotes', () => {
    // Act
    const tokens = tokenize('replace "replace" re"place"');

    // Assess
    expect(tokens.map((token) => token.quoted)).toEqual([false, true, true]);
  });

  it('keeps backslashes as typed', () => {
    // Act
    const words = texts('rename=a\\:b:c\\d');

    // Assess
    expect(words).toEqual(['rename=a\\:b:c\\d']);
  });

  it('decodes the entities Slack puts in command text', () => {
    // Act
    const words = texts('rename=&lt;(.+)&gt;:a&amp;b');

    // Assess
    expect(words).toEqual(['rename=<(.+)>:a&b']);
  });

  it.each([
    ['list "prod', '"', 6],
    ["list 'prod", "'", 6],
    ['rename=\u201c(.+)', '\u201c', 8],
  ])('refuses the unclosed quote in %j and says where it opened', (text, quote, at) => {
    // Act
    const error = thrownBy(() => tokenize(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`the quote ${quote} at character ${at} is never closed`);
    expect(error.hint).toContain('rename="(.+):restored-$1"');
  });
});

describe('decodeSlackEntities', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&lt;@U123|ann&gt;', '<@U123|ann>'],
    ['&amp;lt;', '&lt;'],
    ['&quot; &nbsp;', '&quot; &nbsp;'],
  ])('decodes %j once', (text, expected) => {
    // Act
    const decoded = decodeSlackEntities(text);

    // Assess
    expect(decoded).toBe(expected);
  });
});
