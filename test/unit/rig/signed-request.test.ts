import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import {
  signedBlockActionEvent,
  signedSlashCommandEvent,
  slackHeaders,
  slackSignature,
} from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';

const SIGNING_SECRET = 'unit-signing-secret';

function boltAccepts(body: string, headers: Record<string, string>): boolean {
  return isValidSlackRequest({
    signingSecret: SIGNING_SECRET,
    body,
    headers: {
      'x-slack-signature': headers['x-slack-signature'] ?? '',
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    },
  });
}

describe('slackSignature', () => {
  it("reproduces the worked example in Slack's request-verification guide", () => {
    // Prepare: secret, timestamp, body and signature as published by Slack.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&' +
      'channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&' +
      'response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&' +
      'trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

    // Act
    const signature = slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body);

    // Assess
    expect(signature).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });
});

describe('slackHeaders', () => {
  it("signs so that Bolt's own verifier accepts the request", () => {
    // Act
    const headers = slackHeaders('a=b', { signingSecret: SIGNING_SECRET });

    // Assess
    expect(boltAccepts('a=b', headers)).toBe(true);
  });

  it.each([['bad-signature' as const], ['stale' as const]])('forges a %s request that Bolt refuses', (forge) => {
    // Act
    const headers = slackHeaders('a=b', { signingSecret: SIGNING_SECRET, forge });

    // Assess
    expect(boltAccepts('a=b', headers)).toBe(false);
  });

  it('leaves the signature headers out of an unsigned request and marks retries', () => {
    // Act
    const headers = slackHeaders('a=b', { signingSecret: SIGNING_SECRET, forge: 'unsigned', retryNum: 1 });

    // Assess
    expect(headers).toEqual({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  });
});

describe('signedSlashCommandEvent', () => {
  it('builds an API Gateway v2 event whose body decodes back to the fields', () => {
    // Prepare
    const fields = buildSlashCommand({ text: 'snapshot restore b repo snap indices=ログ-*' });

    // Act
    const event = signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET, base64: true });

    // Assess
    const body = Buffer.from(event.body, 'base64').toString('utf8');
    expect(event).toMatchObject({ version: '2.0', rawPath: '/slack/events', isBase64Encoded: true });
    expect(event.requestContext.http.method).toBe('POST');
    expect(event.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual(fields);
    expect(boltAccepts(body, event.headers)).toBe(true);
  });

  it('gives every command its own trigger_id', () => {
    // Act & Assess
    expect(buildSlashCommand().trigger_id).not.toBe(buildSlashCommand().trigger_id);
  });
});

describe('signedBlockActionEvent', () => {
  it('carries the payload as JSON in the payload form field', () => {
    // Prepare
    const payload = buildBlockAction({ action: { action_id: 'reject', value: 'job-7' } });

    // Act
    const event = signedBlockActionEvent(payload, { signingSecret: SIGNING_SECRET });

    // Assess
    const decoded = JSON.parse(new URLSearchParams(event.body).get('payload') ?? '{}');
    expect(decoded.actions[0]).toMatchObject({ type: 'button', action_id: 'reject', value: 'job-7' });
    expect(decoded.message.blocks[0].elements[0].action_id).toBe('reject');
    expect(decoded.container.message_ts).toBe(decoded.message.ts);
  });
});
