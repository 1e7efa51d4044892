import type { Verb } from '../core/grammar/command-request.js';
import { helpText } from '../core/grammar/usage.js';
import { type SlackMessage, textMessage } from '../core/messages/blocks.js';
import type { BotContext } from './bot-context.js';

/** `help`, in the channel's language, saying what waits for approval as the configured clusters' policies do. */
function helpReply(context: Pick<BotContext, 'catalog' | 'config'>, topic: Verb | undefined): SlackMessage {
  const policies = new Map([...context.config.clusters].map(([alias, cluster]) => [alias, cluster.approval]));
  return textMessage(helpText(topic, context.catalog, policies));
}

export { helpReply };
