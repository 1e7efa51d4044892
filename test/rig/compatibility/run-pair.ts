import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompatibilityRow } from './compatibility-table.js';
import type { EnginePair } from './engine-pairs.js';
import { countsOfReport, enginesOfRigLine, type TestCounts } from './vitest-counts.js';

type RunOptions = { root: string; patterns: readonly string[]; commit: string };

/**
 * Variables that would point the suite elsewhere than at the pair's own clusters: the user's clusters, or one
 * OpenSearch version for both.
 */
const OVERRIDING_ENV = [
  'ES_SNAPSHOT_BOT_TEST_CLUSTER_A',
  'ES_SNAPSHOT_BOT_TEST_CLUSTER_B',
  'ES_SNAPSHOT_BOT_TEST_REPO_PATH',
  'OPENSEARCH_VERSION',
];

function pairEnv(pair: EnginePair): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ES_SNAPSHOT_BOT_ENGINE_A: pair.a, ES_SNAPSHOT_BOT_ENGINE_B: pair.b };
  for (const name of OVERRIDING_ENV) delete env[name];
  return env;
}

/** `opensearch:2.19.6` as the rig names it: `OpenSearch 2.19.6`. */
function labelOf(engine: string): string {
  const [distribution, version] = engine.split(':');
  return `${distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${version}`;
}

/** Runs vitest with the pair's engines, its output shown as it comes and kept for the rig's line. */
function runVitest(args: string[], env: NodeJS.ProcessEnv, root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/vitest'), args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', reject);
    // Failed tests exit non-zero: the report says which, so every ending is a result.
    child.on('close', () => resolve(output));
  });
}

async function readCounts(file: string): Promise<TestCounts | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : countsOfReport(text, file);
}

/** One run of the integration project on `pair`'s engines, as a row of the table. */
async function runPair(pair: EnginePair, options: RunOptions): Promise<CompatibilityRow> {
  const files = options.patterns.length > 0 ? options.patterns : (pair.files ?? []);
  const directory = await mkdtemp(join(tmpdir(), `test-engines-${pair.id}-`));
  const report = join(directory, 'report.json');
  const args = ['run', '--project', 'integration', '--reporter=default', '--reporter=json'];
  const started = Date.now();
  try {
    const output = await runVitest([...args, `--outputFile.json=${report}`, ...files], pairEnv(pair), options.root);
    const durationMs = Date.now() - started;
    const asked = { a: labelOf(pair.a), b: labelOf(pair.b) };
    const ran = enginesOfRigLine(output);
    // The rig names what it started: a rig that ignored the engines asked for must not be taken for them.
    const mismatch = ran !== undefined && (ran.a !== asked.a || ran.b !== asked.b);
    const notes = [pair.note, mismatch ? `asked for ${asked.a} → ${asked.b}, the rig ran these` : undefined];
    return {
      pair: pair.id,
      engineA: ran?.a ?? asked.a,
      engineB: ran?.b ?? asked.b,
      counts: await readCounts(report),
      durationMs,
      date: new Date(started).toISOString().slice(0, 10),
      commit: options.commit,
      files,
      note: notes.filter((note) => note !== undefined).join('; ') || undefined,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export { runPair };
