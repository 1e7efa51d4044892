import { parseCommand } from '../core/grammar/parse-command.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import { textMessage } from '../core/messages/blocks.js';
import type { CommandTask, SlashCommand } from '../ports/background-tasks.js';
import type { BotContext } from './bot-context.js';
import { replyToError } from './error-edge.js';
import { helpReply } from './help-reply.js';

type Acknowledge = (reply: SlackMessage) => Promise<void>;

function understood(command: SlashCommand): CommandTask {
  return { ...command, request: parseCommand(command.text) };
}

/**
 * The fast half of a slash command, inside Slack's 3 seconds: parse (pure, the only parse in this process),
 * acknowledge with the answer to bad input or `help`, or with "working on it" — and only then hand the parsed
 * request to the background. No cluster is asked before the acknowledgement.
 */
async function acceptCommand(context: BotContext, command: SlashCommand, acknowledge: Acknowledge): Promise<void> {
  let task: CommandTask;
  try {
    task = understood(command);
  } catch (error) {
    return acknowledge(replyToError(context, error, { userId: command.userId, channel: command.channelId }));
  }
  if (task.request.verb === 'help') return acknowledge(helpReply(context, task.request.topic));
  await acknowledge(textMessage(`${context.catalog.working} \`/es ${task.text}\``));
  context.logger.info({ userId: task.userId, channel: task.channelId, verb: task.request.verb }, 'command accepted');
  await context.tasks.dispatch(task);
}

export type { Acknowledge };
export { acceptCommand };
