import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';
import { lastLines, runCommand } from './run-command.js';

/** Newest 2.x release; 2.x runs on Java 17, 3.x needs Java 21 or newer. */
const DEFAULT_OPENSEARCH_VERSION = '2.19.5';
const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../../.cache/opensearch', import.meta.url));
const ARTIFACT = 'org.opensearch.distribution.integ-test-zip:opensearch';

type OpenSearchDistributionOptions = {
  /** OpenSearch release to use. @default env `OPENSEARCH_VERSION`, else `2.19.5` */
  version?: string;
  /** Where the zip and the extracted home are kept between runs. @default env `ES_SNAPSHOT_BOT_CACHE_DIR`, else `<repo>/.cache/opensearch` */
  cacheDir?: string;
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function isDistribution(home: string): Promise<boolean> {
  return exists(join(home, 'bin', 'opensearch'));
}

/** Maven's first error lines say what went wrong; the rest is generic advice. */
function mavenErrors(output: string): string {
  const errors = output.split('\n').filter((line) => /^\[ERROR\]\s*\S/.test(line));
  return errors.length > 0 ? errors.slice(0, 3).join('\n') : lastLines(output, 20);
}

async function downloadZip(version: string, cacheDir: string): Promise<string> {
  const zip = join(cacheDir, `opensearch-${version}.zip`);
  if (await exists(zip)) return zip;
  // Maven writes into a private directory first, so an interrupted download never looks like a cached zip.
  const downloadDir = await mkdtemp(join(cacheDir, '.download-'));
  try {
    const args = ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${ARTIFACT}:${version}:zip`];
    const result = await runCommand('mvn', [...args, `-DoutputDirectory=${downloadDir}`], {
      whenMissing: `install Maven (e.g. apt-get install -y maven), or put the zip at ${zip}`,
    });
    if (result.exitCode !== 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.downloadFailed,
        `mvn could not fetch ${ARTIFACT}:${version}:zip (exit ${result.exitCode}): check that the version exists ` +
          `and that Maven can reach its repository, or put the zip at ${zip}`,
        { commandLine: result.commandLine, outputTail: mavenErrors(result.output) },
      );
    }
    await rename(join(downloadDir, `opensearch-${version}.zip`), zip);
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

async function extract(zip: string, home: string, cacheDir: string): Promise<void> {
  await ensureUnzip();
  // Extract beside the final place and rename at the end: a half-extracted tree is never taken for a home.
  const extractDir = await mkdtemp(join(cacheDir, '.extract-'));
  try {
    const result = await runCommand('unzip', ['-q', zip, '-d', extractDir], { whenMissing: 'install unzip' });
    const [top, ...others] = await readdir(extractDir);
    if (result.exitCode !== 0 || top === undefined || others.length > 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.extractFailed,
        `${zip} is not an OpenSearch distribution zip: delete it and run again to download it anew`,
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
      if (!(await isDistribution(home))) throw error;
    });
  } finally {
    await rm(extractDir, { recursive: true, force: true });
  }
}

/**
 * Returns the path of an extracted OpenSearch home for `version`, downloading the minimal distribution zip
 * (no plugins, no security) with Maven and extracting it the first time only.
 *
 * @example
 * const home = await ensureOpenSearchDistribution({ version: '2.19.5' });
 */
async function ensureOpenSearchDistribution(options: OpenSearchDistributionOptions = {}): Promise<string> {
  const {
    version = process.env.OPENSEARCH_VERSION || DEFAULT_OPENSEARCH_VERSION,
    cacheDir = process.env.ES_SNAPSHOT_BOT_CACHE_DIR || DEFAULT_CACHE_DIR,
  } = options;
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) {
    throw new Error(`OpenSearch version "${version}" is not a release number like ${DEFAULT_OPENSEARCH_VERSION}`);
  }
  const home = join(cacheDir, `opensearch-${version}`);
  if (await isDistribution(home)) return home;
  await mkdir(cacheDir, { recursive: true });
  await extract(await downloadZip(version, cacheDir), home, cacheDir);
  return home;
}

export { DEFAULT_OPENSEARCH_VERSION, ensureOpenSearchDistribution, type OpenSearchDistributionOptions };
