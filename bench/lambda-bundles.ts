import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { buildLambdaBundles, LAMBDA_ENTRY_POINTS } from '../scripts/lambda-build.mjs';

type BuiltBundle = {
  /** How the tables name it. */
  label: string;
  path: string;
  bytes: number;
  /** esbuild's record of what went into it, for the top inputs. */
  inputs: Metafile['outputs'][string]['inputs'];
};

type BenchBundles = {
  /** Bolt on AwsLambdaReceiver that only acks, built as any Bolt app would be: the reference of the targets. */
  bare: BuiltBundle;
  /** The same app with the parts of Bolt a Lambda never runs left out, as the bot's bundles are. */
  bareTrimmed: BuiltBundle;
  slack: BuiltBundle;
  worker: BuiltBundle;
  poller: BuiltBundle;
};

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const BARE_ENTRY = { 'bare-bolt': 'bench/bare-bolt/app.ts' };

function builtBundle(metafile: Metafile, outdir: string, name: string, label: string): BuiltBundle {
  const entry = Object.entries(metafile.outputs).find(([output]) => output.endsWith(`/${name}.mjs`));
  if (entry === undefined) throw new Error(`esbuild wrote no ${name}.mjs into ${outdir}`);
  const [, output] = entry;
  return { label, path: join(outdir, `${name}.mjs`), bytes: output.bytes, inputs: output.inputs };
}

/** Builds the bare Bolt app and the bot's three functions with the one set of Lambda build settings. */
async function buildBenchBundles(): Promise<BenchBundles> {
  const outdir = join(PROJECT_ROOT, 'dist/bench');
  await rm(outdir, { recursive: true, force: true });
  const build = (entryPoints: Record<string, string>, dir: string, leaveOutUnusedBolt: boolean) =>
    buildLambdaBundles({ absWorkingDir: PROJECT_ROOT, entryPoints, outdir: join(outdir, dir), leaveOutUnusedBolt });
  const bare = await build(BARE_ENTRY, 'bare', false);
  const bareTrimmed = await build(BARE_ENTRY, 'bare-trimmed', true);
  const bot = await build(LAMBDA_ENTRY_POINTS, 'bot', true);
  return {
    bare: builtBundle(bare, join(outdir, 'bare'), 'bare-bolt', 'bare Bolt app'),
    bareTrimmed: builtBundle(bareTrimmed, join(outdir, 'bare-trimmed'), 'bare-bolt', 'bare Bolt app, Lambda-only Bolt'),
    slack: builtBundle(bot, join(outdir, 'bot'), 'slack', 'slack'),
    worker: builtBundle(bot, join(outdir, 'bot'), 'worker', 'worker'),
    poller: builtBundle(bot, join(outdir, 'bot'), 'poller', 'poller'),
  };
}

export type { BenchBundles, BuiltBundle };
export { buildBenchBundles };
