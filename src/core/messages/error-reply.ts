import type { BotError } from '../errors.js';
import { escapeMrkdwn } from '../grammar/usage.js';
import type { Catalog } from '../words/catalog.js';
import { type SlackMessage, textMessage } from './blocks.js';

/**
 * An error in words in the channel: what went wrong and what to do, in the channel's language. The edge
 * (`usecases/error-edge.ts`) hands every error over as a `BotError`, an unknown one wrapped as unexpected.
 */
function errorReply(error: BotError, catalog: Catalog): SlackMessage {
  const said = error.saidIn(catalog);
  // Messages quote what people typed (Slack's escapes already decoded): escaped here, `<!channel>` stays text.
  const lines = [`${catalog.errorTitle} ${escapeMrkdwn(said.text)}`];
  if (said.hint !== undefined) lines.push(`${catalog.tryThis} ${escapeMrkdwn(said.hint)}`);
  return textMessage(lines.join('\n'));
}

export { errorReply };
