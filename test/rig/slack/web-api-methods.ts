import { checkMessageLimits } from './block-kit-limits.js';
import type { ChannelHistory, MessageContent } from './channel-history.js';

/** Who the bot token belongs to; give the same ids to Bolt's `App` as `botId` / `botUserId`. */
type BotIdentity = { teamId: string; teamDomain: string; botUserId: string; botId: string; appId: string };

/** Arguments as the method received them, JSON-valued ones (`blocks`, `attachments`, `metadata`) decoded. */
type MethodArgs = Record<string, unknown>;

/** Slack answers HTTP 200 with `ok: false` and an error code for everything but rate limiting. */
type MethodResult = { ok: boolean; error?: string } & Record<string, unknown>;

type MethodContext = {
  history: ChannelHistory;
  identity: BotIdentity;
  userGroups: Readonly<Record<string, readonly string[]>>;
  timeZones: Readonly<Record<string, string>>;
};

type MethodHandler = (args: MethodArgs, context: MethodContext) => MethodResult;

// Slack ids: C (public), G (private), D (DM) for conversations; U or W for users; S for user groups.
const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

function failure(error: string, messages: string[] = []): MethodResult {
  if (messages.length === 0) return { ok: false, error };
  // Slack repeats the details in response_metadata; @slack/web-api logs those marked [ERROR].
  return { ok: false, error, errors: messages, response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } };
}

function missing(args: MethodArgs, ...names: string[]): MethodResult | undefined {
  const absent = names.filter((name) => typeof args[name] !== 'string' || args[name] === '');
  if (absent.length === 0) return undefined;
  return failure(
    'invalid_arguments',
    absent.map((name) => `missing required field: ${name}`),
  );
}

function channelProblem(args: MethodArgs): MethodResult | undefined {
  const absent = missing(args, 'channel');
  if (absent !== undefined) return absent;
  return CHANNEL_ID.test(String(args.channel)) ? undefined : failure('channel_not_found');
}

/** The message content, or why Slack would refuse it; `text` is optional when there are blocks, as in Slack. */
function contentOf(args: MethodArgs, requireSome: boolean): MessageContent | MethodResult {
  const hasText = typeof args.text === 'string' && args.text !== '';
  if (requireSome && !hasText && args.blocks === undefined && args.attachments === undefined) return failure('no_text');
  const problem = checkMessageLimits({ text: args.text, blocks: args.blocks });
  if (problem !== undefined) return failure(problem.error, problem.errors);
  const content: MessageContent = {};
  if (typeof args.text === 'string') content.text = args.text;
  if (Array.isArray(args.blocks)) content.blocks = args.blocks;
  return content;
}

function isResult(value: MessageContent | MethodResult): value is MethodResult {
  return 'ok' in value;
}

const postMessage: MethodHandler = (args, { history }) => {
  const problem = channelProblem(args);
  if (problem !== undefined) return problem;
  const channel = String(args.channel);
  const content = contentOf(args, true);
  if (isResult(content)) return content;
  const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
  // A reply to a message that is not there is a bot bug worth failing loudly on (Slack's own answer is unconfirmed).
  if (threadTs !== undefined && history.find(channel, threadTs) === undefined) return failure('invalid_thread_ts');
  const { updates: _updates, ...message } = history.post(channel, content, threadTs);
  return { ok: true, channel, ts: message.ts, message: { type: 'message', ...message } };
};

const update: MethodHandler = (args, { history }) => {
  const problem = channelProblem(args) ?? missing(args, 'ts');
  if (problem !== undefined) return problem;
  const content = contentOf(args, true);
  if (isResult(content)) return content;
  const updated = history.update(String(args.channel), String(args.ts), content);
  if (updated === undefined) return failure('message_not_found');
  const { updates: _updates, ...message } = updated;
  return { ok: true, channel: updated.channel, ts: updated.ts, text: updated.text, message };
};

const postEphemeral: MethodHandler = (args, { history }) => {
  const problem = channelProblem(args) ?? missing(args, 'user');
  if (problem !== undefined) return problem;
  if (!USER_ID.test(String(args.user))) return failure('user_not_found');
  const content = contentOf(args, true);
  if (isResult(content)) return content;
  const message = history.postEphemeral(String(args.channel), String(args.user), content);
  return { ok: true, message_ts: message.message_ts };
};

const deleteMessage: MethodHandler = (args, { history }) => {
  const problem = channelProblem(args) ?? missing(args, 'ts');
  if (problem !== undefined) return problem;
  const removed = history.remove(String(args.channel), String(args.ts));
  return removed ? { ok: true, channel: args.channel, ts: args.ts } : failure('message_not_found');
};

const WEB_API_METHODS: Readonly<Record<string, MethodHandler>> = {
  'auth.test': (_args, { identity }) => ({
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: identity.teamDomain,
    user: 'es-snapshot-bot',
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  }),
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
  'usergroups.users.list': (args, { userGroups }) => {
    const problem = missing(args, 'usergroup');
    if (problem !== undefined) return problem;
    const users = userGroups[String(args.usergroup)];
    return users === undefined ? failure('no_such_subteam') : { ok: true, users: [...users] };
  },
  'users.info': (args, { identity, timeZones }) => {
    const problem = missing(args, 'user');
    if (problem !== undefined) return problem;
    const id = String(args.user);
    if (!USER_ID.test(id)) return failure('user_not_found');
    const name = id.toLowerCase();
    const profile = { real_name: name, display_name: name };
    const user = { id, team_id: identity.teamId, name, real_name: name, is_bot: false, profile };
    const tz = timeZones[id];
    return { ok: true, user: tz === undefined ? user : { ...user, tz } };
  },
  'conversations.info': (args) => {
    const problem = channelProblem(args);
    if (problem !== undefined) return problem;
    const id = String(args.channel);
    const name = id.toLowerCase();
    return { ok: true, channel: { id, name, is_channel: id.startsWith('C'), is_private: id.startsWith('G') } };
  },
};

export { type BotIdentity, type MethodArgs, type MethodContext, type MethodResult, WEB_API_METHODS };
