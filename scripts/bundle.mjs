// Bundles each Lambda entry point into dist/lambda/<name>.mjs, the only code serverless.yml packages.
//
//   npm run bundle                                   writes dist/lambda/{slack,worker,poller}.mjs (+ .map)
//   node scripts/bundle.mjs --outdir DIR --metafile FILE   elsewhere, and esbuild's metafile (inputs, exports)
//
// The esbuild settings live in lambda-build.mjs. Everything is bundled, the AWS SDK included: the Lambda runtime's
// own copy of the SDK changes under us, and a bundle that pins it behaves the same in tests and in production.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLambdaBundles, LAMBDA_ENTRY_POINTS } from './lambda-build.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Inputs that must never reach a Lambda bundle: src/local/ (the embedded DynamoDB, the terminal chat, the local
 * OpenSearch launcher, the `npm start` entry point) serves `npm start` and the tests only, and dynalite's LevelDB
 * binding is a native addon built for this machine. esbuild names inputs relative to the project root.
 */
const LOCAL_ONLY_INPUTS = [/node_modules\/dynalite\//, /node_modules\/classic-level\//, /^src\/local\//];

async function assertEntryPointsExist() {
  const missing = [];
  for (const entry of Object.values(LAMBDA_ENTRY_POINTS)) {
    const found = await stat(join(projectRoot, entry)).then(
      () => true,
      () => false,
    );
    if (!found) missing.push(entry);
  }
  if (missing.length > 0) {
    throw new Error(`cannot bundle: ${missing.join(', ')} not found (each Lambda function needs its entry point)`);
  }
}

function assertNoLocalOnlyInputs(metafile) {
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const offending = Object.keys(inputs).filter((input) => LOCAL_ONLY_INPUTS.some((pattern) => pattern.test(input)));
    if (offending.length > 0) {
      throw new Error(`${output} pulls in local-only code: ${offending.slice(0, 5).join(', ')}`);
    }
  }
}

async function bundle({ outdir, metafilePath }) {
  await assertEntryPointsExist();
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const metafile = await buildLambdaBundles({ absWorkingDir: projectRoot, entryPoints: LAMBDA_ENTRY_POINTS, outdir });
  assertNoLocalOnlyInputs(metafile);
  if (metafilePath !== undefined) await writeFile(metafilePath, JSON.stringify(metafile));
  return metafile;
}

async function main() {
  const { values } = parseArgs({
    options: { outdir: { type: 'string' }, metafile: { type: 'string' } },
    strict: true,
  });
  const outdir = resolve(values.outdir ?? join(projectRoot, 'dist/lambda'));
  const metafile = await bundle({ outdir, metafilePath: values.metafile && resolve(values.metafile) });
  for (const [output, { bytes }] of Object.entries(metafile.outputs)) {
    if (output.endsWith('.mjs')) process.stdout.write(`${output}  ${bytes} bytes\n`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
