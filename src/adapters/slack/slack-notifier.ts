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

type Cached<T> = { value: T; until: number };

/** User group members, cached for a few minutes: every approval click asks, and membership rarely changes. */
/** User group members and users' time zones, cached for a few minutes: every approval click asks, and they rarely change. */
function createSlackUserDirectory(client: WebClient, cacheMs = 5 * 60_000, now = () => Date.now()): UserDirectory {
  const members = new Map<string, Cached<string[]>>();
  const zones = new Map<string, Cached<string | undefined>>();
  async function cached<T>(cache: Map<string, Cached<T>>, key: string, ask: () => Promise<T>): Promise<T> {
    const found = cache.get(key);
    if (found !== undefined && found.until > now()) return found.value;
    const value = await ask();
    cache.set(key, { value, until: now() + cacheMs });
    return value;
  }
  return {
    usergroupMembers: (groupId) =>
      cached(members, groupId, async () => (await client.usergroups.users.list({ usergroup: groupId })).users ?? []),
    timeZoneOf: (userId) => cached(zones, userId, async () => (await client.users.info({ user: userId })).user?.tz),
  };
}

export { createSlackNotifier, createSlackUserDirectory };
