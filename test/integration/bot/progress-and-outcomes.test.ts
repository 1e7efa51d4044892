import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import {
  createBulkyIndex,
  createIndexWithDocs,
  createIndexWithUnassignedPrimary,
  deleteIndexDirectly,
  registerFsRepository,
  shardStates,
  snapshotOnCluster,
} from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const { channelId, requesterId } = SLACK_TEST_IDS;

/** The percentage on a progress line of the job's message (`▓▓░░ 42.5% · 1/3 shards · …`), if it shows one. */
function percentShown(blocks: unknown): number | undefined {
  const found = /(\d+(?:\.\d+)?)% · \d+\/\d+ shards/.exec(JSON.stringify(blocks ?? []));
  return found === null ? undefined : Number(found[1]);
}

/**
 * How a snapshot job ends as the channel sees it: progress on its message while the cluster copies, then one thread
 * reply for on-call, whatever the outcome.
 */
describe('a snapshot job from start to outcome', () => {
  let bot: BotUnderTest;
  const createdOnA: string[] = [];

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const repository = bot.context.config.clusters.get('a')?.defaultRepository;
    if (repository === undefined) throw new Error('the bot under test has a default repository');
    await bot.clusters.a.client.registerRepository(repository);
  });

  afterAll(async () => {
    // A red index left on A would fail every later snapshot of all indices, in whichever file runs next.
    await Promise.all(createdOnA.map((index) => deleteIndexDirectly(bot.clusters.a.directUrl, index)));
    await bot?.close();
  });

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  /** The job the last command made, whether it still runs or (a quick snapshot) has already ended. */
  async function jobOfLastCommand(): Promise<Job> {
    await bot.tasks.idle();
    const [job] = await bot.context.jobs.listRequestedBy(requesterId, 1);
    if (job === undefined) throw new Error('the command made no job');
    return job;
  }

  it('ends PARTIAL when a primary cannot be allocated, and says which index and why', async () => {
    createdOnA.push('billing-ok', 'billing-lost');
    await createIndexWithDocs(bot.clusters.a.directUrl, 'billing-ok', { docs: 10 });
    await createIndexWithUnassignedPrimary(bot.clusters.a.directUrl, 'billing-lost');
    const lostShards = await shardStates(bot.clusters.a.directUrl, 'billing-lost');

    const { response } = await bot.command(
      `snapshot create a ${bot.repository} billing-partial indices=billing-ok,billing-lost partial=true`,
    );
    const job = await jobOfLastCommand();
    const ended = await bot.untilEnded(job.id);

    expect(lostShards).toEqual([{ primary: true, state: 'UNASSIGNED' }]);
    expect(response.statusCode).toBe(200);
    expect(ended.state).toBe(JobState.PARTIAL);
    const onCluster = await snapshotOnCluster(bot.clusters.a.directUrl, bot.repository, 'billing-partial');
    expect(onCluster).toMatchObject({ state: 'PARTIAL', shards: { total: 2, successful: 1, failed: 1 } });
    expect(onCluster?.failures).toEqual([
      expect.objectContaining({ index: 'billing-lost', shard_id: 0, reason: expect.any(String) }),
    ]);
    const [failure] = onCluster?.failures ?? [];
    expect(channelMessage(ended.messageTs)?.text).toBe('Snapshot on a: Partly succeeded');
    const replies = threadReplies(ended.messageTs).map((reply) => reply.text);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Snapshot partly succeeded');
    expect(replies[0]).toContain('PARTIAL');
    expect(replies[0]).toContain(`billing-lost[0]: ${failure?.reason}`);
    expect(replies[0]).not.toContain('billing-ok');
    expect(replies[0]).toMatch(/\n<@U0ONCALL>$/);
  });

  it('shows the snapshot’s progress rising to Succeeded over several ticks, then tells on-call once', async () => {
    const throttled = `throttled-${randomBytes(3).toString('hex')}`;
    await registerFsRepository(bot.clusters.a.directUrl, throttled, {
      location: `${inject('rig').sharedRepoPath}/${throttled}`,
      max_snapshot_bytes_per_sec: '500kb',
    });
    createdOnA.push('events-bulky');
    const bytes = await createBulkyIndex(bot.clusters.a.directUrl, 'events-bulky', {
      docs: 800,
      bytesPerDoc: 2000,
      shards: 3,
      segments: 4,
    });
    const started = Date.now();

    await bot.command(`snapshot create a ${throttled} events-watched indices=events-bulky`);
    const job = await jobOfLastCommand();
    const ended = await bot.untilEnded(job.id);
    const tookMs = Date.now() - started;

    const versions = bot.slack.calls
      .filter((call) => call.method === 'chat.update' && call.args.ts === ended.messageTs)
      .map((call) => ({ text: call.args.text, percent: percentShown(call.args.blocks), blocks: call.args.blocks }));
    const percents = versions.flatMap((version) => (version.percent === undefined ? [] : [version.percent]));
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(percents.length).toBeGreaterThanOrEqual(3);
    expect(percents).toEqual([...percents].sort((left, right) => left - right));
    expect(new Set(percents).size).toBeGreaterThanOrEqual(3);
    const last = versions.at(-1);
    expect(last?.text).toBe('Snapshot on a: Succeeded');
    expect(last?.percent).toBeUndefined();
    expect(JSON.stringify(last?.blocks)).toContain(':white_check_mark: Wait for the snapshot (a) — SUCCESS');
    expect(channelMessage(ended.messageTs)?.text).toBe('Snapshot on a: Succeeded');
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:white_check_mark: Snapshot succeeded in .*\n<@U0ONCALL>$/),
    ]);
    const onCluster = await snapshotOnCluster(bot.clusters.a.directUrl, throttled, 'events-watched');
    expect(onCluster).toMatchObject({ state: 'SUCCESS', indices: ['events-bulky'], shards: { total: 3, failed: 0 } });
    expect(tookMs, `${bytes} bytes in ${tookMs} ms, showing ${percents.join(', ')} %`).toBeLessThan(20_000);
  });
});
