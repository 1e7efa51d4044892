import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * `osls package` turns serverless.yml into the CloudFormation template and zips that `osls deploy` would upload,
 * without calling AWS. The deploy tests run it in a scratch directory, offline and anonymous, so that they check
 * what would be deployed and never depend on (or touch) an account.
 */

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FUNCTIONS = ['slack', 'worker', 'poller'] as const;
// With all three entry points present the real bundles are packaged; until then, placeholder bundles are.
const HANDLERS_EXIST = FUNCTIONS.every((name) => existsSync(join(PROJECT_ROOT, 'src/handlers', `${name}.ts`)));

type FunctionName = (typeof FUNCTIONS)[number];

type StageOptions = {
  stage: string;
  region: string;
  /** Stage parameters, passed as `--param=name=value` the way a deploy would pass them. */
  params: Record<string, string>;
};

type PackagedService = {
  /** Why the real bundles could not be built; placeholders were packaged instead, so the template is still checked. */
  bundleFailure: Error | undefined;
  /** The template `osls deploy` would create or update the stack with. */
  templatePath: string;
  /** esbuild's metafile for the real bundles (inputs and exports of each output); absent with placeholders. */
  metafilePath: string;
  /** The zip `osls deploy` would upload for one function. */
  zipPath: (name: FunctionName) => string;
};

/** Offline and anonymous: no AWS credentials, no instance metadata, and a proxy that refuses any HTTP call. */
function offlineEnvironment(home: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(AWS_|SLS_|SERVERLESS_)/.test(key));
  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_NOTIFICATION_MODE: 'error', // a deprecated setting in serverless.yml fails here, not at deploy
    SLS_SCHEMA_CACHE_BASE_DIR: join(PROJECT_ROOT, '.cache', 'osls'),
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    CI: 'true',
  };
}

/**
 * The real bundles when all entry points exist, else placeholders. A bundle that fails to build is reported by its
 * own test; placeholders stand in for it so that the template is still checked.
 */
async function prepareBundles(outdir: string, metafile: string): Promise<Error | undefined> {
  let failure: Error | undefined;
  if (HANDLERS_EXIST) {
    const bundleScript = join(PROJECT_ROOT, 'scripts/bundle.mjs');
    try {
      await run(process.execPath, [bundleScript, '--outdir', outdir, '--metafile', metafile]);
      return undefined;
    } catch (error) {
      failure = error as Error;
    }
  }
  await mkdir(outdir, { recursive: true });
  for (const name of FUNCTIONS) {
    await writeFile(join(outdir, `${name}.mjs`), 'export const handler = async () => ({ statusCode: 200 });\n');
    await writeFile(join(outdir, `${name}.mjs.map`), '{"version":3,"sources":[],"mappings":""}\n');
  }
  return failure;
}

/** `osls package` in `work` as it stands; rejects with osls's output on its stdout and stderr when it refuses. */
function runOsls(work: string, { stage, region, params }: StageOptions) {
  const osls = join(PROJECT_ROOT, 'node_modules/.bin/osls');
  const args = [
    'package',
    '--stage',
    stage,
    '--region',
    region,
    ...Object.entries(params).map(([k, v]) => `--param=${k}=${v}`),
  ];
  return run(osls, args, { cwd: work, env: offlineEnvironment(work), timeout: 60_000 });
}

/**
 * Copies what serverless.yml packages into `work` (the example cluster config standing in for the real one, and a
 * README that must not end up in any zip) and runs `osls package` there.
 */
async function packageService(work: string, stage: StageOptions): Promise<PackagedService> {
  await mkdir(join(work, 'config'), { recursive: true });
  await copyFile(join(PROJECT_ROOT, 'serverless.yml'), join(work, 'serverless.yml'));
  await copyFile(join(PROJECT_ROOT, 'config/clusters.example.yml'), join(work, 'config/clusters.yml'));
  await writeFile(join(work, 'README.md'), 'not packaged\n');
  const metafilePath = join(work, 'dist/metafile.json');
  const bundleFailure = await prepareBundles(join(work, 'dist/lambda'), metafilePath);
  await runOsls(work, stage);
  return {
    bundleFailure,
    templatePath: join(work, '.serverless/cloudformation-template-update-stack.json'),
    metafilePath,
    zipPath: (name) => join(work, '.serverless', `${name}.zip`),
  };
}

export type { FunctionName, PackagedService, StageOptions };
export { FUNCTIONS, HANDLERS_EXIST, PROJECT_ROOT, packageService, runOsls };
