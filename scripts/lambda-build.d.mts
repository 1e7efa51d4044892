// Types of lambda-build.mjs, for the TypeScript that builds bundles with it (benchmarks, bundle tests).
import type { Metafile } from 'esbuild';

type LambdaBundleRequest = {
  absWorkingDir: string;
  /** Bundle name → source file, relative to `absWorkingDir`. */
  entryPoints: Record<string, string>;
  outdir: string;
  /** @default true */
  leaveOutUnusedBolt?: boolean;
};

declare const LAMBDA_ENTRY_POINTS: Readonly<Record<'slack' | 'worker' | 'poller', string>>;
declare function buildLambdaBundles(request: LambdaBundleRequest): Promise<Metafile>;

export type { LambdaBundleRequest };
export { buildLambdaBundles, LAMBDA_ENTRY_POINTS };
