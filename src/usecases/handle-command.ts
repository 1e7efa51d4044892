import type { CommandTask } from '../ports/background-tasks.js';
import type { BotContext } from './bot-context.js';
import { replyToError } from './error-edge.js';
import { handleRequest } from './verb-handlers.js';

/**
 * The slow half of a slash command, after Slack has its acknowledgement: the verb's handler asks the clusters,
 * plans, stores the job, answers. Any error becomes a reply to the person who asked (never a stack trace).
 */
async function handleCommand(context: BotContext, task: CommandTask): Promise<void> {
  try {
    const reply = await handleRequest(context, task);
    if (reply !== undefined) await context.chat.respond(task.responseUrl, reply);
  } catch (error) {
    const reply = replyToError(context, error, { userId: task.userId, channel: task.channelId });
    await context.chat.respond(task.responseUrl, reply);
  }
}

export { handleCommand };
