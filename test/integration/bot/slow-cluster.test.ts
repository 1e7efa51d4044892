import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Language } from '../../../src/core/words/language.js';
import { waitUntil } from '../../rig/wait-until.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable } from './channel-and-clusters.js';

const HUNG_LINE: Record<Language, string> = {
  en: ':warning: *b* — not answering (timed out after 5 s)',
  ja: ':warning: *b* — 応答なし (5 秒でタイムアウト)',
};

/**
 * A hung cluster answers nothing: `clusters` asks every cluster at once, each within its own short deadline, so the
 * healthy cluster's line comes with the hung one's "not answering" in about five seconds, not after the hung
 * cluster's full timeouts and retries (three 30 s attempts before).
 */
describe('one slow cluster', () => {
  let bot: BotUnderTest | undefined;
  let release = () => {};

  afterEach(async () => {
    release();
    await bot?.close();
  });

  it.each(['en', 'ja'] as const)('never slows the answer about the others (%s)', async (language) => {
    // Given cluster B whose next answer to GET / is held, as a hung node holds it
    bot = await startBotUnderTest({ language });
    const held = bot.clusters.b.gateway.holdNextAnswer('GET', '/');
    release = held.release;
    const started = Date.now();

    // When someone asks for the clusters
    const { responseId } = await bot.command('snapshot clusters');
    const answer = await waitUntil(
      'the answer to clusters',
      async () => bot?.responsesTo(responseId).find((post) => readable(post.body).includes('*b* —')),
      { timeoutMs: 20_000 },
    );
    const seconds = (Date.now() - started) / 1000;

    // Then the answer came within the deadline and a little more, with A's health and B said not to answer
    const text = readable(answer.body);
    const { a } = inject('rig').engines;
    expect(text).toMatch(new RegExp(`\\*a\\* — ${a.distribution} ${a.version.replaceAll('.', '\\.')}, (green|yellow)`));
    expect(text).toContain(HUNG_LINE[language]);
    expect(seconds).toBeGreaterThanOrEqual(4.5);
    expect(seconds).toBeLessThan(10);
  });
});
