import { describe, expect, it } from 'vitest';
import { isSignedBySlack } from '../../../../src/adapters/slack/slack-signature.js';
import { slackSignature } from '../../../fixtures/slack/signed-request.js';

const SECRET = 'signing-secret';
const NOW_MS = Date.parse('2026-12-02T09:00:00Z');
const NOW = NOW_MS / 1000;
const BODY = 'token=x&text=snapshot+list+a';

function headers(timestamp: number | string, signature: string) {
  return { 'X-Slack-Request-Timestamp': String(timestamp), 'x-slack-signature': signature };
}

describe('a request Slack signed', () => {
  it('is one whose signature is the HMAC of its timestamp and raw body, within five minutes', () => {
    const request = { headers: headers(NOW - 60, slackSignature(SECRET, NOW - 60, BODY)), rawBody: BODY };

    expect(isSignedBySlack(request, SECRET, NOW_MS)).toBe(true);
  });

  it.each([
    ['another secret', headers(NOW, slackSignature(`${SECRET}x`, NOW, BODY)), BODY],
    ['an edited body', headers(NOW, slackSignature(SECRET, NOW, BODY)), `${BODY}&user_id=U0X`],
    ['a moved timestamp', headers(NOW + 1, slackSignature(SECRET, NOW, BODY)), BODY],
    ['a stale timestamp', headers(NOW - 301, slackSignature(SECRET, NOW - 301, BODY)), BODY],
    ['a future timestamp', headers(NOW + 301, slackSignature(SECRET, NOW + 301, BODY)), BODY],
    ['a partial signature', headers(NOW, slackSignature(SECRET, NOW, BODY).slice(0, 40)), BODY],
    ['another scheme', headers(NOW, slackSignature(SECRET, NOW, BODY).replace('v0=', 'v1=')), BODY],
    ['upper-case hex', headers(NOW, slackSignature(SECRET, NOW, BODY).toUpperCase()), BODY],
    ['no signature', { 'x-slack-request-timestamp': String(NOW) }, BODY],
  ])('is not one with %s', (_case, sent, rawBody) => {
    expect(isSignedBySlack({ headers: sent, rawBody }, SECRET, NOW_MS)).toBe(false);
  });
});
