import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Runs `npm start`'s entry point with the given environment until it says it is up, then stops it with Ctrl-C. */
async function startLocally(env: Record<string, string>): Promise<{ output: string; exitCode: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/handlers/local.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
    if (output.includes('Ctrl-C stops everything.')) child.kill('SIGINT');
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { output, exitCode };
}

describe('npm start', () => {
  it('shows what each configured cluster answers, says how to connect Slack, and stops on Ctrl-C', async () => {
    const rig = inject('rig');
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(
      config,
      `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n  b:\n    endpoint: ${rig.clusters.b.url}\n    signing: none\n`,
    );

    const { output, exitCode } = await startLocally({ ES_SNAPSHOT_BOT_CONFIG: config });

    expect(output).toContain(`a: opensearch ${rig.opensearchVersion}, health`);
    expect(output).toContain(`b: opensearch ${rig.opensearchVersion}, health`);
    expect(output).toContain('Slack is not configured: set SLACK_BOT_TOKEN');
    expect(exitCode).toBe(0);
  });

  it('refuses a bad config file at start-up, naming the key', async () => {
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(config, 'clusters:\n  a:\n    endpoint: http://127.0.0.1:9\n');

    const { output, exitCode } = await startLocally({ ES_SNAPSHOT_BOT_CONFIG: config });

    expect(output).toContain('clusters.a.region: is required when signing is "es"');
    expect(exitCode).toBe(1);
  });
});
