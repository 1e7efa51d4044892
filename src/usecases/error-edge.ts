import { BotError, UnexpectedError } from '../core/errors.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import { errorReply } from '../core/messages/error-reply.js';
import type { BotContext } from './bot-context.js';

type EdgeContext = Pick<BotContext, 'catalog' | 'ids' | 'logger'>;

/** Who and what the error was about, for the log line: user, channel, job … */
type Circumstances = Record<string, unknown>;

/**
 * The one place an error becomes a reply, for every entry point (the Slack app, the background command, the
 * console). A refusal a person can act on (a `BotError`) is said in the channel's language and logged at info,
 * without a stack: it is not the bot's fault. Anything else is wrapped once into an `UnexpectedError` whose words
 * point at the log by a reference, and logged at error with that reference; its own message is never shown.
 *
 * @example
 * await respond(replyToError(context, error, { userId }));
 */
function replyToError(context: EdgeContext, error: unknown, circumstances: Circumstances = {}): SlackMessage {
  if (error instanceof BotError) {
    context.logger.info({ ...circumstances, code: error.code, reason: error.message }, 'refused');
    return errorReply(error, context.catalog);
  }
  const unexpected = new UnexpectedError(context.ids.newId(), { cause: error });
  context.logger.error({ ...circumstances, reference: unexpected.reference, err: error }, 'failed unexpectedly');
  return errorReply(unexpected, context.catalog);
}

export type { Circumstances, EdgeContext };
export { replyToError };
