import { BotError } from '../core/errors.js';
import { parseCommand } from '../core/grammar/parse-command.js';
import { helpText } from '../core/grammar/usage.js';
import { textMessage } from '../core/messages/blocks.js';
import { errorReply } from '../core/messages/error-reply.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { answerQuery, isQuery } from './answer-query.js';
import type { BotContext } from './bot-context.js';
import { cancelJob } from './cancel-job.js';
import { isJobRequest } from './plan-request.js';
import { requestJob } from './request-job.js';

/**
 * The slow half of a slash command, after Slack has its acknowledgement: ask the clusters, plan, store the job,
 * answer. Any error becomes a reply to the person who asked (never a stack trace), and is logged with a
 * reference they can quote.
 */
async function handleCommand(context: BotContext, task: CommandTask): Promise<void> {
  try {
    const request = parseCommand(task.text);
    if (isQuery(request)) {
      await context.chat.respond(task.responseUrl, await answerQuery(context, request, task.userId));
    } else if (isJobRequest(request)) {
      await requestJob(context, request, task);
    } else if (request.verb === 'cancel') {
      await context.chat.respond(task.responseUrl, await cancelJob(context, request.jobId, task));
    } else {
      await context.chat.respond(task.responseUrl, textMessage(helpText(request.topic)));
    }
  } catch (error) {
    const reference = context.ids.newId();
    const who = { reference, userId: task.userId, channel: task.channelId };
    // A refusal the person can act on is not the bot's fault: no stack trace, and not at warning level.
    if (error instanceof BotError)
      context.logger.info({ ...who, code: error.code, reason: error.message }, 'command refused');
    else context.logger.error({ ...who, err: error }, 'command failed');
    await context.chat.respond(task.responseUrl, errorReply(error, context.catalog, reference));
  }
}

export { handleCommand };
