import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';
import { lastLines, runCommand } from './run-command.js';

/** OpenSearch refuses to run as root: when we are root, nodes run as this system user. */
const SERVICE_USER = 'es-snapshot-bot';

let serviceUserReady: Promise<void> | undefined;

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

async function createServiceUser(): Promise<void> {
  const whenMissing = 'install the passwd package (useradd, id)';
  if ((await runCommand('id', ['-u', SERVICE_USER], { whenMissing })).exitCode === 0) return;
  const args = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVICE_USER];
  const result = await runCommand('useradd', args, { whenMissing });
  // Exit code 9: the user appeared in the meantime (another process created it).
  if (result.exitCode !== 0 && result.exitCode !== 9) {
    throw new LocalOpenSearchError(
      LocalOpenSearchErrorCode.permissionDenied,
      `could not create the system user ${SERVICE_USER} that runs OpenSearch (it refuses to run as root)`,
      { commandLine: result.commandLine, outputTail: lastLines(result.output, 10) },
    );
  }
}

/** Creates the service user once per process; concurrent callers share the same attempt. */
function ensureServiceUser(): Promise<void> {
  serviceUserReady ??= createServiceUser().catch((error: unknown) => {
    serviceUserReady = undefined;
    throw error;
  });
  return serviceUserReady;
}

async function handOverToServiceUser(paths: readonly string[]): Promise<void> {
  const result = await runCommand('chown', ['-R', SERVICE_USER, ...paths], { whenMissing: 'install coreutils' });
  if (result.exitCode !== 0) {
    throw new LocalOpenSearchError(
      LocalOpenSearchErrorCode.permissionDenied,
      `could not hand files to ${SERVICE_USER}`,
      {
        commandLine: result.commandLine,
        outputTail: lastLines(result.output, 10),
      },
    );
  }
}

type AccessCheck = { path: string; access: 'read' | 'write' | 'execute' };

const TEST_FLAG = { read: '-r', write: '-w', execute: '-x' } as const;

/** Fails early, with the fix, when the service user cannot read the OpenSearch home, run Java or write its dirs. */
async function assertServiceUserCan(checks: readonly AccessCheck[]): Promise<void> {
  for (const { path, access } of checks) {
    const result = await runCommand('runuser', ['-u', SERVICE_USER, '--', 'test', TEST_FLAG[access], path], {
      whenMissing: 'install util-linux (runuser)',
    });
    if (result.exitCode !== 0) {
      throw new LocalOpenSearchError(
        LocalOpenSearchErrorCode.permissionDenied,
        `the user ${SERVICE_USER} cannot ${access} ${path}: every directory above it must be searchable by all ` +
          '(chmod o+x); keep the OpenSearch cache (env ES_SNAPSHOT_BOT_CACHE_DIR) and work dirs out of /root',
        { commandLine: result.commandLine },
      );
    }
  }
}

/** The command line that runs `command` as the service user. */
function asServiceUser(command: string, args: readonly string[]): { command: string; args: string[] } {
  return { command: 'runuser', args: ['-u', SERVICE_USER, '--', command, ...args] };
}

export {
  type AccessCheck,
  asServiceUser,
  assertServiceUserCan,
  ensureServiceUser,
  handOverToServiceUser,
  runsAsRoot,
  SERVICE_USER,
};
