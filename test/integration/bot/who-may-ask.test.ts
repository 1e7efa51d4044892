import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { waitUntil } from '../../rig/wait-until.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const { requesterId, channelId } = SLACK_TEST_IDS;
const STRANGER = 'U0STRANGER';

/**
 * Given clusters A and B operated from the ops channel only, where only the requester may ask for jobs: who may
 * ask, from where, and what a repository registered again with other settings waits for.
 */
describe('who may ask, and from where', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest({
      clusterConfig: { requesters: { users: [requesterId] }, allowed_channels: [channelId] },
    });
  });

  afterAll(async () => {
    await bot?.close();
  });

  async function answerTo(text: string, userId: string, channel: string = channelId): Promise<string> {
    const { responseId } = await bot.command(text, userId, { channelId: channel });
    await bot.tasks.idle();
    const post = await waitUntil(`the answer to ${text}`, async () => bot.responsesTo(responseId)[0]);
    return JSON.stringify(post.body);
  }

  it('refuses a job from someone not among the requesters, naming who may ask, and makes no job', async () => {
    const answer = await answerTo('snapshot delete-index a e2e-who-1', STRANGER);

    expect(answer).toContain('you may not request jobs on cluster a');
    expect(answer).toContain(`Ask <@${requesterId}> to request it`);
    expect(await bot.store.listActive()).toEqual([]);
  });

  it('answers a question from anyone in the channel, and nothing from another channel, naming the channel', async () => {
    const here = await answerTo('snapshot repos a', STRANGER);
    const elsewhere = await answerTo('snapshot repos a', requesterId, 'C0ELSEWHERE');

    expect(here).toContain('Repositories on a');
    expect(elsewhere).toContain('cluster a is not operated from this channel');
    expect(elsewhere).toContain(`Use <#${channelId}>.`);
  });

  it('waits for approval to register an existing repository with other settings, showing what it replaces', async () => {
    await bot.command(`snapshot repo register a ${bot.repository}`, requesterId);
    await bot.tasks.idle();
    const registered = await bot.clusters.a.gateway.requests.filter(
      (request) =>
        request.method === 'PUT' && request.path === `/_snapshot/${bot.repository}` && request.status === 200,
    );

    await bot.command(`snapshot repo register a ${bot.repository} base_path=elsewhere`, requesterId);
    const again = await bot.onlyActiveJob();

    expect(registered).toHaveLength(1);
    expect(again.state).toBe('PENDING_APPROVAL');
    const shown = bot.slack.messages(channelId).find((message) => message.ts === again.messageTs);
    expect(JSON.stringify(shown?.blocks)).toContain('Replaces, as registered now:* (s3)');
  });
});
