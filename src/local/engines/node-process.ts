import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

type NodeProcessOptions = {
  command: string;
  args: readonly string[];
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
  stopTimeoutMs: number;
};

type NodeProcess = {
  /** The process's id, which is also its group's: `-pid` reaches the wrapper, the start script and the JVM. */
  readonly pid: number | undefined;
  /** Resolves, never rejects, with why the process ended ("exited with code 1", "was killed by SIGKILL"). */
  readonly exited: Promise<string>;
  exitReason(): string | undefined;
  /** The last 64 kB the process printed, stdout and stderr together. */
  output(): string;
  /**
   * SIGTERM (and SIGCONT, for a paused process), then SIGKILL after the timeout; the whole process group is gone
   * when it resolves.
   */
  stop(): Promise<void>;
};

/** `process.kill` for a process (pid) or a whole group (-pgid) that may be gone already. */
function sendSignal(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    // ESRCH: already gone.
  }
}

/** Process ids in the group, read from /proc (Linux, as runuser is). */
async function processGroupMembers(groupId: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => []);
  const members: number[] = [];
  for (const entry of entries.filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
    const groupField = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2];
    if (Number(groupField) === groupId) members.push(Number(entry));
  }
  return members;
}

/**
 * Starts a long-running process in its own process group (detached), so that one signal reaches the wrapper, the
 * start script and the JVM, and none of them gets the terminal's Ctrl-C before we stop them in order. If this
 * process exits first, the group is killed.
 */
function spawnNodeProcess(options: NodeProcessOptions): NodeProcess {
  const { command, args, env, stopTimeoutMs } = options;
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const groupId = child.pid;
  let output = '';
  const keepOutput = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64_000);
  };
  child.stdout.on('data', keepOutput);
  child.stderr.on('data', keepOutput);

  const killGroup = () => {
    if (groupId !== undefined) sendSignal(-groupId, 'SIGKILL');
  };
  process.on('exit', killGroup);
  let exitReason: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) =>
      resolve(signal === null ? `exited with code ${code}` : `was killed by ${signal}`),
    );
  }).then((reason) => {
    exitReason = reason;
    process.off('exit', killGroup);
    return reason;
  });

  // runuser answers SIGTERM by waiting 2 s, SIGKILLing its child and exiting without reaping it. Signalled
  // directly, the JVM shuts down cleanly and runuser exits at once with its status. A JVM that was paused
  // (SIGSTOP, a debugger, Ctrl-Z) keeps a SIGTERM pending, as it handles the signal itself: SIGCONT after it lets
  // it shut down now instead of at the SIGKILL deadline.
  const terminate = async () => {
    if (groupId === undefined) return;
    const belowWrapper = (await processGroupMembers(groupId)).filter((pid) => pid !== groupId);
    if (command !== 'runuser' || belowWrapper.length === 0) sendSignal(-groupId, 'SIGTERM');
    else for (const pid of belowWrapper) sendSignal(pid, 'SIGTERM');
    sendSignal(-groupId, 'SIGCONT');
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (exitReason === undefined) {
        await terminate();
        // Unreferenced: a pending escalation timer must not keep this process alive.
        const timedOut = sleep(stopTimeoutMs, false, { ref: false });
        if (!(await Promise.race([exited.then(() => true), timedOut]))) killGroup();
        await exited;
      }
      // Whatever the start script left behind in the group goes too.
      killGroup();
    })();
    return stopping;
  };

  return { pid: groupId, exited, exitReason: () => exitReason, output: () => output, stop };
}

export { type NodeProcess, type NodeProcessOptions, spawnNodeProcess };
