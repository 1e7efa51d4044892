import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { BackgroundTask } from '../../../src/ports/background-tasks.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../../../src/usecases/run-background-task.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, indexExists, markerOf } from '../../rig/seed-indices.js';
import { describeAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { engineNameOf, readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/** The steps of a migration from A to B that replaces indices on B, in the order the runbook takes them. */
const REPLACING_MIGRATION_STEPS = [
  { name: 'register-repository', cluster: 'a' },
  { name: 'register-repository', cluster: 'b' },
  { name: 'start-snapshot', cluster: 'a' },
  { name: 'await-snapshot', cluster: 'a' },
  { name: 'delete-indices', cluster: 'b' },
  { name: 'start-restore', cluster: 'b' },
  { name: 'await-restore', cluster: 'b' },
  { name: 'verify-doc-counts', cluster: 'b' },
];

/** The same steps as a person reads them on the job's message (the catalog's English words). */
const REPLACING_MIGRATION_STEP_LINES = [
  'Register the repository (a)',
  'Register the repository (b)',
  'Start the snapshot (a)',
  'Wait for the snapshot (a)',
  'Delete the indices (b)',
  'Start the restore (b)',
  'Wait for the restore (b)',
  'Compare document counts (b)',
];

/** Each kind of step of that migration, in the catalog's words, and how many times the runbook takes it. */
const STEP_KINDS_OF_A_REPLACING_MIGRATION = {
  'Register the repository': 2,
  'Start the snapshot': 1,
  'Wait for the snapshot': 1,
  'Delete the indices': 1,
  'Start the restore': 1,
  'Wait for the restore': 1,
  'Compare document counts': 1,
};

function occurrences(text: string, words: string): number {
  return text.split(words).length - 1;
}

function snapshotOf(job: Job): string {
  if (job.plan.kind !== 'migrate') throw new Error(`job ${job.id} is a ${job.plan.kind}, not a migration`);
  return job.plan.snapshot;
}

/**
 * `/es snapshot migrate` from the channel: clusters A and B with indices, the one approval, and what the channel and
 * both clusters show after the whole runbook has run.
 */
describeAcrossClusters('migrating indices from cluster A to cluster B', () => {
  let bot: BotUnderTest;
  /** Every index name this file makes on either cluster, restored copies included: removed from both at the end. */
  const indicesMade = new Set<string>();

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

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  function requestsToB(method: string, path: string | RegExp) {
    return bot.clusters.b.gateway.requests.filter(
      (request) =>
        request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
    );
  }

  async function docCount(cluster: 'a' | 'b', index: string) {
    return (await bot.clusters[cluster].client.docCounts([index])).get(index);
  }

  /** Types the command as the requester; returns the job waiting for approval and its message as first posted. */
  async function requestMigration(text: string) {
    const { response } = await bot.command(text, requesterId);
    const job = await bot.onlyActiveJob();
    return { response, job, approvalMessage: channelMessage(job.messageTs) };
  }

  it('replaces an index on B with A’s copy after one approval, step by step, and tells on-call once', async () => {
    await given('a', 'shop-orders', 40, 'from-a');
    await given('a', 'shop-customers', 25, 'from-a');
    await given('b', 'shop-orders', 3, 'old-b');

    const { response, job, approvalMessage } = await requestMigration('snapshot migrate a b indices=shop-* replace');
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    expect(response.statusCode).toBe(200);
    expect(job.state).toBe(JobState.PENDING_APPROVAL);
    expect(approvalMessage?.text).toBe('Approval needed: Migration on a → b');
    const approval = readable(approvalMessage?.blocks);
    expect(approval).toContain('*Snapshots on a:*\n• `shop-customers` — 25 docs');
    expect(approval).toContain('• `shop-orders` — 40 docs');
    expect(approval).toContain(':warning: *Deletes on b:*\n• `shop-orders` — 3 docs');
    const [engineA, engineB] = await Promise.all([
      engineNameOf(bot.clusters.a.directUrl),
      engineNameOf(bot.clusters.b.directUrl),
    ]);
    expect(approval).toContain(`*Engines:* a runs ${engineA}, b runs ${engineB}`);
    if (engineA === engineB) expect(approval).not.toContain(`${engineA} → ${engineB}`);
    else expect(approval).toContain(`:arrow_up: ${engineA} → ${engineB}: indices are read by the newer engine`);
    expect(JSON.stringify(approvalMessage?.blocks)).toContain('job.approve');
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.steps.map(({ name, cluster, status }) => ({ name, cluster, status }))).toEqual(
      REPLACING_MIGRATION_STEPS.map((step) => ({ ...step, status: 'done' })),
    );
    expect(await markerOf(bot.clusters.b.directUrl, 'shop-orders')).toBe('from-a');
    expect(await docCount('b', 'shop-orders')).toBe(40);
    expect(await docCount('b', 'shop-customers')).toBe(25);
    const writesOnB = bot.clusters.b.gateway.requests
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${request.path}`);
    expect(writesOnB).toEqual([
      `PUT /_snapshot/${bot.repository}`,
      `POST /_snapshot/${bot.repository}/_verify`,
      'DELETE /shop-orders',
      `POST /_snapshot/${bot.repository}/${snapshotOf(ended)}/_restore`,
    ]);
    const finalMessage = channelMessage(ended.messageTs);
    expect(finalMessage?.text).toBe('Migration on a → b: Succeeded');
    const final = readable(finalMessage?.blocks);
    for (const line of REPLACING_MIGRATION_STEP_LINES) expect(final).toContain(`:white_check_mark: ${line}`);
    expect(final).toContain('doc counts equal: shop-customers 25/25, shop-orders 40/40');
    expect(final).toContain('Approved by <@U0APPROVER>');
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:white_check_mark: Migration succeeded in .*\n<@U0ONCALL>$/),
    ]);
  });

  it('lists every step of the runbook on the approval message, before anyone approves', async () => {
    await given('a', 'plan-orders', 4, 'from-a');
    await given('b', 'plan-orders', 2, 'old-b');

    const { job, approvalMessage } = await requestMigration('snapshot migrate a b indices=plan-orders replace');
    await bot.click(job, 'reject', approverId);
    await bot.tasks.idle();

    const approval = readable(approvalMessage?.blocks);
    const stepsShown = Object.fromEntries(
      Object.keys(STEP_KINDS_OF_A_REPLACING_MIGRATION).map((words) => [words, occurrences(approval, words)]),
    );
    expect(stepsShown).toEqual(STEP_KINDS_OF_A_REPLACING_MIGRATION);
  });

  it('restores beside B’s own index under the new name, leaving B’s index untouched', async () => {
    await given('a', 'logs-2026.11.01', 30, 'from-a');
    await given('a', 'logs-2026.11.02', 12, 'from-a');
    await given('b', 'logs-2026.11.01', 5, 'old-b');
    indicesMade.add('moved-logs-2026.11.01').add('moved-logs-2026.11.02');

    const { job, approvalMessage } = await requestMigration(
      'snapshot migrate a b indices=logs-2026.11.* rename=(.+):moved-$1',
    );
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    const approval = readable(approvalMessage?.blocks);
    expect(approval).toContain('*Rename:* `(.+)` → `moved-$1`');
    expect(approval).toContain('• `logs-2026.11.01` → `moved-logs-2026.11.01`');
    expect(approval).toContain('• `logs-2026.11.02` → `moved-logs-2026.11.02`');
    expect(approval).not.toContain('Deletes on b');
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.steps.map((step) => step.name)).not.toContain('delete-indices');
    expect(await docCount('b', 'moved-logs-2026.11.01')).toBe(30);
    expect(await docCount('b', 'moved-logs-2026.11.02')).toBe(12);
    expect(await markerOf(bot.clusters.b.directUrl, 'moved-logs-2026.11.01')).toBe('from-a');
    expect(await docCount('b', 'logs-2026.11.01')).toBe(5);
    expect(await markerOf(bot.clusters.b.directUrl, 'logs-2026.11.01')).toBe('old-b');
    expect(await indexExists(bot.clusters.b.directUrl, 'logs-2026.11.02')).toBe(false);
    expect(requestsToB('DELETE', /^\/logs-/)).toHaveLength(0);
    expect(readable(channelMessage(ended.messageTs)?.blocks)).toContain(
      'doc counts equal: moved-logs-2026.11.01 30/30, moved-logs-2026.11.02 12/12',
    );
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Migration succeeded in .*\n<@U0ONCALL>$/),
    ]);
  });

  /**
   * A worker that dies at the worst moment: B's indices are deleted and the restore has not started. Throwing from
   * the client would not do: the worker catches what a step throws (an error fails the job; an unreachable cluster
   * gives the lease back and warns on-call). A killed Lambda just stops, so here B's `restore` never returns: every
   * step before it ran against the real clusters and was recorded, and the lease stays in the table. This worker
   * is the in-process one (the approval click starts it) plus the ticks of that same process, driven by the test;
   * once it is dead, the real poller takes over, as on AWS.
   */
  function workerThatDiesOnItsWayToRestore() {
    let dead = false;
    let die: () => void = () => undefined;
    const death = new Promise<void>((resolve) => {
      die = () => {
        dead = true;
        resolve();
      };
    });
    const real = bot.context.clusters;
    const dyingB: ClusterClient = {
      ...(real.get('b') as ClusterClient),
      restore: () => {
        die();
        return new Promise<never>(() => undefined);
      },
    };
    const clusterFor = (alias: string) => (alias === 'b' ? dyingB : (real.get(alias) as ClusterClient));
    return {
      isDead: () => dead,
      /** One run of the worker: resolves when it gives the job back or dies (the killed run itself never ends). */
      run: (jobId: string) => Promise.race([runJob(bot.context, jobId, { clusterFor }), death]),
    };
  }

  it('finishes the job after the worker dies between the delete and the restore on B, deleting once', async () => {
    await given('a', 'crm-accounts', 20, 'from-a');
    await given('a', 'crm-contacts', 35, 'from-a');
    await given('b', 'crm-accounts', 2, 'old-b');
    await given('b', 'crm-contacts', 7, 'old-b');
    const worker = workerThatDiesOnItsWayToRestore();
    const realWorker = (task: BackgroundTask) => runBackgroundTask(bot.context, task);
    bot.tasks.runWith((task) => (task.type === 'run-job' ? worker.run(task.jobId) : realWorker(task)));
    onTestFinished(() => bot.tasks.runWith(realWorker));
    const { job } = await requestMigration('snapshot migrate a b indices=crm-* replace');

    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    for (let tick = 0; !worker.isDead() && tick < 50; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      bot.clock.advance(1000);
      await worker.run(job.id);
    }
    const diedAt = bot.clock.now();
    const atDeath = (await bot.context.jobs.get(job.id)) as Job;
    const onBAtDeath = {
      'crm-accounts': await indexExists(bot.clusters.b.directUrl, 'crm-accounts'),
      'crm-contacts': await indexExists(bot.clusters.b.directUrl, 'crm-contacts'),
    };
    bot.tasks.runWith(realWorker);
    await pollActiveJobs(bot.context);
    const afterATickWhileLeased = await bot.context.jobs.get(job.id);
    bot.clock.advance(bot.context.leaseMs);
    const ended = await bot.untilEnded(job.id);

    expect(worker.isDead()).toBe(true);
    expect(atDeath.state).toBe(JobState.RUNNING);
    expect(Date.parse(atDeath.lease?.until ?? '')).toBeGreaterThan(diedAt.getTime());
    expect(atDeath.steps.find((step) => step.name === 'delete-indices')?.status).toBe('done');
    // An approved destructive step is recorded as started before it acts: its successor knows it may have acted.
    expect(atDeath.steps.find((step) => step.name === 'start-restore')?.status).toBe('running');
    expect(onBAtDeath).toEqual({ 'crm-accounts': false, 'crm-contacts': false });
    expect(afterATickWhileLeased?.version).toBe(atDeath.version);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.history.map((entry) => entry.event)).toContain('resumed-after-worker-stopped');
    expect(await docCount('b', 'crm-accounts')).toBe(20);
    expect(await docCount('b', 'crm-contacts')).toBe(35);
    expect(await markerOf(bot.clusters.b.directUrl, 'crm-contacts')).toBe('from-a');
    expect(requestsToB('DELETE', '/crm-accounts')).toHaveLength(1);
    expect(requestsToB('DELETE', '/crm-contacts')).toHaveLength(1);
    expect(requestsToB('POST', `/_snapshot/${bot.repository}/${snapshotOf(ended)}/_restore`)).toHaveLength(1);
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Migration succeeded in .*\n<@U0ONCALL>$/),
    ]);
  });

  it('follows the restore through when the gateway answers its _restore with 504, and the counts match', async () => {
    await given('a', 'metrics-cpu', 50, 'from-a');
    await given('a', 'metrics-mem', 15, 'from-a');
    await given('b', 'metrics-cpu', 9, 'old-b');
    const { job } = await requestMigration('snapshot migrate a b indices=metrics-* replace');
    bot.clusters.b.gateway.answerNextWith504('restore');

    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    const restores = requestsToB('POST', `/_snapshot/${bot.repository}/${snapshotOf(ended)}/_restore`);
    expect(restores.map((request) => request.status)).toEqual([504]);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await docCount('b', 'metrics-cpu')).toBe(50);
    expect(await docCount('b', 'metrics-mem')).toBe(15);
    expect(await docCount('a', 'metrics-cpu')).toBe(50);
    expect(await markerOf(bot.clusters.b.directUrl, 'metrics-cpu')).toBe('from-a');
    const final = readable(channelMessage(ended.messageTs)?.blocks);
    expect(final).toContain('Start the restore (b) — restore requested (the gateway timed out; following it)');
    expect(final).toContain('doc counts equal: metrics-cpu 50/50, metrics-mem 15/15');
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Migration succeeded in .*\n<@U0ONCALL>$/),
    ]);
  });
});
