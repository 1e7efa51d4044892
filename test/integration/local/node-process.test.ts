import { describe, expect, it } from 'vitest';
import { spawnNodeProcess } from '../../../src/local/engines/node-process.js';

/** Like the JVM: a process that handles SIGTERM itself, so a paused one keeps the signal pending. */
const HANDLES_SIGTERM = "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a local cluster node process', () => {
  it('stops at once when it was paused, without waiting for the SIGKILL deadline', async () => {
    // Given a node that handles SIGTERM and was paused (SIGSTOP)
    const node = spawnNodeProcess({
      command: process.execPath,
      args: ['-e', HANDLES_SIGTERM],
      env: {},
      stopTimeoutMs: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(-(node.pid ?? 0), 'SIGSTOP');
    const started = Date.now();

    // When it is stopped
    await node.stop();

    // Then it ended by its own handler, well before the SIGKILL deadline
    expect(node.exitReason()).toBe('exited with code 0');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(isRunning(node.pid ?? 0)).toBe(false);
  });
});
