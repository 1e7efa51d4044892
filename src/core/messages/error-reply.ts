import type { BotError } from '../errors.js';
import { escapeMrkdwn } from '../grammar/usage.js';
import type { Catalog } from '../words/catalog.js';
import { type SlackMessage, textMessage } from './blocks.js';

/** A user, a channel or a user group as Slack writes them: the only `<…>` the catalog itself puts in a sentence. */
const ESCAPED_MENTION = /&lt;(@[UW][A-Z0-9]{2,}|#[CGD][A-Z0-9]{2,}|!subteam\^S[A-Z0-9]{2,})&gt;/g;

/**
 * Text as mrkdwn with every `<`, `>` and `&` escaped, save the catalog's mentions, which Slack then shows as names.
 * A mention can never broadcast (`<!channel>` stays text), and names people type cannot hold `<` or `>`.
 */
function withMentions(text: string): string {
  return escapeMrkdwn(text).replace(ESCAPED_MENTION, '<$1>');
}

/**
 * An error in words in the channel: what went wrong and what to do, in the channel's language. The edge
 * (`usecases/error-edge.ts`) hands every error over as a `BotError`, an unknown one wrapped as unexpected.
 */
function errorReply(error: BotError, catalog: Catalog): SlackMessage {
  const said = error.saidIn(catalog);
  // Messages quote what people typed (Slack's escapes already decoded): escaped here, `<!channel>` stays text.
  const lines = [`${catalog.errorTitle} ${withMentions(said.text)}`];
  if (said.hint !== undefined) lines.push(`${catalog.tryThis} ${withMentions(said.hint)}`);
  return textMessage(lines.join('\n'));
}

export { errorReply };
