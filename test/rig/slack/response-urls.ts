import { checkMessageLimits } from './block-kit-limits.js';

/** One post to a response_url, accepted or not. */
type ResponseUrlPost = {
  /** The id given to `responseUrl(id)`. */
  id: string;
  /** The JSON body as sent: `text`, `blocks`, `response_type`, `replace_original`, `delete_original`. */
  body: Record<string, unknown>;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
};

type ResponseUrls = {
  issue(origin: string, id: string): string;
  post(id: string, raw: string): { status: number; body: object };
  posts: ResponseUrlPost[];
};

// Slack: up to 5 responses within 30 minutes of the invocation (FACTS.md section C).
const MAX_POSTS = 5;
const LIFETIME_MS = 30 * 60 * 1000;

function parseBody(raw: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : undefined;
  } catch {
    return undefined;
  }
}

function contentError(body: Record<string, unknown>): string | undefined {
  if (body.delete_original === true) return undefined;
  const hasText = typeof body.text === 'string' && body.text !== '';
  if (!hasText && body.blocks === undefined) return 'no_text';
  return checkMessageLimits({ text: body.text, blocks: body.blocks })?.error;
}

/**
 * response_url endpoints on the loopback server. Slack's answers past the limits are not documented in the material
 * read: the rig answers 404 with `used_url` after 5 accepted posts and `expired_url` after 30 minutes, which is what
 * client libraries report seeing; what matters for the bot is that these posts fail.
 */
function createResponseUrls(now: () => number, onPost: () => void): ResponseUrls {
  const issuedAt = new Map<string, number>();
  const posts: ResponseUrlPost[] = [];

  function answer(id: string, body: Record<string, unknown>, status: number, error?: string) {
    const post: ResponseUrlPost = { id, body, ok: error === undefined, status, at: now() };
    if (error !== undefined) post.error = error;
    posts.push(post);
    onPost();
    return { status, body: error === undefined ? { ok: true } : { ok: false, error } };
  }

  return {
    posts,
    issue(origin, id) {
      if (!issuedAt.has(id)) issuedAt.set(id, now());
      return `${origin}/response-url/${encodeURIComponent(id)}`;
    },
    post(id, raw) {
      const body = parseBody(raw);
      const issued = issuedAt.get(id);
      // Not a Slack answer: a URL the test never asked for is a typo in the test.
      if (issued === undefined) return answer(id, body ?? {}, 404, 'unknown_response_url');
      if (now() - issued > LIFETIME_MS) return answer(id, body ?? {}, 404, 'expired_url');
      const accepted = posts.filter((post) => post.id === id && post.ok).length;
      if (accepted >= MAX_POSTS) return answer(id, body ?? {}, 404, 'used_url');
      if (body === undefined) return answer(id, {}, 400, 'invalid_payload');
      const error = contentError(body);
      return error === undefined ? answer(id, body, 200) : answer(id, body, 400, error);
    },
  };
}

export { createResponseUrls, type ResponseUrlPost, type ResponseUrls };
