import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Engine, engineLabel, layoutOf } from './engine.js';
import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';
import { lastLines, runCommand } from './run-command.js';

// Named for the first engine it held; every engine's zips and homes share it, so existing caches stay valid.
const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../../.cache/opensearch', import.meta.url));

type EngineDistributionOptions = {
  engine: Engine;
  /** Where the zip and the extracted home are kept between runs. @default env `ES_SNAPSHOT_BOT_CACHE_DIR`, else `<repo>/.cache/opensearch` */
  cacheDir?: string;
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function isDistribution(home: string, engine: Engine): Promise<boolean> {
  return exists(join(home, 'bin', layoutOf(engine).script));
}

/** Maven's first error lines say what went wrong; the rest is generic advice. */
function mavenErrors(output: string): string {
  const errors = output.split('\n').filter((line) => /^\[ERROR\]\s*\S/.test(line));
  return errors.length > 0 ? errors.slice(0, 3).join('\n') : lastLines(output, 20);
}

async function downloadZip(engine: Engine, cacheDir: string): Promise<string> {
  const { version } = engine;
  const { artifact, script } = layoutOf(engine);
  const zip = join(cacheDir, `${script}-${version}.zip`);
  if (await exists(zip)) return zip;
  // Maven writes into a private directory first, so an interrupted download never looks like a cached zip.
  const downloadDir = await mkdtemp(join(cacheDir, '.download-'));
  try {
    const args = ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${artifact}:${version}:zip`];
    const result = await runCommand('mvn', [...args, `-DoutputDirectory=${downloadDir}`], {
      whenMissing: `install Maven (e.g. apt-get install -y maven), or put the zip at ${zip}`,
    });
    if (result.exitCode !== 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.downloadFailed,
        `mvn could not fetch ${artifact}:${version}:zip (exit ${result.exitCode}): check that the version exists ` +
          `and that Maven can reach its repository, or put the zip at ${zip}`,
        { commandLine: result.commandLine, outputTail: mavenErrors(result.output) },
      );
    }
    await rename(join(downloadDir, `${script}-${version}.zip`), zip);
    return zip;
  } finally {
    await rm(downloadDir, { recursive: true, force: true });
  }
}

async function ensureUnzip(): Promise<void> {
  const whenMissing = 'install it (e.g. sudo apt-get install -y unzip)';
  try {
    await runCommand('unzip', ['-v'], { whenMissing });
    return;
  } catch (error) {
    const isMissing = error instanceof LocalOpenSearchError && error.code === LocalOpenSearchErrorCode.toolMissing;
    if (!isMissing || process.getuid?.() !== 0) throw error;
  }
  for (const args of [['update'], ['install', '-y', 'unzip']]) {
    const result = await runCommand('apt-get', args, { whenMissing: 'install unzip with your package manager' });
    if (result.exitCode !== 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.toolMissing,
        'unzip is missing and could not be installed',
        {
          commandLine: result.commandLine,
          outputTail: lastLines(result.output, 20),
        },
      );
    }
  }
}

async function extract(zip: string, engine: Engine, home: string, cacheDir: string): Promise<void> {
  await ensureUnzip();
  // Extract beside the final place and rename at the end: a half-extracted tree is never taken for a home.
  const extractDir = await mkdtemp(join(cacheDir, '.extract-'));
  try {
    const result = await runCommand('unzip', ['-q', zip, '-d', extractDir], { whenMissing: 'install unzip' });
    const [top, ...others] = await readdir(extractDir);
    if (result.exitCode !== 0 || top === undefined || others.length > 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.extractFailed,
        `${zip} is not an ${engineLabel(engine)} distribution zip: delete it and run again to download it anew`,
        { commandLine: result.commandLine, outputTail: lastLines(result.output, 20) },
      );
    }
    // The node may run as an unprivileged user: the home must be readable by everyone.
    const chmodResult = await runCommand('chmod', ['-R', 'a+rX', join(extractDir, top)], {
      whenMissing: 'install coreutils',
    });
    if (chmodResult.exitCode !== 0) throw new Error(`${chmodResult.commandLine} failed: ${chmodResult.output}`);
    await rename(join(extractDir, top), home).catch(async (error: unknown) => {
      // Another process extracting the same version at the same time got there first.
      if (!(await isDistribution(home, engine))) throw error;
    });
  } finally {
    await rm(extractDir, { recursive: true, force: true });
  }
}

/**
 * Returns the path of an extracted home of `engine`, downloading its minimal distribution zip (no plugins, no
 * security) with Maven and extracting it the first time only.
 *
 * @example
 * const home = await ensureEngineDistribution({ engine: { distribution: 'elasticsearch', version: '7.10.2' } });
 */
async function ensureEngineDistribution(options: EngineDistributionOptions): Promise<string> {
  const { engine, cacheDir = process.env.ES_SNAPSHOT_BOT_CACHE_DIR || DEFAULT_CACHE_DIR } = options;
  const home = join(cacheDir, `${layoutOf(engine).script}-${engine.version}`);
  if (await isDistribution(home, engine)) return home;
  await mkdir(cacheDir, { recursive: true });
  await extract(await downloadZip(engine, cacheDir), engine, home, cacheDir);
  return home;
}

export { type EngineDistributionOptions, ensureEngineDistribution };
