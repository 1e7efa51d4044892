/** One target of a section, as the report states it and whether this run met it. */
type TargetCheck = { target: string; measured: string; met: boolean };

/** A part of docs/BENCHMARKS.md: its Markdown, and the targets the run fails on when one is missed. */
type BenchSection = { markdown: string[]; checks: TargetCheck[] };

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const kb = (bytes: number) => `${Math.round(bytes / 1000)} kB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const times = (ratio: number) => `${ratio.toFixed(2)}x`;

function targetLine(check: TargetCheck): string {
  return `- ${check.target}: ${check.met ? 'met' : 'MISSED'} (${check.measured})`;
}

export type { BenchSection, TargetCheck };
export { kb, mb, ms, targetLine, times };
