import { describe, expect, it } from 'vitest';
import type { Job, JobPlan } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { verifyDocCounts } from '../../../src/usecases/steps/index-steps.js';
import { verifyRestoredSizes } from '../../../src/usecases/steps/restore-steps.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildJob } from '../../fixtures/job.js';
import { PLANS, plannedIndex } from '../../fixtures/plans.js';

type Bot = ReturnType<typeof buildBotContext>;

/** Runs the queued job to its end, the clock moving a minute between runs as the poller's ticks would. */
async function runToEnd(bot: Bot, plan: JobPlan): Promise<Job> {
  const job = { ...buildJob({ plan }), id: 'job-1', state: JobState.QUEUED, messageTs: 'ts-1' };
  await bot.jobs.create(job);
  for (let run = 0; run < 20; run += 1) {
    await runJob(bot.context, job.id);
    const read = (await bot.jobs.get(job.id)) as Job;
    if (['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(read.state)) return read;
    bot.clock.advance(60_000);
  }
  const last = (await bot.jobs.get(job.id)) as Job;
  throw new Error(`the job did not end: ${last.state} ${JSON.stringify(last.history.slice(-3))} ${stepStatuses(last)}`);
}

function stepStatuses(job: Job) {
  return job.steps.map((step) => `${step.name}@${step.cluster}:${step.status}`);
}

type PlanOf<Kind extends JobPlan['kind']> = Extract<JobPlan, { kind: Kind }>;

const replacingMigration = (): PlanOf<'migrate'> => ({
  ...(PLANS.migrate() as PlanOf<'migrate'>),
  restores: [
    { index: 'logs-1', target: 'logs-1' },
    { index: 'logs-2', target: 'logs-2' },
  ],
  rename: undefined,
  deletions: [plannedIndex('logs-1', 7)],
});

describe('the gate after a migration’s snapshot', () => {
  it('ends the job FAILED on a PARTIAL snapshot, naming the failed shard, before anything on B is touched', async () => {
    const bot = buildBotContext({
      clusters: [
        createFakeCluster({ alias: 'a', indices: { 'logs-1': 120, 'logs-2': 80 }, snapshotOutcome: 'PARTIAL' }),
        createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }),
      ],
    });

    const ended = await runToEnd(bot, replacingMigration());

    expect(ended.state).toBe(JobState.FAILED);
    expect(stepStatuses(ended)).toEqual([
      'register-repository@a:done',
      'register-repository@b:done',
      'start-snapshot@a:done',
      'await-snapshot@a:failed',
      'delete-indices@b:pending',
      'start-restore@b:pending',
      'await-restore@b:pending',
      'verify-doc-counts@b:pending',
    ]);
    const closing = ended.history.at(-1)?.detail ?? '';
    expect(closing).toContain('PARTIAL: 1 of 2 shards failed (logs-1[0]: primary shard is not allocated)');
    expect(closing).toContain('Nothing on b was touched');
    expect(closing).toContain('narrow `indices=`');
    expect(bot.clusters.b?.calls).toEqual(['listRepositories', 'listRepositories', 'registerRepository']);
    expect(bot.clusters.b?.indices.get('logs-1')).toBe(7);
  });

  it('ends the job FAILED when the snapshot lacks a planned index', async () => {
    const bot = buildBotContext();
    const plan = { ...replacingMigration(), indices: [plannedIndex('logs-1'), plannedIndex('logs-3')] };

    const ended = await runToEnd(bot, plan);

    expect(ended.state).toBe(JobState.FAILED);
    expect(ended.history.at(-1)?.detail).toContain(
      'SUCCESS, but the snapshot holds only 1 of the 2 indices asked for; missing: logs-3. Nothing on b was touched',
    );
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
  });
});

describe('a snapshot that holds less than asked', () => {
  it('ends a snapshot job PARTIAL, saying it captured nothing', async () => {
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), createFakeCluster({ alias: 'b' })] });
    const plan = { ...PLANS.snapshotCreate(), indices: [] };

    const ended = await runToEnd(bot, plan);

    expect(ended.state).toBe(JobState.PARTIAL);
    expect(ended.history.at(-1)?.detail).toBe('the snapshot captured nothing: 0 indices, 0 shards');
  });

  it('ends a snapshot job FAILED on a FAILED snapshot', async () => {
    const bot = buildBotContext({
      clusters: [createFakeCluster({ alias: 'a', indices: { 'logs-1': 1 }, snapshotOutcome: 'FAILED' })],
    });

    const ended = await runToEnd(bot, PLANS.snapshotCreate());

    expect(ended.state).toBe(JobState.FAILED);
    expect(ended.history.at(-1)?.detail).toBe('FAILED: no reason given');
  });
});

describe('the outcome of a restore', () => {
  it('does not count a target that a writer re-created empty, and ends the job PARTIAL naming it', async () => {
    const bot = buildBotContext();
    const b = bot.clusters.b as ReturnType<typeof createFakeCluster>;
    b.indices.set('logs-2', 80);
    await b.createSnapshot({ repository: 'migration', snapshot: 'nightly', indices: ['logs-*'], jobId: 'earlier' });
    await b.getSnapshot('migration', 'nightly');
    await b.getSnapshot('migration', 'nightly');
    const realRestore = b.restore;
    b.restore = async (request) => {
      const outcome = await realRestore(request);
      // The restore is accepted and runs; then logs-2 is deleted and a writer auto-creates it, empty.
      await b.restoreProgress(['logs-1', 'logs-2']);
      await b.restoreProgress(['logs-1', 'logs-2']);
      await b.deleteIndices(['logs-2']);
      b.indices.set('logs-2', 0);
      return outcome;
    };
    const plan: PlanOf<'restore'> = {
      ...(PLANS.restore() as PlanOf<'restore'>),
      snapshotUuid: (await b.getSnapshot('migration', 'nightly')).uuid,
      deletions: [plannedIndex('logs-1', 7, 700, 'b-logs-1'), plannedIndex('logs-2', 80, 8000, 'b-logs-2')],
    };

    const ended = await runToEnd(bot, plan);

    expect(ended.state).toBe(JobState.PARTIAL);
    expect(ended.history.at(-1)?.detail).toBe(
      '1 index restored from the snapshot; not restored, as they did not come from it: logs-2 (recovered from EMPTY_STORE)',
    );
  });

  it('ends a migration PARTIAL when the document counts differ, naming the index', async () => {
    const source = createFakeCluster({ alias: 'a', indices: { 'logs-1': 120, 'logs-2': 80 } });
    const target = createFakeCluster({ alias: 'b', indices: { 'moved-logs-1': 120, 'moved-logs-2': 79 } });

    const outcome = await verifyDocCounts(buildJob({ plan: PLANS.migrate() }), source, target, catalogFor('en'));

    expect(outcome).toEqual({
      status: 'done',
      partial: true,
      detail: 'doc counts differ: moved-logs-2 has 79, source 80',
    });
  });

  it('compares a restore with the snapshot’s own statistics, naming the copy that differs', async () => {
    const b = createFakeCluster({ alias: 'b', indices: { 'logs-1': 3, 'logs-2': 5 } });
    await b.createSnapshot({ repository: 'migration', snapshot: 'nightly', indices: ['logs-*'], jobId: 'earlier' });
    await b.getSnapshot('migration', 'nightly');
    await b.getSnapshot('migration', 'nightly');
    await b.deleteIndices(['logs-1', 'logs-2']);
    await b.restore({ repository: 'migration', snapshot: 'nightly', indices: ['logs-1', 'logs-2'] });
    await b.restoreProgress(['logs-1', 'logs-2']);
    await b.restoreProgress(['logs-1', 'logs-2']);
    const plan: PlanOf<'restore'> = {
      ...(PLANS.restore() as PlanOf<'restore'>),
      snapshotSizes: [
        { index: 'logs-1', bytes: 300 },
        { index: 'logs-2', bytes: 999 },
      ],
    };

    const outcome = await verifyRestoredSizes(buildJob({ plan }), b, catalogFor('en'));

    expect(outcome).toEqual({
      status: 'done',
      partial: true,
      detail: 'restored copies differ from the snapshot: logs-2 recovered 500 bytes, the snapshot holds 999',
    });
  });
});
