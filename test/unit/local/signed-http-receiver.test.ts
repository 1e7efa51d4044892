import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type BufferedIncomingMessage, HTTPReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { guardRequests, signedHttpReceiver } from '../../../src/local/signed-http-receiver.js';
import { silentLogger } from '../../fakes/silent-logger.js';
import { type Forgery, slackHeaders } from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';

const SIGNING_SECRET = 'local-signing-secret';
const ENDPOINT = '/slack/events';
const BODY = new URLSearchParams(buildSlashCommand({ text: 'snapshot help' }) as never).toString();

type Sent = { request: IncomingMessage; rawBody?: string };

/** An HTTP receiver whose Bolt side only records what reaches it, behind the guard. */
function guardedReceiver() {
  const reachedBolt: Sent[] = [];
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger: undefined });
  receiver.requestListener = (request) => {
    reachedBolt.push({ request, rawBody: (request as BufferedIncomingMessage).rawBody?.toString('utf8') });
  };
  guardRequests(receiver, { signingSecret: SIGNING_SECRET, endpoint: ENDPOINT, logger: silentLogger });
  return { receiver, reachedBolt };
}

function incoming(body: string, headers: Record<string, string | string[]>, method = 'POST', url = ENDPOINT) {
  return Object.assign(Readable.from([Buffer.from(body)]), { method, url, headers }) as unknown as IncomingMessage;
}

/** A response that resolves with the status the guard answered, if it answered. */
function recordingResponse() {
  let status: number | undefined;
  let ended: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const response = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      this.headersSent = true;
    },
    end() {
      ended();
    },
  };
  return { response: response as unknown as ServerResponse, done, status: () => status };
}

async function deliver(body: string, headers: Record<string, string | string[]>, method?: string, url?: string) {
  const guarded = guardedReceiver();
  const { response, done, status } = recordingResponse();
  guarded.receiver.requestListener(incoming(body, headers, method, url), response);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 200))]);
  return { status: status(), reachedBolt: guarded.reachedBolt };
}

function signed(body: string, forge?: Forgery): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    ...slackHeaders(body, { signingSecret: SIGNING_SECRET, forge }),
  };
}

describe('the local HTTP receiver', () => {
  it('hands a request Slack signed just now to Bolt, with its body as received', async () => {
    const { status, reachedBolt } = await deliver(BODY, signed(BODY));

    expect(status).toBeUndefined();
    expect(reachedBolt.map((sent) => sent.rawBody)).toEqual([BODY]);
  });

  it.each<Forgery>(['future', 'stale', 'bad-signature', 'unsigned'])(
    'refuses a %s request with 401 before Bolt sees it',
    async (forge) => {
      const { status, reachedBolt } = await deliver(BODY, signed(BODY, forge));

      expect(status).toBe(401);
      expect(reachedBolt).toEqual([]);
    },
  );

  it('refuses an unsigned ssl_check, which Bolt would answer without a signature', async () => {
    const { status, reachedBolt } = await deliver('ssl_check=1&payload=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });

    expect(status).toBe(401);
    expect(reachedBolt).toEqual([]);
  });

  it('refuses a request whose signature came twice', async () => {
    const headers = signed(BODY);
    const signature = headers['x-slack-signature'] as string;

    const { status } = await deliver(BODY, { ...headers, 'x-slack-signature': [signature, signature] });

    expect(status).toBe(401);
  });

  it('refuses a body over Bolt’s limit with 413', async () => {
    const body = 'x'.repeat(4 * 1024 * 1024 + 1);

    const { status, reachedBolt } = await deliver(body, signed(body));

    expect(status).toBe(413);
    expect(reachedBolt).toEqual([]);
  });

  it.each([
    ['GET', ENDPOINT],
    ['POST', '/elsewhere'],
  ])('leaves a %s to %s to Bolt’s own answer', async (method, url) => {
    const { status, reachedBolt } = await deliver('', {}, method, url);

    expect(status).toBeUndefined();
    expect(reachedBolt).toHaveLength(1);
  });

  it('is what npm start listens with', () => {
    const receiver = signedHttpReceiver({
      signingSecret: SIGNING_SECRET,
      port: 0,
      endpoint: ENDPOINT,
      logger: silentLogger,
    });

    expect(receiver).toBeInstanceOf(HTTPReceiver);
  });
});
