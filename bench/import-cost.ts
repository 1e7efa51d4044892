import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { median } from './statistics.js';

type ImportCost = {
  /** user + system CPU of the whole process, Node's own start included, when the import has finished. */
  cpuMs: number;
  /** Peak resident set size of the process. */
  maxRssMb: number;
  /** Wall time of the `import()` alone. */
  importWallMs: number;
};

// Run in a fresh Node per sample: a Lambda cold start loads the bundle into a process that has loaded nothing.
const PROBE = `
const started = performance.now();
if (process.env.BENCH_BUNDLE) await import(process.env.BENCH_BUNDLE);
const importWallMs = performance.now() - started;
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  maxRssMb: usage.maxRSS / 1024,
  importWallMs,
}));
`;

function sampleImport(bundle: string | undefined): ImportCost {
  const env = { ...process.env, BENCH_BUNDLE: bundle === undefined ? '' : pathToFileURL(bundle).href };
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`importing ${bundle ?? 'nothing'} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ImportCost;
}

function medianImportCost(samples: readonly ImportCost[]): ImportCost {
  return {
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    maxRssMb: median(samples.map((sample) => sample.maxRssMb)),
    importWallMs: median(samples.map((sample) => sample.importWallMs)),
  };
}

/**
 * Median import cost of each bundle, and of Node importing nothing, over `runs` fresh processes each. The bundles
 * take turns, so that a busy moment on the shared machine hits them all alike.
 */
function measureImportCosts(bundles: readonly string[], runs = 15): { node: ImportCost; bundles: ImportCost[] } {
  const samples: ImportCost[][] = [[], ...bundles.map(() => [])];
  for (let round = 0; round < runs; round += 1) {
    [undefined, ...bundles].forEach((bundle, index) => {
      samples[index]?.push(sampleImport(bundle));
    });
  }
  const [node, ...rest] = samples.map(medianImportCost);
  if (node === undefined) throw new Error('no samples of Node alone');
  return { node, bundles: rest };
}

export type { ImportCost };
export { measureImportCosts };
