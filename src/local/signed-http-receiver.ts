import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
} from '@slack/bolt';
import type { Logger } from 'pino';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { isSignedBySlack } from '../adapters/slack/slack-signature.js';

type GuardOptions = {
  signingSecret: string;
  /** The path Slack posts to. */
  endpoint: string;
  logger: Logger;
  /** @default Date.now */
  nowMs?: () => number;
};

type SignedHttpReceiverOptions = Omit<GuardOptions, 'nowMs'> & { port: number };

/** Headers as received; a header sent more than once (an array) counts as absent, as Bolt's own check treats it. */
function singleHeaders(request: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? undefined : value]),
  );
}

function isPostTo(request: IncomingMessage, endpoint: string): boolean {
  return request.method === 'POST' && new URL(request.url ?? '/', 'http://localhost').pathname === endpoint;
}

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}

/**
 * Puts the Lambda handler's check in front of Bolt's HTTP receiver: a request to the Slack endpoint that Slack did
 * not sign, or signed more than five minutes from now either way, is refused (401) with only its raw body read.
 * Bolt's receiver checks the past only and parses `ssl_check` bodies before verifying. An admitted request goes on
 * to Bolt with its body buffered as Bolt itself buffers it (`rawBody`), so Bolt does not read the stream again.
 */
function guardRequests(receiver: HTTPReceiver, options: GuardOptions): void {
  const { signingSecret, endpoint, logger, nowMs = Date.now } = options;
  const bolt = receiver.requestListener;

  async function admit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let buffered: BufferedIncomingMessage;
    try {
      // Bolt's own limit on an HTTP receiver's body (4 MB).
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, defaultBodyLimit);
    } catch (error) {
      answer(response, isRawBodyError(error) && error.statusCode === 413 ? 413 : 400);
      return;
    }
    const rawBody = buffered.rawBody.toString('utf8');
    if (!isSignedBySlack({ headers: singleHeaders(request), rawBody }, signingSecret, nowMs())) {
      logger.warn({ path: endpoint }, 'slack request refused: not signed by Slack within 5 minutes');
      answer(response, 401);
      return;
    }
    bolt(buffered, response);
  }

  receiver.requestListener = (request, response) => {
    // Anything else keeps Bolt's own answer (its 404 is thrown here, for the server to catch).
    if (!isPostTo(request, endpoint)) return bolt(request, response);
    admit(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'a local Slack request failed before Bolt saw it');
      if (!response.headersSent) answer(response, 500);
    });
  };
}

/** Bolt's HTTP receiver for `npm start`, refusing what the Lambda handler refuses before anything parses it. */
function signedHttpReceiver(options: SignedHttpReceiverOptions): HTTPReceiver {
  const { signingSecret, port, endpoint, logger } = options;
  const receiver = new HTTPReceiver({ signingSecret, port, endpoints: endpoint, logger: boltLogger(logger) });
  guardRequests(receiver, { signingSecret, endpoint, logger });
  return receiver;
}

export { guardRequests, signedHttpReceiver };
