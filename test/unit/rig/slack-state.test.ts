import { describe, expect, it } from 'vitest';
import { createChannelHistory } from '../../rig/slack/channel-history.js';
import { createRateLimiter } from '../../rig/slack/rate-limits.js';
import { createResponseUrls } from '../../rig/slack/response-urls.js';

const AUTHOR = { user: 'U0BOT', bot_id: 'B0BOT' };
const BLOCKS = [{ type: 'divider' }];

describe('createChannelHistory', () => {
  it.each([
    ['blocks only: the text stays', { blocks: [{ type: 'header' }] }, 'old', [{ type: 'header' }]],
    ['text only: the blocks go', { text: 'new' }, 'new', undefined],
    ['an empty blocks array: the blocks go', { blocks: [] }, 'old', undefined],
  ])('updates with %s', (_name, content, text, blocks) => {
    // Prepare
    const history = createChannelHistory(AUTHOR, () => 1_700_000_000_000);
    const { ts } = history.post('C1', { text: 'old', blocks: BLOCKS }, undefined);

    // Act
    history.update('C1', ts, content);

    // Assess
    const [message] = history.messages('C1');
    expect([message?.text, message?.blocks, message?.updates]).toEqual([text, blocks, 1]);
  });

  it('files a reply to a reply under the thread parent', () => {
    // Prepare
    const history = createChannelHistory(AUTHOR, () => 1_700_000_000_000);
    const parent = history.post('C1', { text: 'parent' }, undefined);
    const reply = history.post('C1', { text: 'reply' }, parent.ts);

    // Act
    const second = history.post('C1', { text: 'reply to reply' }, reply.ts);

    // Assess
    expect(second.thread_ts).toBe(parent.ts);
    expect(history.messages('C1').map((message) => message.text)).toEqual(['parent', 'reply', 'reply to reply']);
  });
});

describe('createRateLimiter', () => {
  it('admits a burst, then answers Retry-After until the window moves on', () => {
    // Prepare
    let now = 0;
    const limiter = createRateLimiter({ 'chat.update': { limit: 2, windowMs: 10_000 } }, () => now);

    // Act
    const answers = [limiter.admit('chat.update', 'C1'), limiter.admit('chat.update', 'C1')];
    now = 2500;
    const refused = limiter.admit('chat.update', 'C1');
    now = 10_001;
    const later = limiter.admit('chat.update', 'C1');

    // Assess
    expect(answers).toEqual([undefined, undefined]);
    expect(refused).toBe(8);
    expect(later).toBeUndefined();
  });

  it('counts per channel when the rule says so, and leaves other methods alone', () => {
    // Prepare
    const limiter = createRateLimiter({ 'chat.postMessage': { limit: 1, windowMs: 1000, perChannel: true } }, () => 0);

    // Act
    const first = limiter.admit('chat.postMessage', 'C1');
    const otherChannel = limiter.admit('chat.postMessage', 'C2');
    const sameChannel = limiter.admit('chat.postMessage', 'C1');
    const unlimited = limiter.admit('chat.delete', 'C1');

    // Assess
    expect([first, otherChannel, sameChannel, unlimited]).toEqual([undefined, undefined, 1, undefined]);
  });
});

describe('createResponseUrls', () => {
  it('accepts 5 posts to one response_url and refuses the 6th', () => {
    // Prepare
    const urls = createResponseUrls(
      () => 0,
      () => {},
    );
    urls.issue('http://127.0.0.1:1', 'cmd');
    const body = JSON.stringify({ text: 'working on it', response_type: 'ephemeral' });

    // Act
    const statuses = Array.from({ length: 6 }, () => urls.post('cmd', body).status);

    // Assess
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(urls.posts.at(-1)).toMatchObject({ id: 'cmd', ok: false, error: 'used_url' });
  });

  it.each([
    ['a post 31 minutes after the command', 31 * 60 * 1000, { text: 'late' }, 'expired_url'],
    ['a post with neither text nor blocks', 0, { response_type: 'in_channel' }, 'no_text'],
    ['a post with 51 blocks', 0, { text: 't', blocks: Array.from({ length: 51 }, () => BLOCKS[0]) }, 'invalid_blocks'],
  ])('refuses %s', (_name, elapsedMs, body, error) => {
    // Prepare
    let now = 0;
    const urls = createResponseUrls(
      () => now,
      () => {},
    );
    urls.issue('http://127.0.0.1:1', 'cmd');
    now = elapsedMs;

    // Act
    const answer = urls.post('cmd', JSON.stringify(body));

    // Assess
    expect(answer.body).toEqual({ ok: false, error });
  });

  it('accepts delete_original without text', () => {
    // Prepare
    const urls = createResponseUrls(
      () => 0,
      () => {},
    );
    urls.issue('http://127.0.0.1:1', 'cmd');

    // Act & Assess
    expect(urls.post('cmd', JSON.stringify({ delete_original: true })).status).toBe(200);
  });
});
