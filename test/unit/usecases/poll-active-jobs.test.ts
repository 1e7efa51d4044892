import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { type Job, type JobPlan, StepName } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { requestCancel } from '../../../src/core/jobs/transitions.js';
import { DEFAULT_PROGRESS_UPDATES_PER_TICK, pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import type { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildJob } from '../../fixtures/job.js';
import { NOW, plannedIndex } from '../../fixtures/plans.js';

type FakeCluster = ReturnType<typeof createFakeCluster>;
type Bot = ReturnType<typeof buildBotContext>;

function snapshotPlan(cluster: string, snapshot: string): JobPlan {
  return {
    kind: 'snapshot-create',
    cluster,
    repository: 'migration',
    snapshot,
    indices: [plannedIndex('logs-1')],
    includeGlobalState: false,
    partial: false,
    registerFirst: undefined,
  };
}

function restorePlan(cluster: string, target: string): JobPlan {
  return {
    kind: 'restore',
    cluster,
    repository: 'migration',
    snapshot: 'nightly',
    snapshotUuid: 'uuid-nightly',
    restores: [{ index: target, target }],
    rename: undefined,
    deletions: [],
    leftOut: [],
    preflight: undefined,
    masterTimeout: undefined,
    engines: undefined,
    replace: false,
    patterns: ['logs-*'],
    snapshotSizes: undefined,
  };
}

/** Stores a running job that nobody holds, with a message in the channel, whose steps before `awaiting` are done. */
async function givenWaitingJob(bot: Bot, id: string, plan: JobPlan, awaiting: string, overrides: Partial<Job> = {}) {
  const base = buildJob({ plan });
  const position = base.steps.findIndex((step) => step.name === awaiting);
  const steps = base.steps.map((step, index) => (index < position ? { ...step, status: 'done' as const } : step));
  const job = { ...base, id, state: JobState.RUNNING, steps, lease: undefined, messageTs: `ts-${id}`, ...overrides };
  await bot.jobs.create(job);
  return job;
}

/** `index` on `cluster` as restored from the snapshot `nightly`, as the restore plans here say. */
async function givenRestoredFromNightly(bot: Bot, alias: string, index: string) {
  const cluster = bot.clusters[alias] as FakeCluster;
  await cluster.createSnapshot({ repository: 'migration', snapshot: 'nightly', indices: [index], jobId: 'nightly' });
  await cluster.getSnapshot('migration', 'nightly');
  await cluster.getSnapshot('migration', 'nightly');
  await cluster.deleteIndices([index]);
  await cluster.restore({ repository: 'migration', snapshot: 'nightly', indices: [index] });
  await cluster.restoreProgress([index]);
  await cluster.restoreProgress([index]);
  cluster.calls.length = 0;
}

/** Snapshots of `names` on `cluster`, each with a job awaiting it; the first `ended` have ended already. */
async function givenSnapshotJobs(bot: Bot, alias: string, names: string[], ended = 0) {
  const cluster = bot.clusters[alias] as FakeCluster;
  for (const [position, snapshot] of names.entries()) {
    await cluster.createSnapshot({ repository: 'migration', snapshot, indices: ['logs-1'], jobId: snapshot });
    if (position < ended) {
      await cluster.getSnapshot('migration', snapshot);
      await cluster.getSnapshot('migration', snapshot);
    }
    await givenWaitingJob(bot, snapshot, snapshotPlan(alias, snapshot), StepName.AWAIT_SNAPSHOT);
  }
  cluster.calls.length = 0;
}

function names(count: number, prefix = 'snap'): string[] {
  return Array.from({ length: count }, (_, position) => `${prefix}-${position}`);
}

function updatesOf(bot: Bot, id: string) {
  return bot.chat.events.filter((event) => event.kind === 'update' && event.ts === `ts-${id}`);
}

function threadOf(bot: Bot, id: string) {
  return bot.chat.events.filter((event) => event.kind === 'post' && event.threadTs === `ts-${id}`);
}

async function statesOf(bot: Bot, ids: string[]) {
  return Promise.all(ids.map(async (id) => (await bot.jobs.get(id))?.state));
}

describe('pollActiveJobs', () => {
  it('asks a repository once per tick however many jobs await snapshots in it, until every job ends', async () => {
    const bot = buildBotContext();
    const snapshots = names(15);
    await givenSnapshotJobs(bot, 'a', snapshots);

    const first = await pollActiveJobs(bot.context);
    const statesAfterFirst = await statesOf(bot, snapshots);
    const second = await pollActiveJobs(bot.context);

    expect(first).toEqual({ expired: 0, resumed: 15, clusterRequests: 1 });
    expect(statesAfterFirst).toEqual(Array(15).fill(JobState.RUNNING));
    expect(second).toEqual({ expired: 0, resumed: 15, clusterRequests: 2 });
    expect(await statesOf(bot, snapshots)).toEqual(Array(15).fill(JobState.SUCCEEDED));
    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots', 'runningSnapshots', 'getSnapshots']);
  });

  it('asks each cluster once per tick for the recovery of all the restores on it', async () => {
    const bot = buildBotContext();
    await givenRestoredFromNightly(bot, 'a', 'logs-1');
    await givenRestoredFromNightly(bot, 'b', 'logs-1');
    await givenWaitingJob(bot, 'done-on-a', restorePlan('a', 'logs-1'), StepName.AWAIT_RESTORE);
    await givenWaitingJob(bot, 'waiting-on-a', restorePlan('a', 'not-yet-1'), StepName.AWAIT_RESTORE);
    await givenWaitingJob(bot, 'done-on-b', restorePlan('b', 'logs-1'), StepName.AWAIT_RESTORE);
    await givenWaitingJob(bot, 'waiting-on-b', restorePlan('b', 'not-yet-2'), StepName.AWAIT_RESTORE);

    const tick = await pollActiveJobs(bot.context);

    expect(tick.clusterRequests).toBe(2);
    expect(bot.clusters.a?.calls).toEqual(['restoreProgress']);
    expect(bot.clusters.b?.calls).toEqual(['restoreProgress']);
    expect(await statesOf(bot, ['done-on-a', 'waiting-on-a', 'done-on-b', 'waiting-on-b'])).toEqual([
      JobState.SUCCEEDED,
      JobState.RUNNING,
      JobState.SUCCEEDED,
      JobState.RUNNING,
    ]);
  });

  it('lets the jobs of a cluster that does not answer wait, and the others go on', async () => {
    const bot = buildBotContext();
    await givenSnapshotJobs(bot, 'a', ['on-a'], 1);
    await givenSnapshotJobs(bot, 'b', ['on-b'], 1);
    bot.clusters.a?.fail(
      'runningSnapshots',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'a', reason: 'connect ETIMEDOUT' }),
    );

    await pollActiveJobs(bot.context);
    const stuck = await bot.jobs.get('on-a');

    expect(stuck?.state).toBe(JobState.RUNNING);
    expect(stuck?.history.at(-1)).toMatchObject({ event: 'unreachable' });
    expect(JSON.stringify(threadOf(bot, 'on-a'))).toContain('a is not answering');
    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots']);
    expect((await bot.jobs.get('on-b'))?.state).toBe(JobState.SUCCEEDED);
  });

  it('redraws at most the budget of messages for progress alone, but always the end of a job', async () => {
    const bot = buildBotContext();
    const waiting = names(5, 'waiting');
    await givenSnapshotJobs(bot, 'a', waiting);
    await givenSnapshotJobs(bot, 'b', ['ending'], 1);

    await pollActiveJobs(bot.context, { progressUpdatesPerTick: 2 });

    expect(waiting.flatMap((id) => updatesOf(bot, id))).toHaveLength(2);
    expect(JSON.stringify(updatesOf(bot, 'ending').at(-1))).toContain('Succeeded');
    expect(JSON.stringify(threadOf(bot, 'ending'))).toContain('succeeded');
    expect((await bot.jobs.get('ending'))?.state).toBe(JobState.SUCCEEDED);
  });

  it(`redraws ${DEFAULT_PROGRESS_UPDATES_PER_TICK} messages for progress alone in a tick by default`, async () => {
    const bot = buildBotContext();
    const waiting = names(DEFAULT_PROGRESS_UPDATES_PER_TICK + 5);
    await givenSnapshotJobs(bot, 'a', waiting);

    await pollActiveJobs(bot.context);

    expect(bot.chat.events.filter((event) => event.kind === 'update')).toHaveLength(DEFAULT_PROGRESS_UPDATES_PER_TICK);
  });

  it.each([
    [1, 1],
    [3, 3],
    [16, 7],
  ])('runs the steps of at most %i jobs at once (%i of 7 waiting here)', async (atOnce, expected) => {
    const bot = buildBotContext();
    const waiting = names(7);
    await givenSnapshotJobs(bot, 'a', waiting);
    const take = bot.jobs.claim.bind(bot.jobs);
    let running = 0;
    let most = 0;
    // Each job's first table request is its claim: held a moment, so that jobs resumed at once overlap there.
    bot.jobs.claim = async (job, now) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return take(job, now);
    };

    const tick = await pollActiveJobs(bot.context, { resumedAtOnce: atOnce });

    expect(tick.resumed).toBe(7);
    expect(most).toBe(expected);
  });

  it('costs a waiting job its claim and its write-back in the table, and no read', async () => {
    const bot = buildBotContext();
    await givenSnapshotJobs(bot, 'a', names(3));
    const requests: string[] = [];
    const { get, claim, update } = bot.jobs;
    bot.jobs.get = (id) => {
      requests.push('get');
      return get.call(bot.jobs, id);
    };
    bot.jobs.claim = (job, now) => {
      requests.push('claim');
      return claim.call(bot.jobs, job, now);
    };
    bot.jobs.update = (job) => {
      requests.push('update');
      return update.call(bot.jobs, job);
    };

    const tick = await pollActiveJobs(bot.context);

    expect(tick.resumed).toBe(3);
    expect(requests.sort()).toEqual(['claim', 'claim', 'claim', 'update', 'update', 'update']);
  });

  it('claims a job changed since the tick listed it as it is now, and stops it when the change is a cancel', async () => {
    const bot = buildBotContext();
    await givenSnapshotJobs(bot, 'a', ['nightly']);
    const list = bot.jobs.listActive.bind(bot.jobs);
    bot.jobs.listActive = async () => {
      const listed = await list();
      const stored = (await bot.jobs.get('nightly')) as Job;
      await bot.jobs.update(requestCancel(stored, 'U_CANCELLER', NOW));
      return listed;
    };

    await pollActiveJobs(bot.context);

    const job = await bot.jobs.get('nightly');
    expect(job?.state).toBe(JobState.CANCELLED);
    expect(job?.cancelRequest?.by).toBe('U_CANCELLER');
  });

  it('starts queued jobs and resumes jobs whose worker died, and leaves jobs a worker holds alone', async () => {
    const bot = buildBotContext();
    await givenWaitingJob(bot, 'queued', snapshotPlan('a', 'fresh'), StepName.START_SNAPSHOT, {
      state: JobState.QUEUED,
    });
    await givenWaitingJob(bot, 'held', snapshotPlan('a', 'held'), StepName.AWAIT_SNAPSHOT, {
      lease: { owner: 'worker-alive', token: 'their-token', until: new Date(NOW.getTime() + 60_000).toISOString() },
    });
    await bot.clusters.a?.createSnapshot({ repository: 'migration', snapshot: 'old', jobId: 'abandoned' });
    await givenWaitingJob(bot, 'abandoned', snapshotPlan('a', 'old'), StepName.AWAIT_SNAPSHOT, {
      lease: { owner: 'worker-dead', token: 'dead-token', until: new Date(NOW.getTime() - 1).toISOString() },
    });
    bot.clusters.a?.calls.splice(0);

    const tick = await pollActiveJobs(bot.context);

    expect(tick).toMatchObject({ resumed: 2 });
    // The queued job's own snapshot is not in the tick's observation: its first reads go to the cluster.
    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots', 'createSnapshot', 'getSnapshot', 'snapshotProgress']);
    expect((await bot.jobs.get('held'))?.lease?.owner).toBe('worker-alive');
    expect((await bot.jobs.get('queued'))?.state).toBe(JobState.RUNNING);
  });
});
