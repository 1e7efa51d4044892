import { BotError } from '../core/errors.js';
import { parseCommand } from '../core/grammar/parse-command.js';
import { helpText } from '../core/grammar/usage.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import { textMessage } from '../core/messages/blocks.js';
import { errorReply } from '../core/messages/error-reply.js';
import type { CommandTask } from '../ports/background-tasks.js';
import type { BotContext } from './bot-context.js';

type Acknowledge = (reply: SlackMessage) => Promise<void>;

/**
 * The fast half of a slash command, inside Slack's 3 seconds: parse (pure), acknowledge with the answer to bad
 * input or `help`, or with "working on it" — and only then hand the rest to the background. No cluster is asked
 * before the acknowledgement.
 */
async function acceptCommand(context: BotContext, task: CommandTask, acknowledge: Acknowledge): Promise<void> {
  let verb: string;
  try {
    const request = parseCommand(task.text);
    if (request.verb === 'help') return acknowledge(textMessage(helpText(request.topic)));
    verb = request.verb;
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    return acknowledge(errorReply(error, context.catalog, ''));
  }
  await acknowledge(textMessage(`${context.catalog.working} \`/es ${task.text}\``));
  context.logger.info({ userId: task.userId, channel: task.channelId, verb }, 'command accepted');
  await context.tasks.dispatch(task);
}

export type { Acknowledge };
export { acceptCommand };
