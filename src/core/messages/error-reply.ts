import { BotError } from '../errors.js';
import { escapeMrkdwn } from '../grammar/usage.js';
import type { Catalog } from '../words/catalog.js';
import { type SlackMessage, textMessage } from './blocks.js';

/**
 * The one place an error becomes words in the channel: what went wrong and what to do, in the channel's
 * language. Errors the bot does not know are not shown (they may carry internals); the person gets a reference
 * to find the log line.
 */
function errorReply(error: unknown, catalog: Catalog, reference: string): SlackMessage {
  if (!(error instanceof BotError)) return textMessage(`${catalog.errorTitle} ${catalog.unexpected(reference).text}`);
  const said = error.saidIn(catalog);
  // Messages quote what people typed (Slack's escapes already decoded): escaped here, `<!channel>` stays text.
  const lines = [`${catalog.errorTitle} ${escapeMrkdwn(said.text)}`];
  if (said.hint !== undefined) lines.push(`${catalog.tryThis} ${escapeMrkdwn(said.hint)}`);
  return textMessage(lines.join('\n'));
}

export { errorReply };
