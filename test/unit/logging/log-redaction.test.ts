import { describe, expect, it } from 'vitest';
import { isSecretKey, redactLogLine, redactText, redactValue } from '../../../src/logging/log-redaction.js';

const SIGNATURE = `v0=${'a1'.repeat(32)}`;
const BOT_TOKEN = 'xoxb-1234-5678-AbCdEf';

describe('isSecretKey', () => {
  it.each([
    'authorization',
    'Authorization',
    'x-slack-signature',
    'X-Slack-Signature',
    'X-Amz-Security-Token',
    'token',
    'botToken',
    'SLACK_BOT_TOKEN',
    'signingSecret',
    'client_secret',
    'password',
    'Cookie',
    'set-cookie',
    'response_url',
    'responseUrl',
    'response_urls',
    'webhook_url',
    'accessKeyId',
    'secretAccessKey',
    'sessionToken',
    'credentials',
    'api_key',
    'private_key',
  ])('treats %s as a credential', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['jobId', 'cluster', 'step', 'user_id', 'trigger_id', 'x-slack-request-timestamp', 'signing', 'msg'])(
    'keeps %s',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );
});

describe('redactText', () => {
  it.each([
    ['a Slack token', `posting as ${BOT_TOKEN} now`, BOT_TOKEN],
    ['an app-level token', 'socket xapp-1-A0B1-99-ff', 'xapp-1-A0B1-99-ff'],
    ['a refresh token', 'got xoxe.xoxp-1-ZZZ', 'xoxe.xoxp-1-ZZZ'],
    ['a request signature', `(X-Slack-Signature ${SIGNATURE})`, SIGNATURE.slice(3)],
    ['a URL-encoded signature', `sig=v0%3D${'b2'.repeat(32)}`, 'b2'.repeat(32)],
    ['a response URL', 'to https://hooks.slack.com/actions/T1/2/abc now', 'hooks.slack.com'],
    ['a URL-encoded response URL', 'u=https%3A%2F%2Fhooks.slack.com%2Factions%2FT1%2F2%2Fabc&x=1', 'hooks.slack.com'],
    ['an AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['a temporary AWS access key id', 'key ASIAIOSFODNN7EXAMPLE used', 'ASIAIOSFODNN7EXAMPLE'],
    ['a form field', 'token=verif1cation&team_id=T1', 'verif1cation'],
    ['a form response URL', 'team_id=T1&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fr%2F1&x=1', '127.0.0.1'],
    ['a query parameter', 'GET /x?Password=hunter2 HTTP/1.1', 'hunter2'],
    ['a header line', 'Cookie: session=s3cr3t', 's3cr3t'],
    ['a session token header', 'X-Amz-Security-Token: FwoGZXIvYXdzEJr//////////wEaDH', 'FwoGZXIvYXdz'],
    ['a session token setting', 'aws_session_token=IQoJb3JpZ2luX2VjE', 'IQoJb3JpZ2lu'],
    ['a secret access key setting', 'AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG"', 'wJalrXUtnFEMI'],
    ['a SigV4 authorization', 'Credential=AKID/20261203/eu-west-1/es/aws4_request, Signature=ffee00', 'ffee00'],
    ['a JSON field', '{"response_url":"http://127.0.0.1:9/r/1","user":"U1"}', '127.0.0.1'],
    ['a spaced JSON field', '{\n  "X-Slack-Signature": "sig-value"\n}', 'sig-value'],
    ['an escaped JSON field', '"body": "{\\"token\\":\\"verif1cation\\"}"', 'verif1cation'],
    ['a URL-encoded JSON field', 'payload=%7B%22token%22%3A%22verif1cation%22%2C%22a%22%3A1%7D', 'verif1cation'],
  ])('takes out %s', (_case, text, secret) => {
    const redacted = redactText(text);

    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[redacted]');
  });

  it('keeps everything else as it was', () => {
    const text = 'a=1&team_id=T1&user_name=ann {"channel":"C1"} step: snapshot, SLACK_BOT_TOKEN is not set';

    expect(redactText(text)).toBe(text);
  });

  it('cuts a response URL inside URL-encoded JSON at its end, keeping what follows', () => {
    const text = 'x=%7B%22u%22%3A%22https%3A%2F%2Fhooks.slack.com%2Fa%2FT1%2Fb%22%2C%22user%22%3A%22U1%22%7D';

    expect(redactText(text)).toBe('x=%7B%22u%22%3A%22[redacted]%22%2C%22user%22%3A%22U1%22%7D');
  });

  it('keeps the field names, so a reader sees what was there', () => {
    expect(redactText('token=abc&b=2')).toBe('token=[redacted]&b=2');
  });

  it('stays quick on a long run of letters', () => {
    const started = Date.now();

    redactText(`${'a'.repeat(200_000)} token: x`);

    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('redactValue', () => {
  it('censors credential fields at any depth and in any case', () => {
    const value = {
      request: { Headers: { 'X-Slack-Signature': SIGNATURE, Authorization: 'AWS4 …' } },
      deep: [{ more: { AWS: { SecretAccessKey: 'wJalr', SessionToken: 'FwoG' } } }],
      jobId: 'j1',
    };

    expect(redactValue(value)).toEqual({
      request: { Headers: { 'X-Slack-Signature': '[redacted]', Authorization: '[redacted]' } },
      deep: [{ more: { AWS: { SecretAccessKey: '[redacted]', SessionToken: '[redacted]' } } }],
      jobId: 'j1',
    });
  });

  it('censors a credential field whole, whatever it holds', () => {
    expect(redactValue({ credentials: { accessKeyId: 'AKID', expiry: 3 } })).toEqual({ credentials: '[redacted]' });
  });

  it('takes credentials out of texts and keeps other values', () => {
    expect(redactValue({ msg: `as ${BOT_TOKEN}`, n: 3, ok: true, none: null })).toEqual({
      msg: 'as [redacted]',
      n: 3,
      ok: true,
      none: null,
    });
  });
});

describe('redactLogLine', () => {
  it('redacts a JSON line and keeps it one line', () => {
    const line = `${JSON.stringify({ level: 20, token: 't', msg: `body token=abc sig ${SIGNATURE}` })}\n`;

    expect(redactLogLine(line)).toBe(
      `${JSON.stringify({ level: 20, token: '[redacted]', msg: 'body token=[redacted] sig v0=[redacted]' })}\n`,
    );
  });

  it('redacts a line that is not JSON as text', () => {
    expect(redactLogLine(`not json ${BOT_TOKEN}\n`)).toBe('not json [redacted]\n');
  });
});
