import { AwsLambdaReceiver } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { Logger } from 'pino';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { buildApp, type SlackIdentity } from '../adapters/slack/build-app.js';
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
 * The Slack function: Bolt on `AwsLambdaReceiver`, which checks Slack's signature (401 otherwise), runs the
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
  return (event, lambdaContext) => handle(event, lambdaContext);
}

export type { LambdaHandler, SlackHandlerOptions };
export { createSlackHandler };
