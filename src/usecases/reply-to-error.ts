import { BotError } from '../core/errors.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import { errorReply } from '../core/messages/error-reply.js';
import type { BotContext } from './bot-context.js';

/** Who was answered, for the log line. */
type Asker = { userId: string; channel: string };

/**
 * Any error as the reply to the person who asked, logged with a reference they can quote. A refusal the person can
 * act on is not the bot's fault: no stack trace, and not at warning level.
 */
function replyToError(
  context: Pick<BotContext, 'catalog' | 'ids' | 'logger'>,
  error: unknown,
  who: Asker,
): SlackMessage {
  const reference = context.ids.newId();
  if (error instanceof BotError) {
    context.logger.info({ reference, ...who, code: error.code, reason: error.message }, 'command refused');
  } else context.logger.error({ reference, ...who, err: error }, 'command failed');
  return errorReply(error, context.catalog, reference);
}

export type { Asker };
export { replyToError };
