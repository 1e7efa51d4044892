import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { isFinal, JobState } from '../../../src/core/jobs/job-states.js';
import { awaitsTelling } from '../../../src/core/jobs/outcome-telling.js';
import type { BotContext } from '../../../src/usecases/bot-context.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, deleteIndexDirectly, markerOf } from '../../rig/seed-indices.js';
import { describeAcrossClusters } from '../bot/across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { dyingWorkerStore, type KillPoint } from './dying-worker.js';
import { familyTally } from './family-tally.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;
const INDICES = ['fault-orders', 'fault-users'];

/** The worker's own records of a run: not the approval click's, which happens in the Slack function. */
function isRunRecord(_method: string, [job]: unknown[]): boolean {
  const state = (job as Job | undefined)?.state;
  return state !== JobState.PENDING_APPROVAL && state !== JobState.QUEUED;
}

type DestructiveCounts = { snapshots: number; deletes: number; restores: number };

describeAcrossClusters('faults through the real worker and the real clusters', () => {
  let bot: BotUnderTest;
  let dying: ReturnType<typeof dyingWorkerStore>;
  const tally = familyTally('faults', 'ended right, nothing destructive twice, channel told');

  beforeAll(async () => {
    bot = await startBotUnderTest({
      jobStoreThrough: (store) => {
        dying = dyingWorkerStore(store, isRunRecord);
        return dying.store;
      },
    });
  });

  afterAll(async () => {
    tally.print();
    await bot?.close();
  });

  async function freshIndices() {
    for (const index of INDICES) {
      await deleteIndexDirectly(bot.clusters.a.directUrl, index);
      await deleteIndexDirectly(bot.clusters.b.directUrl, index);
    }
    await createIndexWithDocs(bot.clusters.a.directUrl, 'fault-orders', { docs: 12, marker: 'from-a' });
    await createIndexWithDocs(bot.clusters.a.directUrl, 'fault-users', { docs: 7, marker: 'from-a' });
    await createIndexWithDocs(bot.clusters.b.directUrl, 'fault-orders', { docs: 3, marker: 'old-b' });
  }

  /**
   * Runs poller ticks (a second each) until the job ends. When the worker has died, a new process takes over once
   * its lease has run out: same table, clusters and Slack, another worker id.
   */
  async function untilEnded(jobId: string, maxTicks = 80): Promise<Job> {
    let context: BotContext = bot.context;
    for (let tick = 0; tick < maxTicks; tick += 1) {
      await bot.tasks.idle();
      if (dying.dead) {
        dying.revive();
        bot.clock.advance(bot.context.leaseMs + 1000);
        context = { ...bot.context, workerId: `worker-restarted-${tick}` };
      }
      const job = await bot.store.get(jobId);
      if (job !== undefined && isFinal(job.state) && !awaitsTelling(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, 150));
      bot.clock.advance(1000);
      await pollActiveJobs(context);
    }
    const job = await bot.store.get(jobId);
    const steps = job?.steps.map((step) => `${step.name}:${step.status}`).join(' ');
    const last = job?.history.slice(-3).map((entry) => `${entry.event} ${entry.detail ?? ''}`);
    throw new Error(
      `job ${jobId} did not end after ${maxTicks} ticks: ${job?.state} ${steps} ${last?.join(' | ')} ${JSON.stringify(job?.replan)}`,
    );
  }

  /** The cluster's own successful answers to destructive calls since `from` (the gateway records each one). */
  function destructiveSince(from: { a: number; b: number }, job: Job): DestructiveCounts {
    const on = (cluster: 'a' | 'b') => bot.clusters[cluster].gateway.requests.slice(from[cluster]);
    const ok = (status: number) => status >= 200 && status < 300;
    const snapshot = job.plan.kind === 'migrate' ? job.plan.snapshot : '';
    return {
      snapshots: on('a').filter((r) => r.method === 'PUT' && r.path.endsWith(`/${snapshot}`) && ok(r.status)).length,
      deletes: on('b').filter((r) => r.method === 'DELETE' && r.path === '/fault-orders' && ok(r.status)).length,
      restores: on('b').filter((r) => r.method === 'POST' && r.path.endsWith('/_restore') && ok(r.status)).length,
    };
  }

  async function migrateDyingAt(n: number | undefined, point: KillPoint) {
    await freshIndices();
    await bot.command('snapshot migrate a b indices=fault-* replace', requesterId);
    const job = await bot.onlyActiveJob();
    const from = { a: bot.clusters.a.gateway.requests.length, b: bot.clusters.b.gateway.requests.length };
    const recordsBefore = dying.records;
    if (n !== undefined) dying.killAt(n, point);
    await bot.click(job, 'approve', approverId);
    const deathsBefore = dying.deaths;
    const ended = await untilEnded(job.id);
    const inChannel = bot.slack.messages(channelId);
    const shown = inChannel.find((message) => message.ts === ended.messageTs)?.text;
    const outcomes = inChannel.filter(
      (message) => message.thread_ts === ended.messageTs && /succeeded in/.test(message.text ?? ''),
    );
    const died = dying.deaths === deathsBefore + 1;
    // Slack and the table take no common write: a worker that dies after telling and before recording it is told
    // again by the poller. Said twice, never lost.
    const toldTwice = died && point === 'before-record' && (dying.killedRecord as Job).outcomeTold === true;
    return {
      ended,
      died,
      replies: toldTwice ? 2 : 1,
      records: dying.records - recordsBefore,
      counts: destructiveSince(from, ended),
      told: `${shown} (${outcomes.length} outcome replies)`,
      marker: await markerOf(bot.clusters.b.directUrl, 'fault-orders'),
    };
  }

  it('ends a migration once and right wherever its worker dies, before or after each record', async () => {
    const clean = await migrateDyingAt(undefined, 'before-record');
    expect(clean.ended.state).toBe(JobState.SUCCEEDED);
    const outcomes: string[] = [];
    // How many records a run writes depends on how many ticks it waits for the clusters: each point is swept until a
    // run ends before its worker's death comes due.
    for (const point of ['before-record', 'after-record'] as const) {
      for (let n = 1, died = true; died && n <= 3 * clean.records; n += 1) {
        const run = await migrateDyingAt(n, point);
        died = run.died;
        const right =
          run.ended.state === JobState.SUCCEEDED &&
          run.counts.snapshots === 1 &&
          run.counts.deletes <= 1 &&
          run.counts.restores === 1 &&
          run.marker === 'from-a' &&
          run.told === `Migration on a → b: Succeeded (${run.replies} outcome replies)`;
        tally.record(right);
        if (!right) outcomes.push(`${point} #${n}: ${run.ended.state} ${JSON.stringify(run.counts)} ${run.told}`);
        if (!died) expect(n).toBeGreaterThan(clean.records / 2);
      }
    }
    expect(outcomes).toEqual([]);
  }, 300_000);
});
