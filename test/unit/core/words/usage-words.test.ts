import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import type { NameReason } from '../../../../src/core/words/usage-words.js';

const REASONS: NameReason[] = [
  { rule: 'empty' },
  { rule: 'whitespace' },
  { rule: 'control-characters' },
  { rule: 'broken-unicode' },
  { rule: 'dot-dot' },
  { rule: 'uppercase' },
  { rule: 'matches-everything' },
  { rule: 'too-long', bytes: 255 },
  { rule: 'forbidden-character', character: '/' },
  { rule: 'bad-start', characters: ['-', '_', '+'] },
  { rule: 'not-in-path' },
  { rule: 'empty-list' },
];

describe('the usage words', () => {
  it.each(['en', 'ja'] as const)('say every name rule in %s, each differently', (language) => {
    // Act
    const texts = REASONS.map((reason) => catalogFor(language).invalidResourceName('index', 'x', reason).text);

    // Assess
    expect(new Set(texts).size).toBe(REASONS.length);
  });

  it('gives each kind of name its own example', () => {
    // Act
    const hints = (['index', 'index pattern', 'snapshot', 'repository'] as const).map(
      (kind) => catalogFor('en').invalidResourceName(kind, 'x', { rule: 'empty' }).hint,
    );

    // Assess
    expect(hints).toEqual([
      'Use a plain index name, e.g. "logs-2026.11".',
      'Use a plain index pattern name, e.g. "logs-2026.11.*".',
      'Use a plain snapshot name, e.g. "nightly-2026.11.02".',
      'Use a plain repository name, e.g. "migration".',
    ]);
  });

  it('speaks Japanese about a wrong command', () => {
    // Prepare
    const ja = catalogFor('ja');

    // Act
    const lines = [
      ja.unknownOption('x', 'list', []),
      ja.unknownOption('x', 'list', ['limit=']),
      ja.unexpectedWord('b', true),
      ja.unexpectedWord('b', false),
      ja.unknownCommand('lsit', 'list', ['list'], '`help`').text,
      ja.unknownCommand('zzz', undefined, ['list'], '`help`').text,
      ja.invalidResourceName('repository', '_x', { rule: 'bad-start', characters: ['_'] }).text,
    ];

    // Assess
    expect(lines).toEqual([
      '"x=" というオプションはありません: list が受け付けるのはオプションなしです',
      '"x=" というオプションはありません: list が受け付けるのは limit= です',
      '"b" は余分です: リストは空白なしで書くか (a,b)、引用符で囲んでください ("a, b")',
      '"b" は余分です',
      '"lsit" というコマンドはありません。"list" のことですか?',
      '"zzz" というコマンドはありません。',
      'リポジトリ名 "_x" は使えません: "_" で始めることはできません',
    ]);
  });

  it.each([
    ['en', false, 'It holds: a, b'],
    ['en', true, 'It holds: a, b, …'],
    ['ja', false, '含まれているもの: a、b'],
    ['ja', true, '含まれているもの: a、b、…'],
  ] as const)('lists what a snapshot holds in %s, more to come: %s', (language, more, expected) => {
    // Act
    const said = catalogFor(language).snapshotLacksIndex('nightly', 'x*', ['a', 'b'], more);

    // Assess
    expect(said.hint).toBe(expected);
  });
});
