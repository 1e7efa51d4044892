import { type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { optionalString, requiredString } from '../config/env.js';
import { signedHttpReceiver } from './signed-http-receiver.js';

type LocalSlackSettings = {
  botToken: string;
  botId: string;
  botUserId: string;
  /** Unset: slack.com. */
  slackApiUrl?: string;
  receiver: Receiver;
  describe: string;
};

/**
 * Slack for `npm start`: Socket Mode when an app-level token is given (no public URL needed), otherwise an HTTP
 * receiver on PORT that refuses unsigned and stale or future-dated requests before parsing them. Undefined without a bot token: the bot then runs without Slack.
 */
function localSlack(env: NodeJS.ProcessEnv, logger: Logger, slackApiUrl?: string): LocalSlackSettings | undefined {
  const botToken = optionalString(env, 'SLACK_BOT_TOKEN');
  if (botToken === undefined) return undefined;
  const botId = requiredString(env, 'SLACK_BOT_ID', "the bot's id (B…; auth.test tells it)");
  const botUserId = requiredString(env, 'SLACK_BOT_USER_ID', "the bot's user id (U…)");
  const appToken = optionalString(env, 'SLACK_APP_TOKEN');
  const signingSecret = requiredString(env, 'SLACK_SIGNING_SECRET', 'the app signing secret (Basic Information)');
  if (appToken !== undefined) {
    // Socket Mode opens its connection with a Web API call of its own, to the same Slack as everything else.
    const installerOptions = slackApiUrl === undefined ? {} : { clientOptions: { slackApiUrl } };
    const receiver = new SocketModeReceiver({ appToken, logger: boltLogger(logger), installerOptions });
    return { botToken, botId, botUserId, slackApiUrl, receiver, describe: 'Slack over Socket Mode' };
  }
  const port = Number(optionalString(env, 'PORT') ?? '3000');
  const receiver = signedHttpReceiver({ signingSecret, port, endpoint: '/slack/events', logger });
  const describe = `Slack over HTTP on port ${port} (/slack/events)`;
  return { botToken, botId, botUserId, slackApiUrl, receiver, describe };
}

export type { LocalSlackSettings };
export { localSlack };
