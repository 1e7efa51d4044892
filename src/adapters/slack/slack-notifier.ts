import type { WebClient } from '@slack/web-api';
import type { ChatNotifier, UserDirectory } from '../../ports/chat-notifier.js';

/**
 * The bot's Web API calls. `WebClient` already waits out a 429 for its `Retry-After` and sends the call again
 * (its default `rejectRateLimitedCalls: false`), so an update that matters is delayed, never lost.
 */
function createSlackNotifier(client: WebClient, fetchImpl: typeof fetch = fetch): ChatNotifier {
  return {
    async post(channel, message, threadTs) {
      const answer = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        thread_ts: threadTs,
      });
      if (answer.ts === undefined) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return { ts: answer.ts };
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
    async respond(responseUrl, message) {
      const body = {
        response_type: 'ephemeral',
        replace_original: message.replaceOriginal ?? false,
        text: message.text,
        blocks: message.blocks,
      };
      const response = await fetchImpl(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
    },
  };
}

type CachedMembers = { members: string[]; until: number };

/** User group members, cached for a few minutes: every approval click asks, and membership rarely changes. */
function createSlackUserDirectory(client: WebClient, cacheMs = 5 * 60_000, now = () => Date.now()): UserDirectory {
  const cache = new Map<string, CachedMembers>();
  return {
    async usergroupMembers(groupId) {
      const cached = cache.get(groupId);
      if (cached !== undefined && cached.until > now()) return cached.members;
      const answer = await client.usergroups.users.list({ usergroup: groupId });
      const members = answer.users ?? [];
      cache.set(groupId, { members, until: now() + cacheMs });
      return members;
    },
  };
}

export { createSlackNotifier, createSlackUserDirectory };
