import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { ackSection } from './ack-section.js';
import { sectionsAgainstClusters } from './against-clusters.js';
import { coldStartSection } from './cold-start-section.js';
import { type BenchSection, targetLine } from './section.js';

function machine(): string {
  const [cpu] = cpus();
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  return `${cpus().length} cores (${cpu?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at the end ${load}`;
}

/** Runs every section, writes docs/BENCHMARKS.md, and fails when a target is missed. */
async function main(): Promise<void> {
  const sections: BenchSection[] = [await ackSection(), await coldStartSection(), ...(await sectionsAgainstClusters())];
  const checks = sections.flatMap((section) => section.checks);
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}. The machine is shared with other work and noisy: compare within one run (each bot figure is measured beside its reference, taking turns), and rerun before believing a change of less than 2x.`,
    '',
    ...sections.flatMap((section) => section.markdown),
    '## Targets',
    '',
    ...checks.map(targetLine),
    '',
  ];
  await writeFile('docs/BENCHMARKS.md', lines.join('\n'));
  console.log(lines.join('\n'));
  if (checks.some((check) => !check.met)) process.exitCode = 1;
}

await main();
