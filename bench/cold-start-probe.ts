import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { median } from './statistics.js';

/** What one fresh Node process spent: CPU is user + system of the whole process, Node's own start included. */
type ProcessCost = { cpuMs: number; maxRssMb: number; wallMs: number };

type ColdStart = {
  /** Until `import()` of the bundle has resolved; `wallMs` is the import alone. */
  imported: ProcessCost;
  /** Until the bundle's handler has answered its first event, when it was given one; `wallMs` from the import on. */
  firstAnswer?: ProcessCost;
};

type Probe = {
  bundle?: string;
  /** Sent to the bundle's `handler` once imported: a cold start's first event. */
  event?: unknown;
  env?: Record<string, string>;
};

// Run in a fresh Node per sample, as a Lambda cold start loads the bundle into a process that has loaded nothing.
// The result goes out on fd 3: the bundles log on stdout.
const PROBE = `
import { writeSync } from 'node:fs';
const cost = (started) => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  return { cpuMs, maxRssMb: usage.maxRSS / 1024, wallMs: performance.now() - started };
};
const started = performance.now();
const bundle = process.env.BENCH_BUNDLE ? await import(process.env.BENCH_BUNDLE) : undefined;
const result = { imported: cost(started) };
if (process.env.BENCH_EVENT) {
  const answer = await bundle.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'cold-start' });
  result.firstAnswer = cost(started);
  if (answer.statusCode !== 200) throw new Error('the first event was answered ' + answer.statusCode);
}
writeSync(3, JSON.stringify(result));
process.exit(0);
`;

function sample(probe: Probe): Promise<ColdStart> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...probe.env,
    BENCH_BUNDLE: probe.bundle === undefined ? '' : pathToFileURL(probe.bundle).href,
    BENCH_EVENT: probe.event === undefined ? '' : JSON.stringify(probe.event),
  };
  // Not spawnSync: the fake AWS endpoints the Slack function calls are served by this process.
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE], {
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let result = '';
  let errors = '';
  child.stdio[3]?.on('data', (chunk: Buffer) => {
    result += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('close', (status) => {
      if (status === 0) resolve(JSON.parse(result) as ColdStart);
      else reject(new Error(`a cold start of ${probe.bundle ?? 'plain Node'} failed (${status}): ${errors}`));
    });
  });
}

function medianCost(costs: readonly ProcessCost[]): ProcessCost {
  return {
    cpuMs: median(costs.map((cost) => cost.cpuMs)),
    maxRssMb: median(costs.map((cost) => cost.maxRssMb)),
    wallMs: median(costs.map((cost) => cost.wallMs)),
  };
}

function medianColdStart(samples: readonly ColdStart[]): ColdStart {
  const answers = samples.flatMap((start) => (start.firstAnswer === undefined ? [] : [start.firstAnswer]));
  const imported = medianCost(samples.map((start) => start.imported));
  return answers.length === 0 ? { imported } : { imported, firstAnswer: medianCost(answers) };
}

/**
 * Median cold start of each probe over `runs` fresh processes, the probes taking turns so that a busy moment on
 * the shared machine hits them all alike.
 */
async function measureColdStarts(probes: readonly Probe[], runs: number): Promise<ColdStart[]> {
  const samples: ColdStart[][] = probes.map(() => []);
  for (let round = 0; round < runs; round += 1) {
    for (const [index, probe] of probes.entries()) samples[index]?.push(await sample(probe));
  }
  return samples.map(medianColdStart);
}

export type { ColdStart, Probe, ProcessCost };
export { measureColdStarts };
