/** A message as it currently stands in a channel, after every chat.update. */
type StoredMessage = {
  channel: string;
  ts: string;
  /** Only on thread replies: the parent's `ts` (a reply to a reply lands in the parent's thread, as in Slack). */
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  /** The bot user that posted it. */
  user: string;
  bot_id: string;
  /** How many chat.update calls have changed it: progress updates are rate limited, so tests count them. */
  updates: number;
};

/** A chat.postEphemeral message: only `user` sees it, it cannot be updated, it has no place in the channel. */
type EphemeralMessage = {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: unknown[];
};

type MessageContent = { text?: string; blocks?: unknown[] };

type ChannelHistory = {
  post(channel: string, content: MessageContent, threadTs: string | undefined): StoredMessage;
  /** Applies chat.update's rules for what an update keeps; undefined when there is no such message. */
  update(channel: string, ts: string, content: MessageContent): StoredMessage | undefined;
  remove(channel: string, ts: string): boolean;
  find(channel: string, ts: string): StoredMessage | undefined;
  postEphemeral(channel: string, user: string, content: MessageContent): EphemeralMessage;
  /** Copies, in `ts` order, thread replies included: callers cannot change the history by accident. */
  messages(channel: string): StoredMessage[];
  ephemerals(channel: string): EphemeralMessage[];
};

function createChannelHistory(author: { user: string; bot_id: string }, now: () => number): ChannelHistory {
  const channels = new Map<string, StoredMessage[]>();
  const ephemeral: EphemeralMessage[] = [];
  let sequence = 0;

  // Slack's ts is "<unix seconds>.<6 digits>", unique per channel; a global sequence keeps them unique and ordered.
  function nextTs(): string {
    sequence += 1;
    return `${Math.floor(now() / 1000)}.${String(sequence % 1_000_000).padStart(6, '0')}`;
  }

  function historyOf(channel: string): StoredMessage[] {
    const existing = channels.get(channel);
    if (existing !== undefined) return existing;
    const created: StoredMessage[] = [];
    channels.set(channel, created);
    return created;
  }

  function find(channel: string, ts: string): StoredMessage | undefined {
    return channels.get(channel)?.find((message) => message.ts === ts);
  }

  return {
    find,
    post(channel, content, threadTs) {
      const parent = threadTs === undefined ? undefined : find(channel, threadTs);
      const message: StoredMessage = {
        channel,
        ts: nextTs(),
        text: content.text ?? '',
        user: author.user,
        bot_id: author.bot_id,
        updates: 0,
      };
      if (content.blocks !== undefined) message.blocks = content.blocks;
      if (parent !== undefined) message.thread_ts = parent.thread_ts ?? parent.ts;
      historyOf(channel).push(message);
      return { ...message };
    },
    update(channel, ts, content) {
      const message = find(channel, ts);
      if (message === undefined) return undefined;
      // docs.slack.dev chat.update: without `blocks`, old blocks stay only when `text` is not given either; an empty
      // array removes them; without `text`, the old text stays.
      if (content.blocks !== undefined) message.blocks = content.blocks.length === 0 ? undefined : content.blocks;
      else if (content.text !== undefined) message.blocks = undefined;
      if (content.text !== undefined) message.text = content.text;
      if (message.blocks === undefined) delete message.blocks;
      message.updates += 1;
      return { ...message };
    },
    remove(channel, ts) {
      const history = channels.get(channel) ?? [];
      const index = history.findIndex((message) => message.ts === ts);
      if (index < 0) return false;
      history.splice(index, 1);
      return true;
    },
    postEphemeral(channel, user, content) {
      const message: EphemeralMessage = { channel, user, message_ts: nextTs(), text: content.text ?? '' };
      if (content.blocks !== undefined) message.blocks = content.blocks;
      ephemeral.push(message);
      return { ...message };
    },
    messages(channel) {
      return (channels.get(channel) ?? []).map((message) => structuredClone(message));
    },
    ephemerals(channel) {
      return ephemeral.filter((message) => message.channel === channel).map((message) => structuredClone(message));
    },
  };
}

export { type ChannelHistory, createChannelHistory, type EphemeralMessage, type MessageContent, type StoredMessage };
