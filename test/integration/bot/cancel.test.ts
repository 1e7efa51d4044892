import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it, onTestFinished } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { isFinal, JobState } from '../../../src/core/jobs/job-states.js';
import type { BackgroundTask } from '../../../src/ports/background-tasks.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../../../src/usecases/run-background-task.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import {
  createBulkyIndex,
  createIndexWithDocs,
  indexExists,
  markerOf,
  registerFsRepository,
  snapshotOnCluster,
} from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { describeAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

function snapshotOf(job: Job): string {
  if (job.plan.kind !== 'migrate') throw new Error(`job ${job.id} is a ${job.plan.kind}, not a migration`);
  return job.plan.snapshot;
}

/**
 * `/es snapshot cancel` typed in the channel while a migration from A to B is waiting, queued or running: what the
 * job's message says at once, where the job stops, what it leaves on both clusters, and what on-call is told.
 */
describeAcrossClusters('cancelling a migration from cluster A to cluster B', () => {
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

  function unique(prefix: string): string {
    return `${prefix}-${randomBytes(3).toString('hex')}`;
  }

  async function given(cluster: 'a' | 'b', index: string, docs: number, marker: string) {
    indicesMade.add(index);
    await createIndexWithDocs(bot.clusters[cluster].directUrl, index, { docs, marker });
  }

  async function givenBulky(index: string) {
    indicesMade.add(index);
    return createBulkyIndex(bot.clusters.a.directUrl, index, { docs: 1500, bytesPerDoc: 2000, shards: 2, segments: 3 });
  }

  /** A repository on A (found there by the migration, which registers it on B too) that copies slowly. */
  async function givenThrottledRepository(throttle: Record<string, string>): Promise<string> {
    const name = unique('throttled');
    await registerFsRepository(bot.clusters.a.directUrl, name, {
      location: `${inject('rig').sharedRepoPath}/${name}`,
      ...throttle,
    });
    return name;
  }

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  /** Every version of the job's message the bot sent, as a person reads it. */
  function messageVersions(ts: string | undefined): string[] {
    return bot.slack.calls
      .filter((call) => call.method === 'chat.update' && call.args.ts === ts)
      .map((call) => readable(call.args.blocks));
  }

  /** Where each cluster's request log stands now, so a test reads only the requests made after it. */
  function mark() {
    return { a: bot.clusters.a.gateway.requests.length, b: bot.clusters.b.gateway.requests.length };
  }

  function writesSince(since: { a: number; b: number }, cluster: 'a' | 'b'): string[] {
    return bot.clusters[cluster].gateway.requests
      .slice(since[cluster])
      .filter((request) => request.method !== 'GET' && request.method !== 'HEAD')
      .map((request) => `${request.method} ${request.path}`);
  }

  async function requestMigration(text: string): Promise<Job> {
    await bot.command(text, requesterId);
    return bot.onlyActiveJob();
  }

  /** Types `/es snapshot cancel <id>`; returns what the bot answered the person who typed it. */
  async function cancelFromChannel(jobId: string, userId: string = requesterId): Promise<string> {
    const { responseId } = await bot.command(`snapshot cancel ${jobId}`, userId);
    const answered = await waitUntil('the answer to cancel', async () => bot.responsesTo(responseId)[0]);
    return JSON.stringify(answered.body);
  }

  async function stored(jobId: string): Promise<Job> {
    return (await bot.context.jobs.get(jobId)) as Job;
  }

  /** Poller ticks (the clock moving a second each) until the job reaches a final state. */
  async function untilFinal(jobId: string, maxTicks = 120): Promise<Job> {
    for (let tick = 0; tick < maxTicks; tick += 1) {
      await bot.tasks.idle();
      const job = await stored(jobId);
      if (isFinal(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
      bot.clock.advance(1000);
      await pollActiveJobs(bot.context);
    }
    throw new Error(`job ${jobId} did not end after ${maxTicks} ticks`);
  }

  /** The worker of this process with A's or B's client swapped for one the test controls. */
  function workerWith(swap: Partial<Record<'a' | 'b', (real: ClusterClient) => ClusterClient>>) {
    const real = bot.context.clusters;
    const clients = new Map(
      [...real].map(([alias, client]) => [alias, swap[alias as 'a' | 'b']?.(client) ?? client] as const),
    );
    const clusterFor = (alias: string) => clients.get(alias) as ClusterClient;
    bot.tasks.runWith((task) =>
      task.type === 'run-job' ? runJob(bot.context, task.jobId, { clusterFor }) : realWorker(task),
    );
    onTestFinished(() => bot.tasks.runWith(realWorker));
    return { run: (jobId: string) => runJob(bot.context, jobId, { clusterFor }) };
  }

  it('aborts its own snapshot while it runs on A, with no approval, and ends Cancelled, B untouched', async () => {
    const source = unique('cancel-snap');
    const bytes = await givenBulky(source);
    await given('b', source, 4, 'old-b');
    const repository = await givenThrottledRepository({ max_snapshot_bytes_per_sec: '100kb' });
    const since = mark();
    const job = await requestMigration(`snapshot migrate a b ${repository} indices=${source} replace`);
    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    const running = await stored(job.id);

    const answer = await cancelFromChannel(job.id);
    const ended = await untilFinal(job.id);

    expect(bytes).toBeGreaterThan(2_000_000);
    expect(running.state).toBe(JobState.RUNNING);
    expect(running.steps.find((step) => step.name === 'await-snapshot')?.status).toBe('running');
    expect(answer).toContain('stops at its next safe point');
    expect(messageVersions(job.messageTs).some((text) => text.includes('Cancel asked by <@U0REQUESTER>'))).toBe(true);
    expect(ended.state).toBe(JobState.CANCELLED);
    expect(ended.history.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['cancel-requested', 'cancelled']),
    );
    expect(ended.history.at(-1)).toMatchObject({
      event: 'cancelled',
      by: requesterId,
      detail: `stopped during “Wait for the snapshot”; snapshot ${snapshotOf(ended)} was still running and is aborted`,
    });
    expect(await snapshotOnCluster(bot.clusters.a.directUrl, repository, snapshotOf(ended))).toBeUndefined();
    expect(await markerOf(bot.clusters.b.directUrl, source)).toBe('old-b');
    expect(writesSince(since, 'a').filter((write) => write.startsWith('DELETE'))).toEqual([
      `DELETE /_snapshot/${repository}/${snapshotOf(ended)}`,
    ]);
    expect(writesSince(since, 'b').filter((write) => write.startsWith('DELETE'))).toEqual([]);
    expect(channelMessage(ended.messageTs)?.text).toBe('Migration on a → b: Cancelled');
    expect(readable(channelMessage(ended.messageTs)?.blocks)).toContain(
      ':no_entry_sign: Cancelled by <@U0REQUESTER>: stopped during “Wait for the snapshot”',
    );
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:no_entry_sign: Migration cancelled by <@U0REQUESTER>: .* is aborted\n<@U0ONCALL>$/),
    ]);
    expect((await bot.context.jobs.listActive()).map((active) => active.id)).not.toContain(job.id);
  });

  it('keeps the snapshot that finished before the cancel reached the job, says so, and touches nothing on B', async () => {
    const source = unique('cancel-after');
    await given('a', source, 30, 'from-a');
    await given('b', source, 3, 'old-b');
    let jobId = '';
    const worker = workerWith({
      a: (real) => ({
        ...real,
        // The cancel is typed the moment the worker sees the snapshot end, before the job moves on to B.
        getSnapshot: async (repository, snapshot) => {
          const detail = await real.getSnapshot(repository, snapshot);
          if (detail.state === 'SUCCESS' && (await stored(jobId)).cancelRequest === undefined) {
            await cancelFromChannel(jobId);
          }
          return detail;
        },
      }),
    });
    const since = mark();
    const job = await requestMigration(`snapshot migrate a b indices=${source} replace`);
    jobId = job.id;

    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    for (let tick = 0; !isFinal((await stored(job.id)).state) && tick < 60; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      bot.clock.advance(1000);
      await worker.run(job.id);
    }
    await bot.tasks.idle();
    const ended = await stored(job.id);

    expect(ended.state).toBe(JobState.CANCELLED);
    expect(ended.steps.map((step) => [step.name, step.status])).toEqual([
      ['register-repository', 'done'],
      ['register-repository', 'done'],
      ['start-snapshot', 'done'],
      ['await-snapshot', 'done'],
      ['delete-indices', 'pending'],
      ['start-restore', 'pending'],
      ['await-restore', 'pending'],
      ['verify-doc-counts', 'pending'],
    ]);
    expect(ended.history.at(-1)?.detail).toBe(
      `stopped before “Delete the indices”; snapshot ${snapshotOf(ended)} had already ended (SUCCESS) and is kept`,
    );
    expect(await snapshotOnCluster(bot.clusters.a.directUrl, bot.repository, snapshotOf(ended))).toMatchObject({
      state: 'SUCCESS',
      indices: [source],
    });
    expect(await markerOf(bot.clusters.b.directUrl, source)).toBe('old-b');
    expect(writesSince(since, 'b')).toEqual([
      `PUT /_snapshot/${bot.repository}`,
      `POST /_snapshot/${bot.repository}/_verify`,
    ]);
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:no_entry_sign: Migration cancelled by <@U0REQUESTER>: .* is kept\n<@U0ONCALL>$/),
    ]);
  });

  it('stops a restore on B by an approved deletion of exactly the indices still restoring from its snapshot', async () => {
    const source = unique('cancel-restore');
    await givenBulky(source);
    const target = `moved-${source}`;
    indicesMade.add(target);
    const repository = await givenThrottledRepository({ max_restore_bytes_per_sec: '20kb' });
    const job = await requestMigration(`snapshot migrate a b ${repository} indices=${source} rename=(.+):moved-$1`);
    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    const restoring = await waitUntil('the restore to be under way', async () => {
      bot.clock.advance(1000);
      await pollActiveJobs(bot.context);
      await bot.tasks.idle();
      const seen = await stored(job.id);
      return seen.steps.find((step) => step.name === 'await-restore')?.status === 'running' ? seen : undefined;
    });

    await cancelFromChannel(job.id, approverId);
    const ended = await untilFinal(job.id);
    expect(ended.history.at(-1)?.detail).toContain('still restoring');
    const deletion = (await bot.context.jobs.listActive()).find((active) => active.kind === 'index-delete') as Job;
    const deletionMessage = readable(channelMessage(deletion.messageTs)?.blocks);
    await bot.click(deletion, 'approve', requesterId);
    const deleted = await untilFinal(deletion.id);

    expect(restoring.state).toBe(JobState.RUNNING);
    expect(ended.state).toBe(JobState.CANCELLED);
    expect(ended.cancelRequest).toMatchObject({ by: approverId, stopJob: deletion.id });
    expect(ended.history.at(-1)?.detail).toBe(
      `stopped during “Wait for the restore”; snapshot ${snapshotOf(ended)} had already ended (SUCCESS) and is kept; ` +
        `still restoring: ${target}; deleting them to stop the restore is job \`${deletion.id}\``,
    );
    expect(deletion.state).toBe(JobState.PENDING_APPROVAL);
    expect(deletion.requestText).toBe(`cancel ${job.id}: delete the indices still restoring from its snapshot`);
    expect(deletion.plan).toMatchObject({ kind: 'index-delete', cluster: 'b', indices: [{ index: target }] });
    expect(deletionMessage).toContain(':warning: *Deletes on b:*');
    expect(deletionMessage).toContain(`• \`${target}\``);
    expect(deleted.state).toBe(JobState.SUCCEEDED);
    expect(await indexExists(bot.clusters.b.directUrl, target)).toBe(false);
    expect(await indexExists(bot.clusters.b.directUrl, source)).toBe(false);
    expect(await snapshotOnCluster(bot.clusters.a.directUrl, repository, snapshotOf(ended))).toMatchObject({
      state: 'SUCCESS',
    });
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:no_entry_sign: Migration cancelled by <@U0APPROVER>: .*\n<@U0ONCALL>$/),
    ]);
  });

  it('cancels a queued migration before any worker takes it: nothing runs on either cluster', async () => {
    const source = unique('cancel-queued');
    await given('a', source, 5, 'from-a');
    bot.tasks.runWith((task) => (task.type === 'run-job' ? Promise.resolve() : realWorker(task)));
    onTestFinished(() => bot.tasks.runWith(realWorker));
    const job = await requestMigration(`snapshot migrate a b indices=${source}`);
    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    const queued = await stored(job.id);
    const since = mark();

    const answer = await cancelFromChannel(job.id);
    bot.tasks.runWith(realWorker);
    await runJob(bot.context, job.id);
    await pollActiveJobs(bot.context);
    const ended = await stored(job.id);

    expect(queued.state).toBe(JobState.QUEUED);
    expect(answer).toContain('is cancelled');
    expect(ended.state).toBe(JobState.CANCELLED);
    expect(ended.cancelRequest).toMatchObject({ by: requesterId });
    expect(ended.steps.every((step) => step.status === 'pending')).toBe(true);
    expect(mark()).toEqual(since);
    expect(readable(channelMessage(ended.messageTs)?.blocks)).toContain('Cancelled by <@U0REQUESTER>');
  });

  it('cancels a migration while it registers its repository: the registration finishes, no snapshot starts', async () => {
    const source = unique('cancel-register');
    await given('a', source, 5, 'from-a');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let registering = false;
    workerWith({
      a: (real) => ({
        ...real,
        registerRepository: async (repository) => {
          registering = true;
          await gate;
          return real.registerRepository(repository);
        },
      }),
    });
    const since = mark();
    const job = await requestMigration(`snapshot migrate a b indices=${source}`);
    await bot.click(job, 'approve', approverId);
    await waitUntil('the worker to be registering', async () => (registering ? true : undefined));

    const answer = await cancelFromChannel(job.id);
    const asked = await stored(job.id);
    release();
    await bot.tasks.idle();
    const ended = await stored(job.id);

    expect(answer).toContain('stops at its next safe point');
    expect(asked.state).toBe(JobState.RUNNING);
    expect(asked.cancelRequest?.by).toBe(requesterId);
    expect(ended.state).toBe(JobState.CANCELLED);
    expect(ended.steps.map((step) => step.status)).toEqual([
      'done',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(ended.history.at(-1)?.detail).toBe('stopped before “Register the repository”');
    expect(await snapshotOnCluster(bot.clusters.a.directUrl, bot.repository, snapshotOf(ended))).toBeUndefined();
    expect(writesSince(since, 'a')).toEqual([
      `PUT /_snapshot/${bot.repository}`,
      `POST /_snapshot/${bot.repository}/_verify`,
    ]);
    expect(writesSince(since, 'b')).toEqual([]);
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^:no_entry_sign: Migration cancelled by <@U0REQUESTER>: stopped before .*\n<@U0ONCALL>$/),
    ]);
  });
});
