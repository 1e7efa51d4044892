import { AwsLambdaReceiver } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { Logger } from 'pino';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { buildApp, type SlackIdentity } from '../adapters/slack/build-app.js';
import { isWithinSlackWindow } from '../adapters/slack/request-window.js';
import type { BotContext } from '../usecases/bot-context.js';

type SlackHandlerOptions = {
  context: BotContext;
  identity: SlackIdentity;
  signingSecret: string;
  logger: Logger;
  /** The Web API base URL; tests point it at a loopback Slack API. */
  slackApiUrl?: string;
};

type LambdaHandler = (event: AwsEvent, lambdaContext: unknown) => Promise<AwsResponse>;

/**
 * The Slack function: a request timestamped outside Slack's window is refused (401) before anything reads it;
 * then Bolt on `AwsLambdaReceiver`, which checks Slack's signature (401 otherwise), runs the
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
    if (isWithinSlackWindow(event.headers, Date.now())) return handle(event, lambdaContext);
    options.logger.warn(
      { requestId: event.requestContext?.requestId },
      'slack request refused: timestamp outside 5 minutes',
    );
    return { statusCode: 401, body: '' };
  };
}

export type { LambdaHandler, SlackHandlerOptions };
export { createSlackHandler };
