// The esbuild settings of every Lambda bundle, in one place: `npm run bundle` builds the functions with them, and the
// benchmarks build their bare Bolt app with them (Bolt kept whole there), so that the two are compared like for like.
import { build } from 'esbuild';

// esbuild turns `require()` calls left in CommonJS dependencies into a shim that needs a real `require`; an ES
// module has none, so the banner makes one. The alias keeps the import from clashing with bundled names.
const CREATE_REQUIRE_BANNER = [
  "import { createRequire as bundleCreateRequire } from 'node:module';",
  'const require = bundleCreateRequire(import.meta.url);',
].join('\n');

/** Lambda function name → entry point; serverless.yml names its handlers `dist/lambda/<name>.handler`. */
const LAMBDA_ENTRY_POINTS = {
  slack: 'src/handlers/slack.ts',
  worker: 'src/handlers/worker.ts',
  poller: 'src/handlers/poller.ts',
};

/** Everything but where the bundles come from and go to. */
const LAMBDA_BUILD_OPTIONS = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  banner: { js: CREATE_REQUIRE_BANNER },
  metafile: true,
  logLevel: 'warning',
};

/**
 * The parts of Bolt a Lambda function never runs, as `@slack/bolt`'s index and App require them: the HTTP, Express
 * and Socket Mode receivers, the raw-body reader only they use, and OAuth, which AwsLambdaReceiver does not support
 * (FACTS C). Bolt requires them all at load, so they would cost every cold start: Socket Mode brings undici and ws,
 * Express brings body-parser, iconv-lite and mime-db: 1.5 MB of the 1.6 MB a bare Bolt app weighs.
 */
const RECEIVERS_LAMBDA_NEVER_RUNS = [
  './receivers/ExpressReceiver',
  './receivers/HTTPReceiver',
  './receivers/SocketModeReceiver',
  './receivers/HTTPModuleFunctions',
  './receivers/HTTPResponseAck',
  '@slack/oauth',
];

// In their place, a class that says why it is missing: App only constructs a receiver when it was given none,
// and tests `instanceof SocketModeReceiver` only with `socketMode: true`, neither of which a Lambda function does.
const LEFT_OUT_MODULE = `
class LeftOutOfTheLambdaBundle {
  constructor() {
    throw new Error('this part of Bolt is left out of the Lambda bundle (scripts/lambda-build.mjs): give App an AwsLambdaReceiver');
  }
}
module.exports = { __esModule: true, default: LeftOutOfTheLambdaBundle };
`;

/** @type {import('esbuild').Plugin} */
const leaveOutBoltReceivers = {
  name: 'leave-out-bolt-receivers',
  setup(builder) {
    const requests = RECEIVERS_LAMBDA_NEVER_RUNS.map((request) => request.replace(/[./]/g, '\\$&'));
    const filter = new RegExp(`^(${requests.join('|')})$`);
    builder.onResolve({ filter }, ({ path, importer }) => {
      // Only Bolt's own requires: the receivers are still there for `npm start` (Socket Mode) and anyone else.
      if (!/node_modules\/@slack\/bolt\/dist\/(index|App)\.js$/.test(importer.replaceAll('\\', '/'))) return undefined;
      return { path, namespace: 'left-out-of-lambda' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'left-out-of-lambda' }, () => ({
      contents: LEFT_OUT_MODULE,
      loader: 'js',
    }));
  },
};

/**
 * Bundles `entryPoints` (name → source file) into `outdir/<name>.mjs` with the Lambda settings and returns esbuild's
 * metafile. `leaveOutUnusedBolt: false` keeps Bolt whole, as a Bolt app bundled without this knowledge would be.
 */
async function buildLambdaBundles({ absWorkingDir, entryPoints, outdir, leaveOutUnusedBolt = true }) {
  const result = await build({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir,
    entryPoints,
    outdir,
    plugins: leaveOutUnusedBolt ? [leaveOutBoltReceivers] : [],
  });
  return result.metafile;
}

export { buildLambdaBundles, LAMBDA_ENTRY_POINTS };
