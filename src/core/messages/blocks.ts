/**
 * The few Block Kit shapes the bot uses, built within Slack's limits (FACTS C) so no message is refused:
 * section text 3000, header 150, button text 75, confirm text 300, 50 blocks a message.
 */

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
type Markdown = { type: 'mrkdwn'; text: string };

type Button = {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: {
    title: PlainText;
    text: PlainText;
    confirm: PlainText;
    deny: PlainText;
    style?: 'primary' | 'danger';
  };
};

type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; block_id?: string; text: Markdown }
  | { type: 'context'; elements: Markdown[] }
  | { type: 'actions'; block_id: string; elements: Button[] }
  | { type: 'divider' };

type SlackMessage = { text: string; blocks: Block[] };

const LIMITS = { section: 3000, header: 150, button: 75, confirm: 300, blocks: 50, contextElements: 10 } as const;

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.header), emoji: true } };
}

function section(text: string, blockId?: string): Block {
  const block: Block = { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.section) } };
  return blockId === undefined ? block : { ...block, block_id: blockId };
}

function context(...texts: string[]): Block {
  const elements = texts
    .slice(0, LIMITS.contextElements)
    .map((text): Markdown => ({ type: 'mrkdwn', text: truncate(text, 2000) }));
  return { type: 'context', elements };
}

function plain(text: string, limit: number): PlainText {
  return { type: 'plain_text', text: truncate(text, limit) };
}

/**
 * Lines gathered into as few sections as fit the section limit, so a long list never loses a line to
 * truncation in the middle of a name.
 */
function sectionsOf(lines: readonly string[]): Block[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + line.length + 1 <= LIMITS.section)
      chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((chunk) => section(chunk));
}

/** A message of one paragraph. */
function textMessage(text: string): SlackMessage {
  // The notification text is cut like its section: Slack refuses a reply it finds too long, and the person gets nothing.
  const shown = truncate(text, LIMITS.section);
  return { text: shown, blocks: [section(shown)] };
}

/** Keeps a message within Slack's block count, keeping the last block (the buttons or the footer). */
function withinBlockLimit(blocks: Block[]): Block[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const last = blocks.at(-1) as Block;
  return [...blocks.slice(0, LIMITS.blocks - 2), context('…'), last];
}

export type { Block, Button, SlackMessage };
export { context, header, LIMITS, plain, section, sectionsOf, textMessage, withinBlockLimit };
