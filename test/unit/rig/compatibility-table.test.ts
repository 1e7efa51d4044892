import { describe, expect, it } from 'vitest';
import {
  type CompatibilityRow,
  TABLE_END,
  TABLE_START,
  updatedCompatibility,
} from '../../rig/compatibility/compatibility-table.js';

const RULES = '# Which engine can restore which snapshot\n\nThe rules, written by hand.\n';
const ORDER = ['os2', 'es7', 'es7-os2'];

function row(overrides: Partial<CompatibilityRow> = {}): CompatibilityRow {
  return {
    pair: 'os2',
    engineA: 'OpenSearch 2.19.6',
    engineB: 'OpenSearch 2.19.6',
    counts: { total: 136, passed: 136, failed: 0, skipped: 0 },
    durationMs: 312_000,
    date: '2026-12-03',
    commit: 'abc1234',
    files: [],
    note: undefined,
    ...overrides,
  };
}

function tableRows(document: string): string[] {
  const table = document.slice(document.indexOf(TABLE_START), document.indexOf(TABLE_END));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Pair') && !line.startsWith('| ---'));
}

describe('the table of engine pairs', () => {
  it('is added after the hand-written rules, which stay as they are', () => {
    const document = updatedCompatibility(RULES, [row()], ORDER);

    expect(document.startsWith(`${RULES}\n${TABLE_START}\n`)).toBe(true);
    expect(document.endsWith(`${TABLE_END}\n`)).toBe(true);
    expect(tableRows(document)).toEqual([
      '| os2 | OpenSearch 2.19.6 | OpenSearch 2.19.6 | ✓ green | 136 | 136 | 0 | 0 | 5 m 12 s | 2026-12-03 | `abc1234` | all |  |',
    ]);
  });

  it('replaces the rows of the pairs run and keeps the others, in the order of the pairs', () => {
    const first = updatedCompatibility(RULES, [row({ pair: 'es7-os2' }), row({ pair: 'es7' })], ORDER);
    const again = updatedCompatibility(`${first}\n## Later, by hand\n`, [row({ date: '2026-12-04' })], ORDER);

    expect(tableRows(again).map((line) => line.split(' | ').slice(0, 1)[0])).toEqual(['| os2', '| es7', '| es7-os2']);
    expect(tableRows(again)[0]).toContain('2026-12-04');
    expect(again.startsWith(RULES)).toBe(true);
    expect(again.endsWith(`${TABLE_END}\n\n## Later, by hand\n`)).toBe(true);
    expect(again.split(TABLE_START)).toHaveLength(2);
  });

  it('keeps a row of a pair no longer listed, after the listed ones', () => {
    const first = updatedCompatibility(RULES, [row({ pair: 'os0' })], ORDER);

    const again = updatedCompatibility(first, [row({ pair: 'es7' })], ORDER);

    expect(tableRows(again).map((line) => line.split(' | ')[0])).toEqual(['| es7', '| os0']);
  });

  it('says when tests failed, when nothing ran, and which files a run was limited to', () => {
    const document = updatedCompatibility(
      RULES,
      [
        row({ pair: 'os2', counts: { total: 10, passed: 8, failed: 1, skipped: 1 }, files: ['slack-bot'] }),
        row({ pair: 'es7', counts: undefined, note: 'the rig | did not start' }),
        row({ pair: 'es7-os2', counts: { total: 0, passed: 0, failed: 0, skipped: 0 } }),
      ],
      ORDER,
    );

    const [failing, unstarted, empty] = tableRows(document);
    expect(failing).toContain('| ✗ failures | 10 | 8 | 1 | 1 |');
    expect(failing).toContain('| `slack-bot` |');
    expect(unstarted).toContain('| ✗ nothing ran | – | – | – | – |');
    expect(unstarted).toContain('| the rig \\| did not start |');
    expect(empty).toContain('| ✗ nothing ran | 0 |');
  });

  it('refuses a document whose markers are not both there, in order', () => {
    expect(() => updatedCompatibility(`${RULES}${TABLE_START}\n`, [row()], ORDER)).toThrow(/markers/);
    expect(() => updatedCompatibility(`${TABLE_END}\n${TABLE_START}\n`, [row()], ORDER)).toThrow(/markers/);
  });
});
