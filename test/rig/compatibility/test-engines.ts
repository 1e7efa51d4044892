// `npm run test:engines`: the integration project once per engine pair, and docs/COMPATIBILITY.md's table of them.
//   npm run test:engines -- --pair es7-os2 --pair os2      only those pairs (their rows; the others stay)
//   npm run test:engines -- --pattern slack-bot           only the integration files whose path has that text
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CompatibilityRow, updatedCompatibility } from './compatibility-table.js';
import { ENGINE_PAIRS, selectPairs } from './engine-pairs.js';
import { runPair } from './run-pair.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COMPATIBILITY = `${ROOT}docs/COMPATIBILITY.md`;

/**
 * The commit the run tested; `+changes` when the work tree differs from it, since then it tested more. The table's
 * own file does not count: an earlier pair of the same run has just written it.
 */
function testedCommit(): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const changed = git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/COMPATIBILITY.md']) !== '';
  return `${git(['rev-parse', '--short', 'HEAD'])}${changed ? '+changes' : ''}`;
}

function options() {
  const { values } = parseArgs({
    options: { pair: { type: 'string', multiple: true }, pattern: { type: 'string', multiple: true } },
  });
  return { pairs: selectPairs(values.pair ?? []), patterns: values.pattern ?? [] };
}

async function main(): Promise<void> {
  const { pairs, patterns } = options();
  const commit = testedCommit();
  const rows: CompatibilityRow[] = [];
  for (const pair of pairs) {
    process.stdout.write(`\n=== ${pair.id}: A ${pair.a}, B ${pair.b} ===\n`);
    rows.push(await runPair(pair, { root: ROOT, patterns, commit }));
  }
  const document = await readFile(COMPATIBILITY, 'utf8');
  await writeFile(
    COMPATIBILITY,
    updatedCompatibility(
      document,
      rows,
      ENGINE_PAIRS.map((pair) => pair.id),
    ),
  );
  const failing = rows.filter((row) => row.counts === undefined || row.counts.total === 0 || row.counts.failed > 0);
  process.stdout.write(`\n${COMPATIBILITY}: ${rows.length - failing.length} of ${rows.length} pairs green\n`);
  if (failing.length > 0) {
    process.stderr.write(`not green: ${failing.map((row) => row.pair).join(', ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
