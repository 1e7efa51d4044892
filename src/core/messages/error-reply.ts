import { BotError } from '../errors.js';
import { escapeMrkdwn } from '../grammar/usage.js';
import { type SlackMessage, textMessage } from './blocks.js';
import type { Catalog } from './catalog.js';

/**
 * The one place an error becomes words in the channel: what went wrong and what to do. Errors the bot does not
 * know are not shown (they may carry internals); the person gets a reference to find the log line.
 */
function errorReply(error: unknown, catalog: Catalog, reference: string): SlackMessage {
  if (!(error instanceof BotError)) {
    const text = `${catalog.errorTitle} Something went wrong on our side (reference \`${reference}\`). Check \`/es snapshot jobs\` before you try again.`;
    return textMessage(text);
  }
  // Messages quote what people typed (Slack's escapes already decoded): escaped here, `<!channel>` stays text.
  const lines = [`${catalog.errorTitle} ${escapeMrkdwn(error.message)}`];
  if (error.hint !== undefined) lines.push(`${catalog.tryThis} ${escapeMrkdwn(error.hint)}`);
  return textMessage(lines.join('\n'));
}

export { errorReply };
