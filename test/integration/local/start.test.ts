import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findFreePorts } from '../../../src/local/opensearch/free-ports.js';
import { slackHeaders } from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';

async function freePort(): Promise<number> {
  const [port] = await findFreePorts(1);
  return port ?? 0;
}

type WhileUp = () => Promise<void>;

/**
 * Runs `npm start`'s entry point with the given environment until it says it is up, does `whileUp`, then stops it
 * with Ctrl-C.
 */
async function startLocally(
  env: Record<string, string>,
  whileUp: WhileUp = async () => undefined,
): Promise<{ output: string; exitCode: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stopping = false;
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
    if (output.includes('Ctrl-C stops everything.') && !stopping) {
      stopping = true;
      whileUp().finally(() => child.kill('SIGINT'));
    }
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

  it('answers a signed slash command over HTTP when given Slack tokens', async () => {
    const rig = inject('rig');
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(config, `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n`);
    const port = await freePort();
    const signingSecret = 'local-start-secret';
    let answer: { status: number; text: string } | undefined;

    const { output, exitCode } = await startLocally(
      {
        ES_SNAPSHOT_BOT_CONFIG: config,
        SLACK_BOT_TOKEN: 'xoxb-local-start',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_ID: 'B0LOCAL',
        SLACK_BOT_USER_ID: 'U0LOCAL',
        PORT: String(port),
      },
      async () => {
        const body = new URLSearchParams(buildSlashCommand({ text: 'snapshot help list' }) as never).toString();
        const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(body, { signingSecret }) },
          body,
        });
        answer = { status: response.status, text: await response.text() };
      },
    );

    expect(output).toContain(`The bot is listening: Slack over HTTP on port ${port} (/slack/events).`);
    expect(answer?.status).toBe(200);
    expect(answer?.text).toContain('/es snapshot list');
    expect(exitCode).toBe(0);
  });

  it('refuses over HTTP a request signed six minutes ahead or behind, or not by Slack, before anything parses it', async () => {
    const rig = inject('rig');
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(config, `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n`);
    const port = await freePort();
    const signingSecret = 'local-start-secret';
    const body = new URLSearchParams(buildSlashCommand({ text: 'snapshot help list' }) as never).toString();
    const statuses: Record<string, number> = {};

    const { exitCode } = await startLocally(
      {
        ES_SNAPSHOT_BOT_CONFIG: config,
        SLACK_BOT_TOKEN: 'xoxb-local-start',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_ID: 'B0LOCAL',
        SLACK_BOT_USER_ID: 'U0LOCAL',
        PORT: String(port),
      },
      async () => {
        for (const forge of ['future', 'stale', 'bad-signature', 'unsigned', undefined] as const) {
          const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              ...slackHeaders(body, { signingSecret, forge }),
            },
            body,
          });
          statuses[forge ?? 'genuine'] = response.status;
        }
      },
    );

    expect(statuses).toEqual({ future: 401, stale: 401, 'bad-signature': 401, unsigned: 401, genuine: 200 });
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
