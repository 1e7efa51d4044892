import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, indexExists, markerOf } from '../../rig/seed-indices.js';
import { itAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/** The system index the job scheduler plugin keeps, which a wildcard like `*-*` reaches (FACTS.md G). */
const SCHEDULER_LOCK = '.opendistro-job-scheduler-lock';

/**
 * Restores and migrations through the bot leave system, protected and hidden indices out of the plan and say so on
 * the approval message; `indices=` takes the engines' `-pattern` exclusions, resolved to exact names.
 */
describe('indices left out of restores and migrations', () => {
  let bot: BotUnderTest;
  const tag = `lo${randomBytes(3).toString('hex')}`;
  /** Every index this file makes, on either cluster: removed from both at the end. */
  const indicesMade = new Set<string>();
  let madeSchedulerLock = false;

  beforeAll(async () => {
    bot = await startBotUnderTest();
  });

  afterAll(async () => {
    if (madeSchedulerLock) indicesMade.add(SCHEDULER_LOCK);
    await removeFromBothClusters(bot, indicesMade);
    await bot?.close();
  });

  async function given(cluster: 'a' | 'b', index: string, docs: number, options: { hidden?: boolean } = {}) {
    indicesMade.add(index);
    await createIndexWithDocs(bot.clusters[cluster].directUrl, index, { docs, marker: 'before', ...options });
  }

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  async function docCount(cluster: 'a' | 'b', index: string) {
    return (await bot.clusters[cluster].client.docCounts([index])).get(index);
  }

  async function request(text: string) {
    await bot.command(text, requesterId);
    const job = await bot.onlyActiveJob();
    return { job, approval: readable(channelMessage(job.messageTs)?.blocks) };
  }

  it('restores the rest of a full snapshot and lists the system and hidden indices it left out', async () => {
    // Given cluster A with two data indices, a hidden one, a Dashboards index and the scheduler's lock index
    await given('a', `${tag}-orders`, 30);
    await given('a', `${tag}-users`, 20);
    await given('a', `${tag}-audit`, 5, { hidden: true });
    await given('a', `.kibana_${tag}`, 1);
    if (!(await indexExists(bot.clusters.a.directUrl, SCHEDULER_LOCK))) {
      madeSchedulerLock = true;
      await createIndexWithDocs(bot.clusters.a.directUrl, SCHEDULER_LOCK, { docs: 1 });
    }
    // and a full snapshot of A, taken through the bot
    const snapshot = `${tag}-full`;
    const created = await bot.requestJob(`snapshot create a ${bot.repository} ${snapshot}`);
    const taken = await bot.untilEnded(created.id);
    const held = await bot.clusters.a.client.getSnapshot(bot.repository, snapshot);
    // and the data indices changed since
    await given('a', `${tag}-orders`, 2);

    // When the requester restores everything of theirs from it, replacing what A holds now, and it is approved
    const { job, approval } = await request(
      `snapshot restore a ${bot.repository} ${snapshot} indices=*${tag}*,${SCHEDULER_LOCK} replace`,
    );
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    // Then the snapshot held every index, the approval said what it would leave out and why
    expect(taken.state).toBe(JobState.SUCCEEDED);
    expect(held.indices).toEqual(
      expect.arrayContaining([`${tag}-orders`, `${tag}-users`, `${tag}-audit`, `.kibana_${tag}`, SCHEDULER_LOCK]),
    );
    expect(approval).toContain(
      `*Restores on a:*\n• \`${tag}-orders\`\n• \`${tag}-users\`\n*Left out (3), not restored:*`,
    );
    expect(approval).toContain(
      `• \`.kibana_${tag}\` — system index (matches \`.kibana*\`): the managed service refuses to restore it`,
    );
    expect(approval).toContain(
      `• \`${SCHEDULER_LOCK}\` — system index (matches \`.opendistro*\`): the managed service refuses to restore it`,
    );
    expect(approval).toContain(`• \`${tag}-audit\` — hidden index (index.hidden: true)`);
    // and the restore brought back the rest, leaving the hidden and system indices as they were
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.plan).toMatchObject({
      restores: [
        { index: `${tag}-orders`, target: `${tag}-orders` },
        { index: `${tag}-users`, target: `${tag}-users` },
      ],
    });
    expect(await docCount('a', `${tag}-orders`)).toBe(30);
    expect(await docCount('a', `${tag}-users`)).toBe(20);
    expect(await docCount('a', `${tag}-audit`)).toBe(5);
    expect(await bot.clusters.a.client.hiddenIndices()).toContain(`${tag}-audit`);
    const refusals = bot.clusters.a.gateway.requests.filter((entry) => entry.status === 403);
    expect(refusals).toEqual([]);
  });

  it('refuses a restore that names only indices it would leave out, saying why', async () => {
    // Given the full snapshot of the case above
    const snapshot = `${tag}-full`;

    // When the requester asks for the hidden and system indices alone
    const { responseId } = await bot.command(
      `snapshot restore a ${bot.repository} ${snapshot} indices=.kibana_${tag},${SCHEDULER_LOCK},${tag}-audit`,
      requesterId,
    );
    await bot.tasks.idle();

    // Then nothing is planned, and the answer names each index with its reason
    const answer = JSON.stringify(bot.responsesTo(responseId).map((post) => post.body));
    expect(answer).toContain('everything indices= reaches is left out');
    expect(answer).toContain(`.kibana_${tag}`);
    expect(answer).toContain('system index (matches `.opendistro*`)');
    expect(answer).toContain(`${tag}-audit\` — hidden index`);
    expect(await bot.context.jobs.listActive()).toEqual([]);
  });

  itAcrossClusters(
    'migrates exactly the names a pattern with an exclusion reaches, leaving the hidden index on A',
    async () => {
      // Given cluster A with application, debug and hidden indices under one prefix
      const prefix = `${tag}x`;
      await given('a', `${prefix}-app`, 7);
      await given('a', `${prefix}-web`, 9);
      await given('a', `${prefix}-debug-1`, 3);
      await given('a', `${prefix}-debug-2`, 4);
      await given('a', `${prefix}-quiet`, 2, { hidden: true });

      // When the requester migrates everything but the debug indices to B, and it is approved
      const { job, approval } = await request(`snapshot migrate a b indices=${prefix}-*,-${prefix}-debug-*`);
      await bot.click(job, 'approve', approverId);
      const ended = await bot.untilEnded(job.id);

      // Then the plan held exactly the two names, and said it left the hidden one out
      expect(job.plan).toMatchObject({
        indices: [
          { index: `${prefix}-app`, docsCount: 7 },
          { index: `${prefix}-web`, docsCount: 9 },
        ],
        leftOut: [{ index: `${prefix}-quiet`, reason: 'hidden' }],
      });
      expect(approval).toContain(`*Snapshots on a:*\n• \`${prefix}-app\` — 7 docs, `);
      expect(approval).toContain(
        `*Left out (1), not restored:*\n• \`${prefix}-quiet\` — hidden index (index.hidden: true)`,
      );
      expect(approval).not.toContain(`${prefix}-debug`);
      // and the snapshot was taken of those exact names, and B holds them and nothing else of the prefix
      expect(ended.state).toBe(JobState.SUCCEEDED);
      const snapshot = ended.plan.kind === 'migrate' ? ended.plan.snapshot : '';
      const taken = await bot.clusters.a.client.getSnapshot(bot.repository, snapshot);
      expect(taken.indices).toEqual([`${prefix}-app`, `${prefix}-web`]);
      expect(await docCount('b', `${prefix}-app`)).toBe(7);
      expect(await docCount('b', `${prefix}-web`)).toBe(9);
      for (const absent of [`${prefix}-debug-1`, `${prefix}-debug-2`, `${prefix}-quiet`]) {
        indicesMade.add(absent);
        expect(await indexExists(bot.clusters.b.directUrl, absent)).toBe(false);
      }
      expect(await markerOf(bot.clusters.b.directUrl, `${prefix}-app`)).toBe('before');
    },
  );

  it('deletes what a wildcard reaches but the hidden index it skips, and says it does not delete that one', async () => {
    // Given cluster A with an old index and a hidden one under one prefix
    const prefix = `${tag}d`;
    await given('a', `${prefix}-old`, 3);
    await given('a', `${prefix}-quiet`, 2, { hidden: true });

    // When the requester deletes the prefix, and it is approved
    const { job, approval } = await request(`snapshot delete-index a ${prefix}-*`);
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    // Then the approval said what goes and what stays, and only the old index is gone
    expect(approval).toContain(`:warning: *Deletes on a:*\n• \`${prefix}-old\` — 3 docs, `);
    expect(approval).toContain(
      `*Not deleted (1): wildcards skip hidden indices, as the engines do; name one exactly to delete it:*\n• \`${prefix}-quiet\` — hidden index (index.hidden: true)`,
    );
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await indexExists(bot.clusters.a.directUrl, `${prefix}-old`)).toBe(false);
    expect(await docCount('a', `${prefix}-quiet`)).toBe(2);
  });

  it('refuses a deletion that reaches a system index, naming it and how to leave it out', async () => {
    // Given the Dashboards index of the first case
    // When the requester deletes a list that reaches it
    const { responseId } = await bot.command(`snapshot delete-index a ${tag}-users,.kibana_${tag}`, requesterId);
    await bot.tasks.idle();

    // Then nothing is planned, and both indices are still there
    const answer = JSON.stringify(bot.responsesTo(responseId).map((post) => post.body));
    expect(answer).toContain(`index \\".kibana_${tag}\\" is protected (matches \\".kibana*\\") and is never deleted`);
    expect(answer).toContain('logs-*,-logs-keep');
    expect(await bot.context.jobs.listActive()).toEqual([]);
    expect(await indexExists(bot.clusters.a.directUrl, `.kibana_${tag}`)).toBe(true);
    expect(await indexExists(bot.clusters.a.directUrl, `${tag}-users`)).toBe(true);
  });
});
