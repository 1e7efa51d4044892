import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { percentile } from './statistics.js';

type ColdStart = { bundle: string; bytes: number; importMedianMs: number; nodeBaselineMs: number };

function timeNode(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}`);
  return performance.now() - started;
}

/**
 * What a Lambda cold start pays before the first line of the handler: loading the bundle. Measured as a fresh
 * Node process importing it, against a Node process that does nothing.
 */
async function measureColdStart(runs = 15): Promise<ColdStart[]> {
  const bundler = spawnSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  if (bundler.status !== 0) throw new Error('bundling failed');
  const baseline = percentile(
    Array.from({ length: runs }, () => timeNode(['-e', '0'])),
    50,
  );
  const results: ColdStart[] = [];
  for (const name of ['slack', 'worker', 'poller']) {
    const bundle = `dist/lambda/${name}.mjs`;
    const imports = Array.from({ length: runs }, () =>
      timeNode(['--input-type=module', '-e', `await import('./${bundle}')`]),
    );
    results.push({
      bundle,
      bytes: (await stat(bundle)).size,
      importMedianMs: percentile(imports, 50),
      nodeBaselineMs: baseline,
    });
  }
  return results;
}

export type { ColdStart };
export { measureColdStart };
