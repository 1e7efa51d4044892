import { spawn } from 'node:child_process';
import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';

type RunCommandOptions = {
  /** What to install when the command is not on PATH, e.g. "install Maven (apt-get install -y maven)". */
  whenMissing: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
};

type CommandResult = { exitCode: number; output: string; commandLine: string };

/** Quotes only what needs quoting, so the line can be pasted into a shell. */
function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part}'`)).join(' ');
}

// Maven colours its output even in batch mode; escape sequences only clutter an error message.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Runs a command to completion and returns its exit code with stdout and stderr interleaved. */
function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<CommandResult> {
  const commandLine = formatCommandLine(command, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') return reject(error);
      reject(
        new LocalOpenSearchError(LocalOpenSearchErrorCode.toolMissing, `${command} not found: ${options.whenMissing}`, {
          cause: error,
          commandLine,
        }),
      );
    });
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8').replace(ANSI_ESCAPE, '');
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), output, commandLine });
    });
  });
}

export { type CommandResult, formatCommandLine, lastLines, type RunCommandOptions, runCommand };
