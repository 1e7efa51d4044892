import type { SlackMessage } from '../../src/core/messages/blocks.js';
import type { ChatNotifier, UserDirectory } from '../../src/ports/chat-notifier.js';

type ChatEvent =
  | { kind: 'post'; channel: string; ts: string; threadTs: string | undefined; message: SlackMessage }
  | { kind: 'update'; channel: string; ts: string; message: SlackMessage }
  | { kind: 'respond'; responseUrl: string; message: SlackMessage };

/** The chat port, recording what the bot said; user groups from a fixed map. */
function createRecordingChat(
  groups: Record<string, string[]> = {},
): ChatNotifier & UserDirectory & { events: ChatEvent[] } {
  const events: ChatEvent[] = [];
  let sequence = 0;
  return {
    events,
    async post(channel, message, threadTs) {
      sequence += 1;
      const ts = `1700000000.${String(sequence).padStart(6, '0')}`;
      events.push({ kind: 'post', channel, ts, threadTs, message });
      return { ts };
    },
    async update(channel, ts, message) {
      events.push({ kind: 'update', channel, ts, message });
    },
    async respond(responseUrl, message) {
      events.push({ kind: 'respond', responseUrl, message });
    },
    async usergroupMembers(groupId) {
      return groups[groupId] ?? [];
    },
  };
}

export type { ChatEvent };
export { createRecordingChat };
