import type { Block, SlackMessage } from '../../core/messages/blocks.js';
import type { ChatNotifier, UserDirectory } from '../../ports/chat-notifier.js';

/** Block Kit as plain lines, the way a person reads the message in Slack. */
function blocksAsText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'header':
          return `== ${block.text.text} ==`;
        case 'section':
          return block.text.text;
        case 'context':
          return block.elements.map((element) => element.text).join(' · ');
        case 'actions':
          return block.elements.map((button) => `[ ${button.text.text} ]`).join(' ');
        default:
          return '';
      }
    })
    .filter((line) => line !== '')
    .join('\n')
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The chat port on a terminal, for `npm start` without Slack: every message the bot would post, update or answer
 * is printed, marked with where it would go.
 */
function createConsoleChat(write: (text: string) => void): ChatNotifier & UserDirectory {
  let sequence = 0;
  const show = (where: string, message: SlackMessage) => write(`\n--- ${where} ---\n${blocksAsText(message.blocks)}\n`);
  return {
    async post(channel, message, threadTs) {
      sequence += 1;
      show(
        threadTs === undefined ? `new message in ${channel}` : `reply in the thread of message ${threadTs}`,
        message,
      );
      return { ts: `${sequence}.000000` };
    },
    async update(_channel, ts, message) {
      show(`message ${ts} updated`, message);
    },
    async respond(_responseUrl, message) {
      show('only you see this', message);
    },
    async usergroupMembers() {
      return [];
    },
  };
}

export { blocksAsText, createConsoleChat };
