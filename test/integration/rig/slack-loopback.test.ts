import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';
import { quietSlackLogger } from '../../rig/slack/quiet-slack-logger.js';

const BOT_TOKEN = 'xoxb-loopback-test';
const CHANNEL = 'C0OPS';

let slack: LoopbackSlackApi;

beforeEach(async () => {
  slack = await startLoopbackSlackApi({
    botToken: BOT_TOKEN,
    rateLimits: { 'chat.delete': { limit: 1, windowMs: 60_000 } },
  });
});

afterEach(async () => {
  await slack.close();
});

function webClient(token = BOT_TOKEN): webApi.WebClient {
  // Bolt's own copy of @slack/web-api: the one its listeners use, and not a dependency of its own in package.json.
  return new webApi.WebClient(token, {
    slackApiUrl: slack.url,
    logger: quietSlackLogger,
    rejectRateLimitedCalls: true,
  });
}

async function platformError(call: Promise<unknown>): Promise<webApi.WebAPIPlatformError['data']> {
  const error = await call.then(
    () => undefined,
    (reason: webApi.WebAPIPlatformError) => reason,
  );
  if (error?.data === undefined) throw new Error('expected the call to be refused', { cause: error });
  return error.data;
}

describe('WebClient against the loopback Slack API', () => {
  it('posts, threads and updates a message, and the channel shows the result', async () => {
    // Prepare
    const client = webClient();

    // Act
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'snapshot 10%' });
    await client.chat.postMessage({ channel: CHANNEL, thread_ts: posted.ts, text: 'started' });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*snapshot* 100%' } }];
    await client.chat.update({ channel: CHANNEL, ts: posted.ts ?? '', text: 'snapshot 100%', blocks });

    // Assess
    expect(slack.messages(CHANNEL)).toEqual([
      expect.objectContaining({ ts: posted.ts, text: 'snapshot 100%', blocks, updates: 1 }),
      expect.objectContaining({ thread_ts: posted.ts, text: 'started' }),
    ]);
    expect(slack.calls.map((call) => `${call.method} ${call.ok}`)).toEqual([
      'chat.postMessage true',
      'chat.postMessage true',
      'chat.update true',
    ]);
  });

  it.each([
    [
      '51 blocks',
      { text: 'too many', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) },
      'invalid_blocks',
    ],
    ['no text or blocks', {}, 'no_text'],
    [
      'a header over 150 characters',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      'invalid_blocks',
    ],
  ])('is refused for %s as Slack refuses it', async (_name, message, error) => {
    // Act
    const data = await platformError(webClient().apiCall('chat.postMessage', { channel: CHANNEL, ...message }));

    // Assess
    expect(data.error).toBe(error);
    expect(slack.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', ok: false, error });
  });

  it('answers message_not_found for an update of a message that does not exist', async () => {
    // Act
    const data = await platformError(webClient().chat.update({ channel: CHANNEL, ts: '1.000001', text: 'x' }));

    // Assess
    expect(data.error).toBe('message_not_found');
  });

  it('answers invalid_auth for another token', async () => {
    // Act
    const data = await platformError(webClient('xoxb-someone-else').auth.test());

    // Assess
    expect(data.error).toBe('invalid_auth');
  });

  it('accepts a JSON body with the token in the Authorization header, as Slack does', async () => {
    // Prepare
    const headers = { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' };
    const body = JSON.stringify({ channel: CHANNEL, text: 'json', blocks: [{ type: 'divider' }] });

    // Act
    const response = await fetch(`${slack.url}chat.postMessage`, { method: 'POST', headers, body });

    // Assess
    expect(await response.json()).toMatchObject({ ok: true, channel: CHANNEL, message: { text: 'json' } });
    expect(slack.messages(CHANNEL)).toEqual([expect.objectContaining({ text: 'json', blocks: [{ type: 'divider' }] })]);
  });

  it('answers who is in a user group and who a user is', async () => {
    // Prepare
    await slack.close();
    slack = await startLoopbackSlackApi({ botToken: BOT_TOKEN, userGroups: { S0APPROVERS: ['U0APPROVER'] } });
    const client = webClient();

    // Act
    const members = await client.usergroups.users.list({ usergroup: 'S0APPROVERS' });
    const user = await client.users.info({ user: 'U0APPROVER' });
    const missing = await platformError(client.usergroups.users.list({ usergroup: 'S0NOBODY' }));

    // Assess
    expect(members.users).toEqual(['U0APPROVER']);
    expect(user.user?.id).toBe('U0APPROVER');
    expect(missing.error).toBe('no_such_subteam');
  });

  it('resolves waitFor on the call that satisfies it, and rejects with the last calls on timeout', async () => {
    // Prepare
    const client = webClient();
    const posted = slack.waitFor(() => slack.messages(CHANNEL).find((message) => message.text === 'done'));

    // Act
    await client.chat.postMessage({ channel: CHANNEL, text: 'working' });
    await client.chat.postMessage({ channel: CHANNEL, text: 'done' });
    const timeout = slack.waitFor(() => slack.calls.length > 5, 50);

    // Assess
    await expect(posted).resolves.toMatchObject({ text: 'done' });
    await expect(timeout).rejects.toThrow(/within 50 ms; last calls: chat.postMessage ok,chat.postMessage ok/);
  });

  it('answers 429 with Retry-After once a configured limit is reached', async () => {
    // Prepare
    const client = webClient();
    const first = await client.chat.postMessage({ channel: CHANNEL, text: 'a' });
    const second = await client.chat.postMessage({ channel: CHANNEL, text: 'b' });
    await client.chat.delete({ channel: CHANNEL, ts: first.ts ?? '' });

    // Act
    const refusal = await client.chat
      .delete({ channel: CHANNEL, ts: second.ts ?? '' })
      .catch((error: unknown) => error);

    // Assess
    expect(refusal).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 60 });
    expect(slack.calls.at(-1)).toMatchObject({ method: 'chat.delete', status: 429, error: 'ratelimited' });
    expect(slack.messages(CHANNEL).map((message) => message.text)).toEqual(['b']);
  });
});
