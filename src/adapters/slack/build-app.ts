import { App, type Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { BotContext } from '../../usecases/bot-context.js';
import { boltLogger } from './bolt-logger.js';
import { register } from './listeners/index.js';
import { replyOnError } from './reply-on-error.js';

type SlackIdentity = {
  botToken: string;
  /** With the bot's ids known, Bolt never calls auth.test before acknowledging (a cold start would pay it). */
  botId: string;
  botUserId: string;
};

type BuildAppOptions = {
  receiver: Receiver;
  identity: SlackIdentity;
  context: BotContext;
  logger: Logger;
  /** The Web API base URL; tests point it at a loopback Slack API. */
  slackApiUrl?: string;
};

/** The one Bolt app, used by the Lambda handler, `npm start` and the tests alike. */
function buildApp(options: BuildAppOptions): App {
  const { receiver, identity, context, logger, slackApiUrl } = options;
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: identity.botToken, botId: identity.botId, botUserId: identity.botUserId }),
    logger: boltLogger(logger),
    // No listener keeps conversation state, and Bolt's default in-memory store answers every request's lookup by
    // building an Error ("Conversation not found"), stack trace and all, before each acknowledgement.
    convoStore: false,
    ...(slackApiUrl === undefined ? {} : { clientOptions: { slackApiUrl } }),
  });
  app.use(replyOnError(context));
  register(app, context);
  app.error(async (error) => {
    logger.error({ err: error }, 'a Slack request failed with nobody to answer');
  });
  return app;
}

export type { BuildAppOptions, SlackIdentity };
export { buildApp };
