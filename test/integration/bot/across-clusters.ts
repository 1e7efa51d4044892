import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { engineLabel } from '../../../src/local/engines/engine.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { bRestoresA, refusalLine } from '../../rig/engine-pair.js';
import { createIndexWithDocs, deleteIndexDirectly, indexExists } from '../../rig/seed-indices.js';
import { startBotUnderTest } from './bot-under-test.js';
import { readable } from './channel-and-clusters.js';

function pairLabel(): string {
  const { engines } = inject('rig');
  return `${engineLabel(engines.a)} → ${engineLabel(engines.b)}`;
}

/** Asks the bot to migrate an index of A to B, which cannot read it, and checks the refusal. */
async function assertMigrationRefused(): Promise<void> {
  // Prepare
  const { engines } = inject('rig');
  const bot = await startBotUnderTest();
  const index = `refused-${randomBytes(3).toString('hex')}`;
  onTestFinished(async () => {
    await deleteIndexDirectly(bot.clusters.a.directUrl, index);
    await bot.close();
  });
  await createIndexWithDocs(bot.clusters.a.directUrl, index, { docs: 3, marker: 'on-a' });

  // Act
  const { responseId } = await bot.command(`snapshot migrate a b indices=${index}`, SLACK_TEST_IDS.requesterId);
  await bot.tasks.idle();
  const reply = readable(bot.responsesTo(responseId)[0]?.body);

  // Assess
  expect(reply).toContain('the preflight refuses this request: Migration on b would fail');
  expect(reply).toContain(refusalLine(engines, index));
  expect(await bot.context.jobs.listActive()).toEqual([]);
  expect(await indexExists(bot.clusters.b.directUrl, index)).toBe(false);
}

/**
 * A describe whose tests restore on B what A wrote (migrations, restores across the clusters). On a pair whose B
 * cannot read A (a newer A than B), what they would prove is that the bot never gets that far: the describe then
 * holds one test that the preflight refuses the migration before approval, with its exact words.
 */
function describeAcrossClusters(title: string, body: () => void): void {
  if (bRestoresA(inject('rig').engines)) {
    describe(title, body);
    return;
  }
  describe(`${title} (${pairLabel()}, which B cannot read)`, () => {
    it('is refused by the preflight before approval, naming both versions, and nothing runs', assertMigrationRefused);
  });
}

/**
 * One such test in a file whose other tests run on any pair: on a pair whose B cannot read A it proves the
 * preflight's refusal instead, under the same title.
 */
function itAcrossClusters(title: string, test: () => Promise<void>, timeoutMs?: number): void {
  const { engines } = inject('rig');
  if (bRestoresA(engines)) {
    it(title, test, timeoutMs);
    return;
  }
  it(`${title}: refused before approval, as B cannot read A (${pairLabel()})`, assertMigrationRefused);
}

export { describeAcrossClusters, itAcrossClusters };
