// Types of lambda-build.mjs, for the TypeScript that builds bundles with it (benchmarks, bundle tests).
import type { BuildOptions, Metafile } from 'esbuild';

type LambdaBundleRequest = {
  absWorkingDir: string;
  /** Bundle name → source file, relative to `absWorkingDir`. */
  entryPoints: Record<string, string>;
  outdir: string;
  /** @default true */
  leaveOutUnusedBolt?: boolean;
};

declare const LAMBDA_BUILD_OPTIONS: BuildOptions;
declare const LAMBDA_ENTRY_POINTS: Readonly<Record<'slack' | 'worker' | 'poller', string>>;
declare const RECEIVERS_LAMBDA_NEVER_RUNS: readonly string[];
declare function buildLambdaBundles(request: LambdaBundleRequest): Promise<Metafile>;

export type { LambdaBundleRequest };
export { buildLambdaBundles, LAMBDA_BUILD_OPTIONS, LAMBDA_ENTRY_POINTS, RECEIVERS_LAMBDA_NEVER_RUNS };
