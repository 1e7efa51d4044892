import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ensureMotoServer } from './moto-install.js';

/**
 * One moto server on loopback: SSM, STS, IAM, DynamoDB with Streams and the Lambda API at one endpoint. Its state
 * lives in the process, so every server starts empty.
 */

type MotoServer = {
  /** `http://127.0.0.1:<port>`: the value of every `AWS_ENDPOINT_URL_*` pointed at it. */
  url: string;
  /** Stops the server; its state is gone. */
  stop(): Promise<void>;
};

const READY_TIMEOUT_MS = 30_000;

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${output()}`);
    const answer = await fetch(`${url}/moto-api/data.json`).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`moto_server did not answer at ${url} within ${READY_TIMEOUT_MS} ms: ${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts moto_server (installing moto first if needed) on a free loopback port. Lambda runs no code here (it would
 * need Docker): moto keeps the functions and accepts invocations, and the rig runs the bundles.
 */
async function startMotoServer(): Promise<MotoServer> {
  const executable = await ensureMotoServer();
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(executable, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = `${log}${chunk.toString('utf8')}`.slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilServing(url, child, () => log);
    const config = await fetch(`${url}/moto-api/config`, {
      method: 'POST',
      body: JSON.stringify({ lambda: { use_docker: false } }),
    });
    if (!config.ok) throw new Error(`moto refused its Lambda config: HTTP ${config.status}`);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, stop: () => stopChild(child) };
}

export { type MotoServer, startMotoServer };
