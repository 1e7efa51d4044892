import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../deploy/osls-package.js';

/**
 * moto (an implementation of the AWS APIs that nobody here wrote) in server mode, from PyPI, in a venv under
 * .cache/moto: pinned, installed the first time a test or `npm run deployed` needs it, never a dependency of the
 * product.
 */

const run = promisify(execFile);
const MOTO_VERSION = '5.2.5';
const MOTO_HOME = join(PROJECT_ROOT, '.cache', 'moto', MOTO_VERSION);

function failure(what: string, error: unknown): Error {
  const { stderr, message } = error as { stderr?: string; message: string };
  const detail = (stderr ?? '').trim().split('\n').slice(-5).join('\n') || message;
  return new Error(`${what}: ${detail}`, { cause: error });
}

/** Debian ships the venv module apart from python3; as root (CI, fresh machines) the rig installs it. */
async function installVenvModule(cause: unknown): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw failure('moto needs python3 with its venv module: install python3-venv (Debian) and run again', cause);
  }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'python3-venv']]) {
    await run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).catch((error) => {
      throw failure(`python3-venv is missing and \`apt-get ${args.join(' ')}\` failed`, error);
    });
  }
}

async function createVenv(): Promise<void> {
  const venv = () => run('python3', ['-m', 'venv', MOTO_HOME]);
  await venv().catch(async (error: unknown) => {
    await rm(MOTO_HOME, { recursive: true, force: true });
    await installVenvModule(error);
    await venv();
  });
}

/** The `moto_server` executable of the pinned moto, installed on first use (about a minute). */
async function ensureMotoServer(): Promise<string> {
  const executable = join(MOTO_HOME, 'bin/moto_server');
  if (existsSync(join(MOTO_HOME, '.installed'))) return executable;
  await rm(MOTO_HOME, { recursive: true, force: true });
  await createVenv();
  const pip = join(MOTO_HOME, 'bin/pip');
  await run(pip, ['install', '--quiet', '--disable-pip-version-check', `moto[server]==${MOTO_VERSION}`], {
    timeout: 600_000,
  }).catch((error) => {
    throw failure(`pip could not install moto[server]==${MOTO_VERSION} into ${MOTO_HOME}`, error);
  });
  await writeFile(join(MOTO_HOME, '.installed'), '');
  return executable;
}

export { ensureMotoServer, MOTO_VERSION };
