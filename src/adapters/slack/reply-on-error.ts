import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import { type Circumstances, type EdgeContext, replyToError } from '../../usecases/error-edge.js';

/** Who did what, from a slash command or a button click, for the log line of a failure. */
function circumstancesOf(body: AnyMiddlewareArgs['body']): Circumstances {
  const fields = body as { user_id?: string; user?: { id?: string }; channel_id?: string; command?: string };
  return { userId: fields.user_id ?? fields.user?.id, channel: fields.channel_id, command: fields.command };
}

/**
 * The Slack app's error edge, a global middleware: whatever a listener throws becomes one ephemeral reply to the
 * person who acted (through the request's `response_url`), so no listener catches errors of its own. A request
 * without a `response_url` has nobody to answer: its error goes on to Bolt's error handler, which logs it.
 */
function replyOnError(context: EdgeContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const respond = (args as { respond?: RespondFn }).respond;
      if (respond === undefined) throw error;
      const reply = replyToError(context, error, circumstancesOf(args.body));
      await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
    }
  };
}

export { replyOnError };
