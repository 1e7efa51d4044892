import { AwsLambdaReceiver } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { Logger } from 'pino';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { buildApp, type SlackIdentity } from '../adapters/slack/build-app.js';
import { isSignedBySlack } from '../adapters/slack/slack-signature.js';
import type { BotContext } from '../usecases/bot-context.js';

type SlackHandlerOptions = {
  context: BotContext;
  identity: SlackIdentity;
  signingSecret: string;
  logger: Logger;
  /** The Web API base URL; tests point it at a loopback Slack API. */
  slackApiUrl?: string;
};

/** The body as Slack sent it: API Gateway may hand it over base64-encoded. */
function rawBodyOf(event: AwsEvent): string {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

type LambdaHandler = (event: AwsEvent, lambdaContext: unknown) => Promise<AwsResponse>;

/**
 * The Slack function: a request Slack did not sign, or signed more than five minutes from now either way, is refused
 * (401) before anything parses it; then Bolt on `AwsLambdaReceiver`, which checks the signature again, runs the
 * listener and answers. The listener only acknowledges and hands work on, so the answer comes within 3 s.
 */
async function createSlackHandler(options: SlackHandlerOptions): Promise<LambdaHandler> {
  const receiver = new AwsLambdaReceiver({ signingSecret: options.signingSecret, logger: boltLogger(options.logger) });
  buildApp({
    receiver,
    identity: options.identity,
    context: options.context,
    logger: options.logger,
    slackApiUrl: options.slackApiUrl,
  });
  const handle = await receiver.start();
  return async (event, lambdaContext) => {
    if (isSignedBySlack({ headers: event.headers, rawBody: rawBodyOf(event) }, options.signingSecret, Date.now())) {
      return handle(event, lambdaContext);
    }
    options.logger.warn(
      { requestId: event.requestContext?.requestId },
      'slack request refused: not signed by Slack within 5 minutes',
    );
    return { statusCode: 401, body: '' };
  };
}

export type { LambdaHandler, SlackHandlerOptions };
export { createSlackHandler };
