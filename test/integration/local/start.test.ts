import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { shownEngine } from '../../../src/core/preflight/engine-version.js';
import { enginesFromEnv } from '../../../src/local/engines/engine.js';
import { findFreePorts } from '../../../src/local/engines/free-ports.js';
import { slackHeaders } from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { createIndexWithDocs, deleteIndexDirectly, indexExists } from '../../rig/seed-indices.js';
import { startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';
import { waitUntil } from '../../rig/wait-until.js';

async function freePort(): Promise<number> {
  const [port] = await findFreePorts(1);
  return port ?? 0;
}

/** What a test does while the bot is up: `type` writes a line on its terminal, as a person would. */
type WhileUp = (terminal: { type(line: string): void; printed(): string }) => Promise<void>;

/**
 * Runs `npm start`'s entry point with the given environment until it says it is up, does `whileUp`, then stops it
 * with Ctrl-C. `stdout` is what the terminal shows; `output` is stdout and stderr together.
 */
async function startLocally(
  env: Record<string, string>,
  whileUp: WhileUp = async () => undefined,
): Promise<{ output: string; stdout: string; exitCode: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stopping = false;
  const terminal = { type: (line: string) => child.stdin.write(`${line}\n`), printed: () => stdout };
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
    stdout += String(chunk);
    if (output.includes('Ctrl-C stops everything.') && !stopping) {
      stopping = true;
      whileUp(terminal).finally(() => child.kill('SIGINT'));
    }
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { output, stdout, exitCode };
}

/** Processes whose command line names `dir` and holds `word`, read from /proc. */
async function processesUnder(dir: string, word: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const lines = await Promise.all(
    pids.map(async (pid) => [Number(pid), await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')] as const),
  );
  return lines.filter(([, line]) => dir !== '' && line.includes(dir) && line.includes(word)).map(([pid]) => pid);
}

/** Resolves once the terminal shows `text`. */
async function untilPrinted(terminal: { printed(): string }, text: string): Promise<void> {
  await waitUntil(`"${text}" on the terminal`, async () => (terminal.printed().includes(text) ? true : undefined), {
    timeoutMs: 30_000,
  });
}

/** A config file of the rig's two clusters, in `language`. */
async function rigConfig(language: 'en' | 'ja' = 'en'): Promise<string> {
  const rig = inject('rig');
  const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
  await writeFile(
    config,
    `language: ${language}\nclusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n  b:\n    endpoint: ${rig.clusters.b.url}\n    signing: none\n`,
  );
  return config;
}

const NO_JOB: Record<'en' | 'ja', string> = {
  en: ':warning: there is no job zzzzzzzzzz',
  ja: 'ジョブ zzzzzzzzzz はありません',
};

describe('npm start', () => {
  it('shows what each configured cluster answers, says how to connect Slack, and stops on Ctrl-C', async () => {
    const rig = inject('rig');

    const { output, exitCode } = await startLocally({ ES_SNAPSHOT_BOT_CONFIG: await rigConfig() });

    const { a, b } = rig.engines;
    expect(output).toContain(`a: ${shownEngine(a.distribution, a.version)}, health `);
    expect(output).toContain(`b: ${shownEngine(b.distribution, b.version)}, health `);
    expect(output).toMatch(new RegExp(`a: .*, at ${rig.clusters.a.url}\n`));
    expect(output).toContain('Slack is not configured: set SLACK_BOT_TOKEN');
    expect(output).toContain("The bot's JSON logs go to ");
    expect(output).not.toContain('NodeVersionSupportWarning');
    expect(exitCode).toBe(0);
  });

  it.each(['en', 'ja'] as const)(
    'answers a bad approve in words on the terminal, with the logs in their file, never JSON or a stack (%s)',
    async (language) => {
      const logFile = join(await mkdtemp(join(tmpdir(), 'local-start-log-')), 'bot.log');

      const { stdout, exitCode } = await startLocally(
        { ES_SNAPSHOT_BOT_CONFIG: await rigConfig(language), ES_SNAPSHOT_BOT_LOG_FILE: logFile, LOG_LEVEL: 'info' },
        async (terminal) => {
          terminal.type('approve zzzzzzzzzz');
          await untilPrinted(terminal, NO_JOB[language]);
          terminal.type('snapshot list a nosuchrepo');
          await untilPrinted(terminal, 'nosuchrepo');
        },
      );

      expect(stdout).toContain(NO_JOB[language]);
      expect(stdout).toContain(`The bot's JSON logs go to ${logFile} (tail -f it to follow).`);
      expect(stdout).not.toMatch(/\{"level"|"msg"|\n\s+at \S+ \(/);
      const logs = await readFile(logFile, 'utf8');
      expect(logs).toContain('"code":"job_not_found"');
      expect(exitCode).toBe(0);
    },
  );

  it('approves with `snapshot approve <job>` and rejects with `reject <job> "reason"` typed on the terminal', async () => {
    // Given cluster a with two old indices, and a config that lets the console user approve its own requests
    const rig = inject('rig');
    const [approved, rejected] = ['console-approved-1', 'console-rejected-1'];
    for (const index of [approved, rejected]) await createIndexWithDocs(rig.clusters.a.url, index, { docs: 2 });
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(
      config,
      `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n    approval:\n      approvers: [U0CONSOLE]\n      allow_self_approval: true\n`,
    );
    const jobIdAfter = (printed: string, from: number) => /Job `([a-z0-9]+)`/.exec(printed.slice(from))?.[1];

    try {
      // When each is asked for, one approved as Slack's slash command is typed and one rejected with a reason
      const { stdout, exitCode } = await startLocally({ ES_SNAPSHOT_BOT_CONFIG: config }, async (terminal) => {
        for (const [index, decide] of [
          [approved, (job: string) => `snapshot approve ${job}`],
          [rejected, (job: string) => `reject ${job} "not during the sale"`],
        ] as const) {
          const from = terminal.printed().length;
          terminal.type(`snapshot delete-index a ${index}`);
          await untilPrinted(terminal, `\`${index}\` — 2 docs`);
          terminal.type(decide(jobIdAfter(terminal.printed(), from) ?? 'none'));
          await untilPrinted(terminal, index === approved ? 'Index deletion on a: Succeeded' : 'not during the sale');
        }
      });

      // Then the approved index is gone, the rejected one is kept, and the reason was shown
      expect(stdout).toContain('Index deletion on a: Succeeded');
      expect(stdout).toMatch(/Rejected[^\n]*not during the sale|not during the sale[^\n]*Rejected/);
      expect(await indexExists(rig.clusters.a.url, approved)).toBe(false);
      expect(await indexExists(rig.clusters.a.url, rejected)).toBe(true);
      expect(exitCode).toBe(0);
    } finally {
      await Promise.all([approved, rejected].map((index) => deleteIndexDirectly(rig.clusters.a.url, index)));
    }
  });

  it('starts within seconds beside a cluster that accepts connections and never answers, and stops on Ctrl-C', async () => {
    // Given cluster b, a server that takes every connection and answers none, as a hung node does
    const rig = inject('rig');
    const held = new Set<Socket>();
    const hung = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as AddressInfo;
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(
      config,
      `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n  b:\n    endpoint: http://127.0.0.1:${port}\n    signing: none\n`,
    );
    const started = Date.now();

    try {
      // When npm start runs with it
      const { stdout, exitCode } = await startLocally({ ES_SNAPSHOT_BOT_CONFIG: config });

      // Then a is described, b is said not to answer, and the whole start and stop took seconds, not minutes
      expect(stdout).toContain(`a: ${shownEngine(rig.engines.a.distribution, rig.engines.a.version)}`);
      expect(stdout).toContain(`b: cluster did not answer (timed out), at http://127.0.0.1:${port}`);
      expect(stdout).toContain('SIGINT: stopping the bot and what it started');
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(exitCode).toBe(0);
    } finally {
      for (const socket of held) socket.destroy();
      hung.close();
    }
  });

  it('starts its own clusters, prints their URLs, and stops them on Ctrl-C even when their JVMs are paused', async () => {
    let runDir = '';
    let paused: number[] = [];
    const started = { at: 0 };

    // When npm start runs without a config, and both local JVMs are paused (SIGSTOP) before Ctrl-C
    const { stdout, exitCode } = await startLocally({}, async (terminal) => {
      runDir = /shared repository path (\S+)\/repo\)/.exec(terminal.printed())?.[1] ?? '';
      paused = await processesUnder(runDir, 'java');
      for (const pid of paused) process.kill(pid, 'SIGSTOP');
      started.at = Date.now();
    });

    // Then each cluster's URL was printed, and Ctrl-C left nothing running, within seconds
    // npm start picks the engines as the rig does (ES_SNAPSHOT_BOT_ENGINE_A / _B, else the default).
    const engines = enginesFromEnv();
    for (const cluster of ['a', 'b'] as const) {
      const { distribution, version } = engines[cluster];
      expect(stdout).toContain(`${cluster}: ${shownEngine(distribution, version)}, health `);
    }
    expect(paused).toHaveLength(2);
    expect(await processesUnder(runDir, '')).toEqual([]);
    expect(Date.now() - started.at).toBeLessThan(15_000);
    expect(exitCode).toBe(0);
  }, 300_000);

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

  it('posts to the Slack Web API that SLACK_API_URL names, as it would to GovSlack', async () => {
    // Given a Slack API of its own (GovSlack's in production; here a loopback one) and cluster a
    const rig = inject('rig');
    const botToken = 'xoxb-local-start';
    const slack = await startLoopbackSlackApi({ botToken });
    const config = join(await mkdtemp(join(tmpdir(), 'local-start-')), 'clusters.yml');
    await writeFile(config, `clusters:\n  a:\n    endpoint: ${rig.clusters.a.url}\n    signing: none\n`);
    const port = await freePort();
    const signingSecret = 'local-start-secret';
    const repository = `gov-${Date.now().toString(36)}`;

    try {
      // When a command that makes a job arrives, signed
      const { exitCode } = await startLocally(
        {
          ES_SNAPSHOT_BOT_CONFIG: config,
          SLACK_BOT_TOKEN: botToken,
          SLACK_SIGNING_SECRET: signingSecret,
          SLACK_BOT_ID: 'B0LOCAL',
          SLACK_BOT_USER_ID: 'U0LOCAL',
          SLACK_API_URL: slack.url.replace(/\/$/, ''),
          PORT: String(port),
        },
        async () => {
          const text = `snapshot repo register a ${repository} location=${rig.sharedRepoPath}/${repository}`;
          const body = new URLSearchParams(buildSlashCommand({ text }) as never).toString();
          await fetch(`http://127.0.0.1:${port}/slack/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(body, { signingSecret }) },
            body,
          });
          await slack.waitFor(() => slack.calls.some((call) => call.method === 'chat.postMessage'), 30_000);
        },
      );

      // Then the job's message went to that API, with the bot token
      const posted = slack.calls.find((call) => call.method === 'chat.postMessage');
      expect(posted?.ok).toBe(true);
      expect(JSON.stringify(posted?.args.blocks)).toContain(repository);
      expect(exitCode).toBe(0);
    } finally {
      await slack.close();
    }
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
