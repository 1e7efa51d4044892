import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

const snapshotRequest = {
  verb: 'create' as const,
  cluster: 'a',
  repository: undefined,
  snapshot: 'slow',
  indices: ['logs-*'],
  includeGlobalState: false,
  partial: false,
};

async function givenARunningSnapshot(pollsToFinish: number) {
  const cluster = createFakeCluster({ alias: 'a', indices: { 'logs-1': 3 }, pollsToFinish });
  const bot = buildBotContext({ clusters: [cluster] });
  await requestJob(bot.context, snapshotRequest, buildCommandTask('create a'));
  const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';
  await runJob(bot.context, jobId);
  return { bot, cluster, jobId };
}

function threadTexts(bot: ReturnType<typeof buildBotContext>) {
  return bot.chat.events.flatMap((event) =>
    event.kind === 'post' && event.threadTs !== undefined ? [event.message.text] : [],
  );
}

describe('a job that waits on a cluster in trouble', () => {
  it('tells on-call once that the cluster stopped answering, keeps waiting, and finishes when it is back', async () => {
    const { bot, cluster, jobId } = await givenARunningSnapshot(3);
    cluster.fail(
      'getSnapshot',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'a', reason: 'ECONNREFUSED' }),
    );
    cluster.fail(
      'runningSnapshots',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'a', reason: 'ECONNREFUSED' }),
    );

    for (let tick = 0; tick < 3; tick += 1) {
      bot.clock.advance(60_000);
      await pollActiveJobs(bot.context);
    }
    const waiting = await bot.jobs.get(jobId);
    cluster.heal('getSnapshot');
    cluster.heal('runningSnapshots');
    for (let tick = 0; tick < 6; tick += 1) {
      bot.clock.advance(60_000);
      await pollActiveJobs(bot.context);
    }

    expect(waiting?.state).toBe(JobState.RUNNING);
    expect(threadTexts(bot).filter((text) => text.includes('is not answering'))).toHaveLength(1);
    expect(threadTexts(bot)[0]).toContain('<@U0ONCALL>');
    const ended = await bot.jobs.get(jobId);
    expect(ended?.state).toBe(JobState.SUCCEEDED);
    expect(ended?.history.map((entry) => entry.event)).toEqual(expect.arrayContaining(['unreachable', 'recovered']));
  });

  it('says once that a step has not moved for the stall time', async () => {
    const { bot, jobId } = await givenARunningSnapshot(1000);

    for (let tick = 0; tick < 40; tick += 1) {
      bot.clock.advance(60_000);
      await pollActiveJobs(bot.context);
    }

    const stalls = threadTexts(bot).filter((text) => text.includes('has not moved'));
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatch(/Wait for the snapshot on a has not moved for 3\d m/);
    expect((await bot.jobs.get(jobId))?.state).toBe(JobState.RUNNING);
  });

  it('fails a step on an unexpected error without showing its internals in the channel', async () => {
    const cluster = createFakeCluster({ alias: 'a', indices: { 'logs-1': 3 } });
    cluster.fail('createSnapshot', new TypeError("Cannot read properties of undefined (reading 'token')"));
    const bot = buildBotContext({ clusters: [cluster] });
    await requestJob(bot.context, snapshotRequest, buildCommandTask('create a'));
    const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';

    await runJob(bot.context, jobId);

    const job = await bot.jobs.get(jobId);
    expect(job?.state).toBe(JobState.FAILED);
    expect(job?.history.at(-1)?.detail).toBe(
      `unexpected error in start-snapshot; the bot's log has it under job ${jobId}`,
    );
    expect(JSON.stringify(bot.chat.events)).not.toContain('reading');
  });

  it('waits behind another snapshot operation instead of failing, then runs', async () => {
    const cluster = createFakeCluster({ alias: 'a', indices: { 'logs-1': 3 } });
    cluster.fail(
      'createSnapshot',
      new ClusterError(ClusterErrorCode.CONCURRENT_SNAPSHOT, {
        cluster: 'a',
        reason: 'a snapshot is already running',
        statusCode: 429,
      }),
    );
    const bot = buildBotContext({ clusters: [cluster] });
    await requestJob(bot.context, snapshotRequest, buildCommandTask('create a'));
    const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';

    await runJob(bot.context, jobId);
    const waiting = await bot.jobs.get(jobId);
    cluster.heal('createSnapshot');
    for (let tick = 0; tick < 3; tick += 1) {
      bot.clock.advance(60_000);
      await pollActiveJobs(bot.context);
    }

    expect(waiting?.state).toBe(JobState.RUNNING);
    expect(waiting?.steps.find((step) => step.name === 'start-snapshot')?.detail).toContain(
      'another snapshot operation is running',
    );
    expect((await bot.jobs.get(jobId))?.state).toBe(JobState.SUCCEEDED);
  });
});
