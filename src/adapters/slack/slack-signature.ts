import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerNamed, isWithinSlackWindow } from './request-window.js';

type ReceivedRequest = {
  headers: Record<string, string | undefined> | undefined;
  /** The body exactly as Slack sent it (already decoded from base64 where the gateway encoded it). */
  rawBody: string;
};

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Whether Slack signed this request within its window: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the
 * signing secret. Checked before anything reads the body, because Bolt's Lambda receiver parses the body (and
 * answers `ssl_check`) before it verifies the signature: a forged body could make it throw.
 */
function isSignedBySlack(request: ReceivedRequest, signingSecret: string, nowMs: number): boolean {
  if (!isWithinSlackWindow(request.headers, nowMs)) return false;
  const signature = headerNamed(request.headers, 'x-slack-signature');
  if (signature === undefined || !SIGNATURE.test(signature)) return false;
  const timestamp = headerNamed(request.headers, 'x-slack-request-timestamp') as string;
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${request.rawBody}`).digest('hex');
  return timingSafeEqual(Buffer.from(signature.slice(3), 'hex'), Buffer.from(expected, 'hex'));
}

export { isSignedBySlack };
