import { App, AwsLambdaReceiver, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import {
  type Forgery,
  lambdaContext,
  signedBlockActionEvent,
  signedSlashCommandEvent,
} from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';
import { quietSlackLogger } from '../../rig/slack/quiet-slack-logger.js';

const BOT_TOKEN = 'xoxb-loopback-test';
const SIGNING_SECRET = 'loopback-signing-secret';
const CHANNEL = 'C0OPS';

let slack: LoopbackSlackApi;

beforeEach(async () => {
  slack = await startLoopbackSlackApi({ botToken: BOT_TOKEN });
});

afterEach(async () => {
  await slack.close();
});

describe("Bolt's AwsLambdaReceiver handler with the loopback Slack API", () => {
  const seen: { text: string; retryNum: number | undefined }[] = [];

  async function boltHandler() {
    const receiver = new AwsLambdaReceiver({ signingSecret: SIGNING_SECRET, logger: quietSlackLogger });
    const app = new App({
      receiver,
      token: BOT_TOKEN,
      // Without these, Bolt calls auth.test before handling the first event (FACTS.md section F).
      botId: slack.identity.botId,
      botUserId: slack.identity.botUserId,
      logger: quietSlackLogger,
      clientOptions: { slackApiUrl: slack.url },
    });
    app.command('/es', async ({ ack, command, client, context, respond }) => {
      await ack();
      seen.push({ text: command.text, retryNum: context.retryNum });
      await client.chat.postMessage({ channel: command.channel_id, text: `received: ${command.text}` });
      await respond({ response_type: 'ephemeral', text: 'on it' });
    });
    app.action('approve', async ({ ack, body, client }) => {
      await ack();
      if (body.type !== 'block_actions' || body.channel === undefined || body.message === undefined) return;
      await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: 'approved', blocks: [] });
    });
    return receiver.start();
  }

  beforeEach(() => {
    seen.length = 0;
  });

  it.each([
    ['a plain body', false],
    ['a base64 body', true],
  ])(
    'acks a signed slash command in %s, and the listener reaches the Web API and the response_url',
    async (_, base64) => {
      // Prepare
      const handler = await boltHandler();
      const fields = buildSlashCommand({
        text: 'snapshot list a ログ',
        response_url: slack.responseUrl('c'),
      });

      // Act
      const response = await handler(
        signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET, base64 }),
        lambdaContext(),
      );

      // Assess
      expect(response.statusCode).toBe(200);
      expect(seen).toEqual([{ text: 'snapshot list a ログ', retryNum: undefined }]);
      expect(slack.messages(CHANNEL).map((message) => message.text)).toEqual(['received: snapshot list a ログ']);
      expect(slack.responses).toEqual([
        expect.objectContaining({ id: 'c', ok: true, body: { response_type: 'ephemeral', text: 'on it' } }),
      ]);
      expect(slack.calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    },
  );

  it('passes a redelivery number on to the listener', async () => {
    // Prepare
    const handler = await boltHandler();
    const fields = buildSlashCommand({ response_url: slack.responseUrl('retry') });

    // Act
    await handler(signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET, retryNum: 2 }), lambdaContext());

    // Assess
    // AwsLambdaReceiver passes the raw header string although Bolt types retryNum as a number (HTTPReceiver parses
    // it): product code must read it with Number(). Pinned here so a Bolt change shows up.
    expect(seen.map((entry) => entry.retryNum)).toEqual(['2']);
    expect(seen.map((entry) => Number(entry.retryNum))).toEqual([2]);
  });

  it.each<Forgery>(['bad-signature', 'stale', 'unsigned'])(
    'answers 401 to a %s request without running the listener',
    async (forge) => {
      // Prepare
      const handler = await boltHandler();
      const event = signedSlashCommandEvent(buildSlashCommand(), { signingSecret: SIGNING_SECRET, forge });

      // Act
      const response = await handler(event, lambdaContext());

      // Assess
      expect(response.statusCode).toBe(401);
      expect(seen).toEqual([]);
      expect(slack.calls).toEqual([]);
    },
  );

  it('acks a signed button click and the listener updates the clicked message', async () => {
    // Prepare
    const handler = await boltHandler();
    const posted = await new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: slack.url,
      logger: quietSlackLogger,
    }).chat.postMessage({
      channel: CHANNEL,
      text: 'approve?',
      blocks: [{ type: 'divider' }],
    });
    const payload = buildBlockAction({ message: { type: 'message', ts: posted.ts ?? '', text: 'approve?' } });

    // Act
    const response = await handler(signedBlockActionEvent(payload, { signingSecret: SIGNING_SECRET }), lambdaContext());

    // Assess
    // No waiting needed: AwsLambdaReceiver answers only once the listener has finished (FACTS.md section C).
    expect(response.statusCode).toBe(200);
    expect(slack.messages(CHANNEL)).toEqual([expect.objectContaining({ ts: posted.ts, text: 'approved', updates: 1 })]);
    expect(slack.messages(CHANNEL)[0]?.blocks).toBeUndefined();
  });
});
