import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, deleteIndexDirectly, indexExists, snapshotDirectly } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { capturedLog } from './captured-log.js';
import { familyTally } from './family-tally.js';
import { hostileCommands } from './hostile-commands.js';
import { pathProblem } from './path-invariants.js';

const COMMANDS = Number(process.env.HOSTILE_COMMANDS ?? 10_000);
const AT_ONCE = 16;
const SEEDED = ['e2e-hostile-1', 'e2e-hostile-2'];
const PROTECTED = '.e2e-hostile-hidden';

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(each));
  }
}

/**
 * Given clusters A and B with two ordinary indices, a hidden one and a snapshot, when ten thousand hostile commands
 * arrive as signed slash commands through the real handler and planner, and every index deletion they manage to ask
 * for is approved, then nothing crashes, every path that reached a cluster is one the bot should send, and no
 * wildcard, `_all` or protected index is ever deleted.
 */
describe('hostile commands, from Slack down to the cluster', () => {
  const log = capturedLog();
  let bot: BotUnderTest;
  const tally = familyTally('hostile commands', 'answered without a crash');
  const problems: string[] = [];

  beforeAll(async () => {
    bot = await startBotUnderTest({ autoRun: [], logger: log.logger });
    const a = bot.clusters.a.directUrl;
    for (const index of SEEDED) await createIndexWithDocs(a, index, { docs: 3 });
    await createIndexWithDocs(a, PROTECTED, { docs: 1, hidden: true });
    const repository = bot.context.config.clusters.get('a')?.defaultRepository;
    if (repository === undefined) throw new Error('the bot under test has a default repository');
    await bot.clusters.a.client.registerRepository(repository);
    await snapshotDirectly(a, bot.repository, 'e2e-hostile-snap', { indices: SEEDED.join(',') });
  });

  afterAll(async () => {
    const paths = [...bot.clusters.a.gateway.requests, ...bot.clusters.b.gateway.requests];
    const deletes = paths.filter((request) => request.method === 'DELETE').length;
    tally.print([
      `${paths.length.toLocaleString('en')} cluster requests`,
      `${problems.length} unsafe paths`,
      `${deletes} deletes, 0 of protected or wildcard names`,
    ]);
    for (const index of [...SEEDED, PROTECTED]) await deleteIndexDirectly(bot.clusters.a.directUrl, index);
    await bot?.close();
  });

  it('answers every one without a crash, and sends the clusters only safe paths', async () => {
    const texts = hostileCommands(COMMANDS, bot.repository);
    const sent: Array<{ status: number | undefined; acknowledged: boolean; responseId: string }> = [];
    await inBatches(texts, AT_ONCE, async (text) => {
      const { response, body, responseId } = await bot.command(text);
      sent.push({ status: response.statusCode, acknowledged: typeof body?.text === 'string', responseId });
    });
    await bot.tasks.idle();
    for (const command of sent) {
      const answered = command.acknowledged || bot.responsesTo(command.responseId).some((post) => post.ok);
      tally.record(command.status === 200 && answered);
    }

    const pending = (await bot.context.jobs.listActive()).filter(
      (job: Job) => job.state === JobState.PENDING_APPROVAL && job.kind === 'index-delete',
    );
    await inBatches(pending, AT_ONCE, async (job) => {
      await bot.click(job, 'approve', SLACK_TEST_IDS.approverId);
    });
    await bot.tasks.idle();

    for (const request of [...bot.clusters.a.gateway.requests, ...bot.clusters.b.gateway.requests]) {
      const problem = pathProblem(request.method, request.path);
      if (problem !== undefined) problems.push(`${request.method} ${request.path}: ${problem}`);
    }
    const refusedPosts = bot.slack.responses.filter((post) => !post.ok);
    expect(refusedPosts.map((post) => [post.error, JSON.stringify(post.body).slice(0, 600)])).toEqual([]);
    expect(tally.met).toBe(COMMANDS);
    expect(log.errors()).toEqual([]);
    expect(problems).toEqual([]);
    expect(await indexExists(bot.clusters.a.directUrl, PROTECTED)).toBe(true);
  });
});
