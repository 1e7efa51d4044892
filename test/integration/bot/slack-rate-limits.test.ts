import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, indexExists } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

/**
 * Given a Slack that answers 429 after one chat.update a second, when a job moves through all its steps, then
 * every update the bot needed still lands (it waits out Retry-After) and the message ends in the final state.
 */
describe('a job when Slack rate-limits message updates', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest({ rateLimits: { 'chat.update': { limit: 1, windowMs: 1000 } } });
  });

  afterAll(async () => {
    await bot?.close();
  });

  it('still shows the final state once Slack lets it', async () => {
    await createIndexWithDocs(bot.clusters.b.directUrl, 'rl-old-1', { docs: 3 });
    await createIndexWithDocs(bot.clusters.b.directUrl, 'rl-old-2', { docs: 3 });
    await bot.command('snapshot delete-index b rl-old-*');
    const job = await bot.onlyActiveJob();

    await bot.click(job, 'approve', SLACK_TEST_IDS.approverId);
    const ended = await bot.untilEnded(job.id);
    await bot.tasks.idle();

    const updates = bot.slack.calls.filter((call) => call.method === 'chat.update');
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(updates.some((call) => call.status === 429)).toBe(true);
    const message = bot.slack.messages(SLACK_TEST_IDS.channelId).find((entry) => entry.ts === ended.messageTs);
    expect(message?.text).toBe('Index deletion on b: Succeeded');
    expect(await indexExists(bot.clusters.b.directUrl, 'rl-old-1')).toBe(false);
  });
});
