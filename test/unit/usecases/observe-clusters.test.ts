import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { UsageError } from '../../../src/core/errors.js';
import { type Job, type JobPlan, StepName } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { observeClusters } from '../../../src/usecases/observe-clusters.js';
import type { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildJob } from '../../fixtures/job.js';
import { NOW, plannedIndex } from '../../fixtures/plans.js';

type FakeCluster = ReturnType<typeof createFakeCluster>;

function snapshotPlan(cluster: string, snapshot: string, repository = 'migration'): JobPlan {
  return {
    kind: 'snapshot-create',
    cluster,
    repository,
    snapshot,
    indices: [plannedIndex('logs-1')],
    includeGlobalState: false,
    partial: false,
    registerFirst: undefined,
  };
}

function restorePlan(cluster: string, targets: string[]): JobPlan {
  return {
    kind: 'restore',
    cluster,
    repository: 'migration',
    snapshot: 'nightly',
    snapshotUuid: 'uuid-nightly',
    restores: targets.map((target) => ({ index: target, target })),
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

/** A running job that nobody holds, whose steps before `awaiting` are done. */
function waitingJob(id: string, plan: JobPlan, awaiting: string, overrides: Partial<Job> = {}): Job {
  const base = buildJob({ plan });
  const position = base.steps.findIndex((step) => step.name === awaiting);
  const steps = base.steps.map((step, index) => (index < position ? { ...step, status: 'done' as const } : step));
  return { ...base, id, state: JobState.RUNNING, steps, lease: undefined, ...overrides };
}

/** Starts `count` snapshots in one repository; the first `ended` of them have ended by the time anyone looks. */
async function startSnapshots(cluster: FakeCluster, names: string[], ended: number, repository = 'migration') {
  await cluster.registerRepository({
    name: repository,
    type: 'fs',
    settings: { location: `/snapshots/${repository}` },
  });
  for (const [position, snapshot] of names.entries()) {
    await cluster.createSnapshot({ repository, snapshot, indices: ['logs-1'], jobId: snapshot });
    if (position < ended) {
      await cluster.getSnapshot(repository, snapshot);
      await cluster.getSnapshot(repository, snapshot);
    }
  }
  cluster.calls.length = 0;
}

function names(count: number, prefix = 'snap'): string[] {
  return Array.from({ length: count }, (_, position) => `${prefix}-${position}`);
}

describe('observeClusters', () => {
  it('asks a repository once for all its running snapshots, and once more for the awaited ones that ended', async () => {
    const bot = buildBotContext();
    const snapshots = names(12);
    await startSnapshots(bot.clusters.a as FakeCluster, snapshots, 4);
    const jobs = snapshots.map((snapshot) =>
      waitingJob(snapshot, snapshotPlan('a', snapshot), StepName.AWAIT_SNAPSHOT),
    );

    const observation = await observeClusters(bot.context, jobs, NOW);
    const view = observation.clientFor('a');
    const details = await Promise.all(snapshots.map((snapshot) => view.getSnapshot('migration', snapshot)));
    const progress = await view.snapshotProgress('migration', 'snap-11');

    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots', 'getSnapshots']);
    expect(observation.requests).toBe(2);
    expect(details.map((detail) => detail.state)).toEqual([
      ...Array(4).fill('SUCCESS'),
      ...Array(8).fill('IN_PROGRESS'),
    ]);
    expect(details[0]).toMatchObject({
      uuid: 'a-snapshot-1',
      indices: ['logs-1'],
      metadata: { es_snapshot_bot_job_id: 'snap-0' },
    });
    expect(progress).toMatchObject({ snapshot: 'snap-11', percent: 10 });
  });

  it('asks nothing more when every awaited snapshot is still running', async () => {
    const bot = buildBotContext();
    await startSnapshots(bot.clusters.a as FakeCluster, names(5), 0);
    const jobs = names(5).map((snapshot) => waitingJob(snapshot, snapshotPlan('a', snapshot), StepName.AWAIT_SNAPSHOT));

    const observation = await observeClusters(bot.context, jobs, NOW);

    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots']);
    expect(observation.requests).toBe(1);
    expect(await observation.clientFor('a').getSnapshot('migration', 'snap-3')).toMatchObject({
      state: 'IN_PROGRESS',
      shards: { total: 1, successful: 0, failed: 0 },
    });
  });

  it('asks each repository of a cluster on its own', async () => {
    const bot = buildBotContext();
    await startSnapshots(bot.clusters.a as FakeCluster, ['s1', 's2'], 1, 'nightly');
    await startSnapshots(bot.clusters.a as FakeCluster, ['s3'], 0, 'weekly');
    const jobs = [
      waitingJob('j1', snapshotPlan('a', 's1', 'nightly'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j2', snapshotPlan('a', 's2', 'nightly'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j3', snapshotPlan('a', 's3', 'weekly'), StepName.AWAIT_SNAPSHOT),
    ];

    const observation = await observeClusters(bot.context, jobs, NOW);

    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots', 'getSnapshots', 'runningSnapshots']);
    expect(observation.requests).toBe(3);
  });

  it('asks each cluster once for the recovery of every awaited target, and each restore sees its own', async () => {
    const bot = buildBotContext();
    const jobs = [
      waitingJob('j1', restorePlan('a', ['logs-1']), StepName.AWAIT_RESTORE),
      waitingJob('j2', restorePlan('a', ['logs-2', 'logs-3']), StepName.AWAIT_RESTORE),
      waitingJob('j3', restorePlan('b', ['logs-1']), StepName.AWAIT_RESTORE),
      waitingJob('j4', restorePlan('b', ['logs-9']), StepName.AWAIT_RESTORE),
    ];

    const observation = await observeClusters(bot.context, jobs, NOW);
    const onA = await observation.clientFor('a').restoreProgress(['logs-2', 'logs-3']);
    const onB = await observation.clientFor('b').restoreProgress(['logs-1']);

    expect(bot.clusters.a?.calls).toEqual(['restoreProgress']);
    expect(bot.clusters.b?.calls).toEqual(['restoreProgress']);
    expect(observation.requests).toBe(2);
    // logs-3 does not exist yet: no entry, and the restore is not done.
    expect(onA).toMatchObject({ done: false, shardsDone: 1, shardsTotal: 1 });
    expect(onA.indices.map((entry) => entry.index)).toEqual(['logs-2']);
    expect(onB).toMatchObject({ done: true, percent: 100 });
  });

  it('remembers a cluster that does not answer, asks it nothing more, and answers the others', async () => {
    const bot = buildBotContext();
    await startSnapshots(bot.clusters.a as FakeCluster, ['s1'], 0);
    bot.clusters.b?.fail(
      'runningSnapshots',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'b', reason: 'connect ECONNREFUSED' }),
    );
    const jobs = [
      waitingJob('j1', snapshotPlan('a', 's1'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j2', snapshotPlan('b', 's2'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j3', restorePlan('b', ['logs-1']), StepName.AWAIT_RESTORE),
    ];

    const observation = await observeClusters(bot.context, jobs, NOW);
    const viewOfB = observation.clientFor('b');

    expect([...observation.unreachable.keys()]).toEqual(['b']);
    expect(bot.clusters.b?.calls).toEqual(['runningSnapshots']);
    await expect(viewOfB.getSnapshot('migration', 's2')).rejects.toThrowError('connect ECONNREFUSED');
    await expect(viewOfB.snapshotProgress('migration', 's2')).rejects.toMatchObject({
      code: ClusterErrorCode.UNREACHABLE,
    });
    await expect(viewOfB.restoreProgress(['logs-1'])).rejects.toMatchObject({ code: ClusterErrorCode.UNREACHABLE });
    expect(await observation.clientFor('a').getSnapshot('migration', 's1')).toMatchObject({ state: 'IN_PROGRESS' });
  });

  it('says an awaited snapshot that is neither running nor in the repository is missing', async () => {
    const bot = buildBotContext();
    const jobs = [waitingJob('j1', snapshotPlan('a', 'gone'), StepName.AWAIT_SNAPSHOT)];

    const view = (await observeClusters(bot.context, jobs, NOW)).clientFor('a');

    await expect(view.getSnapshot('migration', 'gone')).rejects.toMatchObject({
      code: ClusterErrorCode.SNAPSHOT_MISSING,
    });
    await expect(view.snapshotProgress('migration', 'gone')).rejects.toMatchObject({
      code: ClusterErrorCode.SNAPSHOT_MISSING,
    });
  });

  it('passes on any other answer to the jobs that depend on it, and goes on asking the cluster', async () => {
    const bot = buildBotContext();
    bot.clusters.a?.fail(
      'runningSnapshots',
      new ClusterError(ClusterErrorCode.REPOSITORY_MISSING, { cluster: 'a', repository: 'dropped' }),
    );
    bot.clusters.b?.fail(
      'restoreProgress',
      new ClusterError(ClusterErrorCode.REQUEST_FAILED, {
        cluster: 'b',
        type: 'bad_request',
        reason: 'no such thing',
        statusCode: 400,
      }),
    );
    const jobs = [
      waitingJob('j1', snapshotPlan('a', 's1', 'dropped'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j2', restorePlan('a', ['logs-1']), StepName.AWAIT_RESTORE),
      waitingJob('j3', restorePlan('b', ['logs-1']), StepName.AWAIT_RESTORE),
    ];

    const observation = await observeClusters(bot.context, jobs, NOW);

    expect(bot.clusters.a?.calls).toEqual(['runningSnapshots', 'restoreProgress']);
    await expect(observation.clientFor('a').getSnapshot('dropped', 's1')).rejects.toMatchObject({
      code: ClusterErrorCode.REPOSITORY_MISSING,
    });
    await expect(observation.clientFor('a').snapshotProgress('dropped', 's1')).rejects.toMatchObject({
      code: ClusterErrorCode.REPOSITORY_MISSING,
    });
    expect(await observation.clientFor('a').restoreProgress(['logs-1'])).toMatchObject({ done: true });
    await expect(observation.clientFor('b').restoreProgress(['logs-1'])).rejects.toThrowError('no such thing');
    expect(observation.unreachable.size).toBe(0);
  });

  it('passes on an error of the ended-snapshot read while still answering the running ones', async () => {
    const bot = buildBotContext();
    await startSnapshots(bot.clusters.a as FakeCluster, ['running', 'ended'], 0);
    await bot.clusters.a?.getSnapshot('migration', 'ended');
    await bot.clusters.a?.getSnapshot('migration', 'ended');
    bot.clusters.a?.fail(
      'getSnapshots',
      new ClusterError(ClusterErrorCode.REPOSITORY_MISSING, { cluster: 'a', repository: 'migration' }),
    );
    const jobs = ['running', 'ended'].map((name) => waitingJob(name, snapshotPlan('a', name), StepName.AWAIT_SNAPSHOT));

    const view = (await observeClusters(bot.context, jobs, NOW)).clientFor('a');

    expect(await view.getSnapshot('migration', 'running')).toMatchObject({ state: 'IN_PROGRESS' });
    await expect(view.getSnapshot('migration', 'ended')).rejects.toMatchObject({
      code: ClusterErrorCode.REPOSITORY_MISSING,
    });
  });

  it.each([
    ['held by a live worker', { lease: { owner: 'w', until: new Date(NOW.getTime() + 60_000).toISOString() } }],
    ['queued', { state: JobState.QUEUED }],
    ['waiting for approval', { state: JobState.PENDING_APPROVAL }],
  ])('leaves out a job %s', async (_case, overrides) => {
    const bot = buildBotContext();
    const jobs = [waitingJob('j1', snapshotPlan('a', 's1'), StepName.AWAIT_SNAPSHOT, overrides as Partial<Job>)];

    const observation = await observeClusters(bot.context, jobs, NOW);

    expect(observation.requests).toBe(0);
    expect(observation.clientFor('a')).toBe(bot.clusters.a);
  });

  it('leaves out a job whose next step starts work instead of watching it, and a cluster nobody configured', async () => {
    const bot = buildBotContext();
    const jobs = [
      waitingJob('j1', snapshotPlan('a', 's1'), StepName.START_SNAPSHOT),
      waitingJob('j2', snapshotPlan('nowhere', 's2'), StepName.AWAIT_SNAPSHOT),
    ];

    const observation = await observeClusters(bot.context, jobs, NOW);

    expect(observation.requests).toBe(0);
    expect(() => observation.clientFor('nowhere')).toThrowError(UsageError);
  });

  it('sends what it did not observe, and every other call, to the cluster itself', async () => {
    const bot = buildBotContext();
    const a = bot.clusters.a as FakeCluster;
    await startSnapshots(a, ['watched', 'other', 'ended'], 0);
    await a.getSnapshot('migration', 'ended');
    await a.getSnapshot('migration', 'ended');
    a.calls.length = 0;
    const jobs = [
      waitingJob('j1', snapshotPlan('a', 'watched'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j2', snapshotPlan('a', 'ended'), StepName.AWAIT_SNAPSHOT),
      waitingJob('j3', restorePlan('a', ['logs-1']), StepName.AWAIT_RESTORE),
    ];
    const view = (await observeClusters(bot.context, jobs, NOW)).clientFor('a');
    a.calls.length = 0;

    await view.getSnapshot('migration', 'other');
    await view.getSnapshot('elsewhere', 'watched').catch(() => undefined);
    await view.snapshotProgress('migration', 'ended');
    await view.restoreProgress(['logs-1', 'logs-2']);
    await view.deleteIndices(['logs-2']);
    await view.getSnapshots('migration', ['other']);
    await view.runningSnapshots('migration');

    expect(a.calls).toEqual([
      'getSnapshot',
      'getSnapshot',
      'snapshotProgress',
      'restoreProgress',
      'deleteIndices',
      'getSnapshots',
      'runningSnapshots',
    ]);
    expect(view.alias).toBe('a');
    expect(await view.info()).toMatchObject({ name: 'a' });
    expect(await view.health()).toMatchObject({ status: 'green' });
    expect(await view.docCounts(['logs-1'])).toEqual(new Map([['logs-1', 120]]));
  });
});
