import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { engineNameOf, readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/** `OpenSearch 2.19.6` → its engine and numbers, to tell which way the rig's pair goes. */
function parsed(name: string): { engine: string; numbers: number[] } {
  const [engine = '', version = ''] = name.split(' ');
  return { engine, numbers: version.split(/[.-]/).slice(0, 3).map(Number) };
}

function escaped(text: string): string {
  return text.replaceAll('.', '\\.');
}

/**
 * Whether B cannot read an index made on A: B runs an older version of A's engine, or OpenSearch wrote it and B
 * is Elasticsearch. (Elasticsearch 7.10.2 → OpenSearch is the way forward, not another engine.)
 */
function intoOlder(engineA: string, engineB: string): boolean {
  const a = parsed(engineA);
  const b = parsed(engineB);
  if (a.engine !== b.engine) return a.engine === 'OpenSearch';
  const order = a.numbers.map((number, position) => number - (b.numbers[position] ?? 0)).find((each) => each !== 0);
  return (order ?? 0) > 0;
}

/**
 * A migration between the engines the rig runs, whichever pair that is: offered for approval with both engines
 * named when B reads what A wrote, and refused before approval, naming both versions, when B is older. The
 * refused direction (OpenSearch 2.19 → 1.3) is proven here, on real clusters.
 */
describe('a migration between the engines of the pair', () => {
  let bot: BotUnderTest;
  const index = `ed-${randomBytes(3).toString('hex')}-orders`;

  beforeAll(async () => {
    bot = await startBotUnderTest();
    await createIndexWithDocs(bot.clusters.a.directUrl, index, { docs: 5, marker: 'on-a' });
  });

  afterAll(async () => {
    await removeFromBothClusters(bot, [index]);
    await bot?.close();
  });

  it('is offered when B reads what A wrote, and refused before approval when B is older', async () => {
    // Prepare
    const [engineA, engineB] = await Promise.all([
      engineNameOf(bot.clusters.a.directUrl),
      engineNameOf(bot.clusters.b.directUrl),
    ]);

    // Act
    const { responseId } = await bot.command(`snapshot migrate a b indices=${index}`, requesterId);
    await bot.tasks.idle();
    const pending = (await bot.context.jobs.listActive()).filter((job) => job.state === JobState.PENDING_APPROVAL);
    const reply = readable(bot.responsesTo(responseId)[0]?.body);
    const approval = readable(bot.slack.messages(channelId).find((message) => message.ts === pending[0]?.messageTs));
    for (const job of pending) await bot.click(job, 'reject', approverId);
    await bot.tasks.idle();

    // Assess
    if (intoOlder(engineA, engineB)) {
      expect(pending).toHaveLength(0);
      expect(reply).toMatch(new RegExp(`✗ \`${index}\` .*${escaped(engineA)}.*${escaped(engineB)}`));
    } else {
      expect(pending).toHaveLength(1);
      expect(approval).toContain(`*Engines:* a runs ${engineA}, b runs ${engineB}`);
      expect(approval).toContain(`✓ ${engineB} reads indices written by ${engineA}`);
    }
  });
});
