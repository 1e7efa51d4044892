import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { planDigest, shortDigest } from '../../../src/core/plans/plan-digest.js';
import type { BackgroundTask } from '../../../src/ports/background-tasks.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../../../src/usecases/run-background-task.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { addDocs, createIndexWithDocs, indexExists, markerOf } from '../../rig/seed-indices.js';
import { itAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/**
 * An approval covers one plan: given indices approved for deletion or replacement, when they change on the
 * cluster between the approval and the worker, then nothing is touched, the job asks again with the difference
 * and fresh buttons, and a second approval runs the plan as it is now.
 */
describe('a plan re-checked just before its destructive step', () => {
  let bot: BotUnderTest;
  const indicesMade = new Set<string>();
  const realWorker = (task: BackgroundTask) => runBackgroundTask(bot.context, task);

  beforeAll(async () => {
    bot = await startBotUnderTest();
  });

  afterAll(async () => {
    await removeFromBothClusters(bot, indicesMade);
    await bot?.close();
  });

  async function given(cluster: 'a' | 'b', index: string, docs: number, marker: string) {
    indicesMade.add(index);
    await createIndexWithDocs(bot.clusters[cluster].directUrl, index, { docs, marker });
  }

  async function docCount(cluster: 'a' | 'b', index: string) {
    return (await bot.clusters[cluster].client.docCounts([index])).get(index);
  }

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  /** Approved jobs wait, as a queued job does when no worker has taken it yet, until `release`. */
  function holdTheWorker() {
    bot.tasks.runWith(async (task) => (task.type === 'run-job' ? undefined : realWorker(task)));
    onTestFinished(() => bot.tasks.runWith(realWorker));
    return { release: () => bot.tasks.runWith(realWorker) };
  }

  /** Runs poller ticks until the job is in `state`. */
  async function untilState(jobId: string, state: string, maxTicks = 60): Promise<Job> {
    for (let tick = 0; tick < maxTicks; tick += 1) {
      await bot.tasks.idle();
      const job = await bot.context.jobs.get(jobId);
      if (job?.state === state) return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
      bot.clock.advance(1000);
      await pollActiveJobs(bot.context);
    }
    throw new Error(`job ${jobId} did not reach ${state} after ${maxTicks} ticks`);
  }

  async function requestAndApprove(text: string) {
    await bot.command(text, requesterId);
    const job = await bot.onlyActiveJob();
    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    return (await bot.context.jobs.get(job.id)) as Job;
  }

  it('keeps an index that grew after its deletion was approved, asks again with the difference, and deletes on the second approval', async () => {
    await given('a', 'vp-orders', 12, 'approved');
    const worker = holdTheWorker();
    const approved = await requestAndApprove('snapshot delete-index a vp-orders');
    const approvedMessage = readable(channelMessage(approved.messageTs)?.blocks);

    await addDocs(bot.clusters.a.directUrl, 'vp-orders', 88, 12);
    worker.release();
    await bot.context.tasks.dispatch({ type: 'run-job', jobId: approved.id });
    const asked = await untilState(approved.id, JobState.PENDING_APPROVAL);
    const message = channelMessage(asked.messageTs);

    expect(approved.state).toBe(JobState.QUEUED);
    expect(approvedMessage).toContain(`Plan \`${shortDigest(planDigest(approved.plan))}\``);
    expect(await indexExists(bot.clusters.a.directUrl, 'vp-orders')).toBe(true);
    expect(await docCount('a', 'vp-orders')).toBe(100);
    expect(readable(message?.blocks)).toContain('`vp-orders`: approved 12 docs, now 100');
    expect(readable(message?.blocks)).toContain('• `vp-orders` — 100 docs');
    expect(readable(message?.blocks)).toContain('Approvals: 0 of 1');
    expect(readable(message?.blocks)).toContain(`Plan \`${shortDigest(planDigest(asked.plan))}\``);
    expect(planDigest(asked.plan)).not.toBe(planDigest(approved.plan));
    expect(JSON.stringify(message?.blocks)).toContain('job.approve');
    expect(threadReplies(asked.messageTs).map((reply) => reply.text)).toContainEqual(
      expect.stringContaining('Stopped before “Delete the indices” on a, nothing touched'),
    );
    expect(asked.history.map((entry) => entry.event)).toEqual(['requested', 'approved', 'started', 'replanned']);
    expect(bot.clusters.a.gateway.requests.filter((request) => request.method === 'DELETE')).toEqual([]);

    await bot.click(asked, 'approve', approverId);
    const ended = await bot.untilEnded(asked.id);

    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await indexExists(bot.clusters.a.directUrl, 'vp-orders')).toBe(false);
    expect(ended.approval?.approvals.map((approval) => approval.digest)).toEqual([
      planDigest(approved.plan),
      planDigest(asked.plan),
    ]);
  });

  it('keeps an index deleted and created again under its name after approval: another UUID is another index', async () => {
    await given('a', 'vp-carts', 12, 'approved');
    const worker = holdTheWorker();
    const approved = await requestAndApprove('snapshot delete-index a vp-carts');
    const approvedUuid = approved.plan.kind === 'index-delete' ? approved.plan.indices[0]?.uuid : undefined;

    await given('a', 'vp-carts', 12, 'recreated');
    worker.release();
    await bot.context.tasks.dispatch({ type: 'run-job', jobId: approved.id });
    const asked = await untilState(approved.id, JobState.PENDING_APPROVAL);
    const text = readable(channelMessage(asked.messageTs)?.blocks);

    expect(approvedUuid).toMatch(/.+/);
    expect(text).toContain(`\`vp-carts\`: another index of that name`);
    expect(text).toContain(`approved \`${approvedUuid}\``);
    expect(await markerOf(bot.clusters.a.directUrl, 'vp-carts')).toBe('recreated');
    expect(await docCount('a', 'vp-carts')).toBe(12);

    await bot.click(asked, 'reject', approverId);
    await bot.tasks.idle();

    expect((await bot.context.jobs.get(asked.id))?.state).toBe(JobState.REJECTED);
    expect(await docCount('a', 'vp-carts')).toBe(12);
  });

  itAcrossClusters(
    'stops a migration with replace before deleting on B when the target to replace grew, and replaces it after the second approval',
    async () => {
      await given('a', 'vp-stock', 30, 'from-a');
      await given('b', 'vp-stock', 5, 'old-b');
      const worker = holdTheWorker();
      const approved = await requestAndApprove('snapshot migrate a b indices=vp-stock replace');

      await addDocs(bot.clusters.b.directUrl, 'vp-stock', 4, 5);
      worker.release();
      await bot.context.tasks.dispatch({ type: 'run-job', jobId: approved.id });
      const asked = await untilState(approved.id, JobState.PENDING_APPROVAL);
      const text = readable(channelMessage(asked.messageTs)?.blocks);

      expect(text).toContain('Changed since it was approved');
      expect(text).toContain('`vp-stock`: approved 5 docs, now 9');
      expect(text).toContain(':warning: *Deletes on b:*\n• `vp-stock` — 9 docs');
      expect(asked.steps.map((step) => `${step.name}@${step.cluster}:${step.status}`)).toEqual([
        'register-repository@a:done',
        'register-repository@b:done',
        'start-snapshot@a:done',
        'await-snapshot@a:done',
        'delete-indices@b:pending',
        'start-restore@b:pending',
        'await-restore@b:pending',
        'verify-doc-counts@b:pending',
      ]);
      expect(await docCount('b', 'vp-stock')).toBe(9);
      expect(await markerOf(bot.clusters.b.directUrl, 'vp-stock')).toBe('old-b');

      await bot.click(asked, 'approve', approverId);
      const ended = await bot.untilEnded(asked.id);

      expect(ended.state).toBe(JobState.SUCCEEDED);
      expect(await docCount('b', 'vp-stock')).toBe(30);
      expect(await markerOf(bot.clusters.b.directUrl, 'vp-stock')).toBe('from-a');
    },
  );

  itAcrossClusters(
    'ends a migration before its restore when a rename target was created after approval without replace: nothing to approve',
    async () => {
      await given('a', 'vp-prices', 8, 'from-a');
      await given('b', 'vp-prices', 2, 'old-b');
      const worker = holdTheWorker();
      const approved = await requestAndApprove('snapshot migrate a b indices=vp-prices rename=(.+):$1-copy');
      indicesMade.add('vp-prices-copy');

      await given('b', 'vp-prices-copy', 3, 'writer');
      worker.release();
      await bot.context.tasks.dispatch({ type: 'run-job', jobId: approved.id });
      const ended = await bot.untilEnded(approved.id);

      expect(approved.state).toBe(JobState.QUEUED);
      expect(ended.state).toBe(JobState.FAILED);
      expect(ended.steps.find((step) => step.name === 'start-restore')?.detail).toContain(
        '"vp-prices-copy" already exists on b',
      );
      expect(await markerOf(bot.clusters.b.directUrl, 'vp-prices-copy')).toBe('writer');
      expect(await docCount('b', 'vp-prices-copy')).toBe(3);
    },
  );
});
