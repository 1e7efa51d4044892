import { BotError, UnexpectedError } from '../errors.js';
import { escapeMrkdwn } from '../grammar/usage.js';
import type { Catalog } from '../words/catalog.js';
import { type SlackMessage, textMessage } from './blocks.js';

/**
 * An error in words in the channel: what went wrong and what to do, in the channel's language. The edge
 * (`usecases/error-edge.ts`) hands every error over as a `BotError`; anything else is said as unexpected with
 * `reference`, never shown (it may carry internals).
 */
function errorReply(error: unknown, catalog: Catalog, reference = ''): SlackMessage {
  const known = error instanceof BotError ? error : new UnexpectedError(reference);
  const said = known.saidIn(catalog);
  // Messages quote what people typed (Slack's escapes already decoded): escaped here, `<!channel>` stays text.
  const lines = [`${catalog.errorTitle} ${escapeMrkdwn(said.text)}`];
  if (said.hint !== undefined) lines.push(`${catalog.tryThis} ${escapeMrkdwn(said.hint)}`);
  return textMessage(lines.join('\n'));
}

export { errorReply };
