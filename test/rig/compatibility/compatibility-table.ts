import { formatDuration } from '../../../src/core/messages/format.js';
import type { TestCounts } from './vitest-counts.js';

/**
 * The generated part of docs/COMPATIBILITY.md: one row per engine pair, between two markers, so that the
 * hand-written rules around it stay as they are. A run of some pairs replaces their rows and keeps the others.
 */

const TABLE_START = '<!-- engine-pairs:start — written by `npm run test:engines`, never edited by hand -->';
const TABLE_END = '<!-- engine-pairs:end -->';

/** One pair's run: the engines as the rig named them, and what the integration project counted. */
type CompatibilityRow = {
  pair: string;
  engineA: string;
  engineB: string;
  /** Undefined when the run wrote no report (the rig did not start, or vitest failed before any test). */
  counts: TestCounts | undefined;
  durationMs: number;
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  commit: string;
  /** The integration files run: every one, or the pair's own or the pattern's. */
  files: readonly string[];
  note: string | undefined;
};

const HEADER = [
  '| Pair | Engine A | Engine B | Result | Tests | Passed | Failed | Skipped | Time | Date | Commit | Files | Note |',
  '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |',
];

const INTRO = [
  '## Engine pairs tested',
  '',
  'Each row is one run of the integration project with cluster A and cluster B on the engines named',
  '(`ES_SNAPSHOT_BOT_ENGINE_A` / `_B`). "Files: all" is the whole suite; a pattern or a pair of its own runs fewer.',
  '',
];

function result(counts: TestCounts | undefined): string {
  if (counts === undefined || counts.total === 0) return '✗ nothing ran';
  return counts.failed === 0 ? '✓ green' : '✗ failures';
}

/** A table cell: pipes would end it early, and line breaks would end the row. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function rowLine(row: CompatibilityRow): string {
  const { counts } = row;
  const numbers =
    counts === undefined ? ['–', '–', '–', '–'] : [counts.total, counts.passed, counts.failed, counts.skipped];
  const cells = [
    row.pair,
    row.engineA,
    row.engineB,
    result(counts),
    ...numbers.map(String),
    formatDuration(row.durationMs),
    row.date,
    `\`${row.commit}\``,
    row.files.length === 0 ? 'all' : row.files.map((file) => `\`${file}\``).join(' '),
    row.note ?? '',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** The pair a row line is about: its first cell. */
function pairOfLine(line: string): string | undefined {
  const first = /^\|\s*([^|]+?)\s*\|/.exec(line)?.[1];
  return first === undefined || first === 'Pair' || first.startsWith('---') ? undefined : first;
}

/** The rows between the markers, by pair, in the order they stand. */
function existingRows(block: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of block.split('\n')) {
    const pair = pairOfLine(line);
    if (pair !== undefined) rows.set(pair, line);
  }
  return rows;
}

/** Rows in the order of `order` (the pairs as listed), any other pair after them as it stood. */
function orderedRows(rows: Map<string, string>, order: readonly string[]): string[] {
  const rank = (pair: string) => {
    const position = order.indexOf(pair);
    return position === -1 ? order.length : position;
  };
  return [...rows.entries()].sort(([left], [right]) => rank(left) - rank(right)).map(([, line]) => line);
}

/**
 * `document` with the table of pairs brought up to date by `rows`: a pair already there gets its new row, others
 * keep theirs. Without markers, the table is added at the end; a start without an end is refused, since the
 * text after it would be taken for the table.
 */
function updatedCompatibility(document: string, rows: readonly CompatibilityRow[], order: readonly string[]): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if ((start === -1) !== (end === -1) || end < start) {
    throw new Error(`the markers of the engine table are not both there, in order: ${TABLE_START} … ${TABLE_END}`);
  }
  const before = start === -1 ? `${document.trimEnd()}\n\n` : document.slice(0, start);
  const after = start === -1 ? '\n' : document.slice(end + TABLE_END.length);
  const kept = start === -1 ? new Map<string, string>() : existingRows(document.slice(start, end));
  for (const row of rows) kept.set(row.pair, rowLine(row));
  const table = [TABLE_START, ...INTRO, ...HEADER, ...orderedRows(kept, order), TABLE_END].join('\n');
  return `${before}${table}${after}`;
}

export { type CompatibilityRow, TABLE_END, TABLE_START, updatedCompatibility };
