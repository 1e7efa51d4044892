import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import {
  type ChannelHistory,
  createChannelHistory,
  type EphemeralMessage,
  type StoredMessage,
} from './channel-history.js';
import { createRateLimiter, type RateLimits } from './rate-limits.js';
import { createResponseUrls, type ResponseUrlPost } from './response-urls.js';
import { type BotIdentity, type MethodArgs, type MethodResult, WEB_API_METHODS } from './web-api-methods.js';

type LoopbackSlackApiOptions = {
  /** The only token the API accepts, as `Authorization: Bearer …` (or a form `token` field, as Slack also allows). */
  botToken: string;
  /** usergroups.users.list answers from this: group id → member user ids. @default {} */
  userGroups?: Record<string, string[]>;
  /** users.info gives these users this `tz` (an IANA name); others get none, as for a user with no zone set. @default {} */
  timeZones?: Record<string, string>;
  /** Per-method limits answered with HTTP 429 and `Retry-After`. @default {} (off; see SLACK_LIKE_RATE_LIMITS) */
  rateLimits?: RateLimits;
  /** The bot's ids, as auth.test reports them. @default the ids in SLACK_TEST_IDS */
  identity?: Partial<BotIdentity>;
  /** Clock for message ts, rate windows and response_url expiry, in epoch ms. @default Date.now */
  now?: () => number;
};

type RecordedCall = {
  method: string;
  /** As received, JSON-valued arguments decoded and the token left out. */
  args: MethodArgs;
  ok: boolean;
  error?: string;
  /** 200, or 429 when rate limited. */
  status: number;
  at: number;
};

type LoopbackSlackApi = {
  /** `http://127.0.0.1:<port>/api/`: Bolt's `clientOptions.slackApiUrl`, or WebClient's `slackApiUrl`. */
  url: string;
  identity: BotIdentity;
  /** A response_url on this server for a payload's `response_url`; posts to it land in `responses` under `id`. */
  responseUrl(id: string): string;
  /** Every Web API call, in arrival order, refused ones included. */
  calls: RecordedCall[];
  /** What the channel shows now: top-level messages and thread replies, after updates and deletes, in ts order. */
  messages(channel: string): StoredMessage[];
  ephemerals(channel: string): EphemeralMessage[];
  responses: ResponseUrlPost[];
  /**
   * Resolves with the first truthy value `probe` returns, checked now and after every recorded call or response_url
   * post; rejects after `timeoutMs` (default 5000) with the last calls, to show what happened instead.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

type Answer = { status: number; body: object; headers?: Record<string, string> };

const DEFAULT_IDENTITY: BotIdentity = {
  teamId: SLACK_TEST_IDS.teamId,
  teamDomain: SLACK_TEST_IDS.teamDomain,
  botUserId: SLACK_TEST_IDS.botUserId,
  botId: SLACK_TEST_IDS.botId,
  appId: SLACK_TEST_IDS.appId,
};

// @slack/web-api sends objects as JSON strings inside a form body; Slack decodes these before validating.
const JSON_ARGUMENTS = ['blocks', 'attachments', 'metadata'];

function parseArgs(contentType: string, raw: string): MethodArgs | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(raw === '' ? '{}' : raw);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : undefined;
    } catch {
      return undefined;
    }
  }
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const args: MethodArgs = Object.fromEntries(new URLSearchParams(raw));
  for (const name of JSON_ARGUMENTS) {
    const value = args[name];
    if (typeof value !== 'string') continue;
    try {
      args[name] = JSON.parse(value);
    } catch {
      // Left as a string: the block checks answer invalid_blocks_format, as Slack does for unparsable JSON.
    }
  }
  return args;
}

function tokenOf(request: IncomingMessage, args: MethodArgs): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return /^Bearer\s+(.+)$/i.exec(header)?.[1];
  return typeof args.token === 'string' ? args.token : undefined;
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(JSON.stringify(answer.body));
}

/**
 * Starts a loopback Slack Web API that holds channel state and refuses what Slack refuses (Block Kit limits, missing
 * arguments, unknown messages, bad tokens, optional rate limits), so the bot's Slack adapter is tested against
 * Slack's rules instead of a mock that accepts anything.
 *
 * @example
 * const slack = await startLoopbackSlackApi({ botToken: 'xoxb-test' });
 * const app = new App({ receiver, token: 'xoxb-test', botId: slack.identity.botId,
 *   botUserId: slack.identity.botUserId, clientOptions: { slackApiUrl: slack.url } });
 */
async function startLoopbackSlackApi(options: LoopbackSlackApiOptions): Promise<LoopbackSlackApi> {
  const { botToken, userGroups = {}, timeZones = {}, rateLimits = {}, now = Date.now } = options;
  const identity: BotIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  const history: ChannelHistory = createChannelHistory({ user: identity.botUserId, bot_id: identity.botId }, now);
  const limiter = createRateLimiter(rateLimits, now);
  const calls: RecordedCall[] = [];
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of [...watchers]) watcher();
  };
  const responseUrls = createResponseUrls(now, notify);

  function callMethod(method: string, request: IncomingMessage, raw: string): Answer {
    const args = parseArgs(request.headers['content-type'] ?? '', raw);
    const record = (status: number, result: MethodResult, headers?: Record<string, string>): Answer => {
      const { token: _token, ...recorded } = args ?? {};
      const call: RecordedCall = { method, args: recorded, ok: result.ok, status, at: now() };
      if (result.error !== undefined) call.error = result.error;
      calls.push(call);
      notify();
      return headers === undefined ? { status, body: result } : { status, body: result, headers };
    };
    if (args === undefined) return record(200, { ok: false, error: 'invalid_form_data' });
    const token = tokenOf(request, args);
    if (token === undefined || token === '') return record(200, { ok: false, error: 'not_authed' });
    if (token !== botToken) return record(200, { ok: false, error: 'invalid_auth' });
    const handler = WEB_API_METHODS[method];
    if (handler === undefined) return record(200, { ok: false, error: 'unknown_method' });
    const retryAfter = limiter.admit(method, typeof args.channel === 'string' ? args.channel : undefined);
    if (retryAfter !== undefined) {
      return record(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
    }
    return record(200, handler(args, { history, identity, userGroups, timeZones }));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = Buffer.concat(await request.toArray()).toString('utf8');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'POST') {
      return send(response, { status: 405, body: { ok: false, error: 'method_not_allowed' } });
    }
    if (path.startsWith('/api/')) return send(response, callMethod(path.slice('/api/'.length), request, raw));
    if (path.startsWith('/response-url/')) {
      return send(response, responseUrls.post(decodeURIComponent(path.slice('/response-url/'.length)), raw));
    }
    send(response, { status: 404, body: { ok: false, error: 'not_found' } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, { status: 500, body: { ok: false, error: 'internal_error', detail: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    identity,
    responseUrl: (id) => responseUrls.issue(origin, id),
    calls,
    messages: (channel) => history.messages(channel),
    ephemerals: (channel) => history.ephemerals(channel),
    responses: responseUrls.posts,
    waitFor(probe, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        const check = () => {
          try {
            const value = probe();
            if (value === undefined || value === null || value === false) return;
            finish();
            resolve(value);
          } catch (error) {
            finish();
            reject(error);
          }
        };
        const timer = setTimeout(() => {
          finish();
          const recent = calls.slice(-5).map((call) => `${call.method} ${call.ok ? 'ok' : call.error}`);
          reject(new Error(`loopback Slack API: condition not met within ${timeoutMs} ms; last calls: ${recent}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    async close() {
      // WebClient's fetch keeps connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export {
  type LoopbackSlackApi,
  type LoopbackSlackApiOptions,
  type RecordedCall,
  type ResponseUrlPost,
  type StoredMessage,
  startLoopbackSlackApi,
};
