import { describe, expect, it } from 'vitest';
import { clickOnJobMessage } from '../../../src/core/approval/click-binding.js';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';
import { buildPolicy } from '../../fixtures/plans.js';

type Bot = ReturnType<typeof buildBotContext>;

const deleteOld = { verb: 'delete-index' as const, cluster: 'b', indices: ['old-*'] };

function clusters() {
  return [
    createFakeCluster({ alias: 'a', indices: { 'logs-1': 120 } }),
    createFakeCluster({ alias: 'b', indices: { 'old-1': 12, 'old-2': 5 } }),
  ];
}

async function approved(bot: Bot, request: Parameters<typeof requestJob>[1], text: string): Promise<Job> {
  await requestJob(bot.context, request, buildCommandTask(text, { triggerId: text }));
  const job = (await bot.jobs.listActive()).find((found) => found.state === JobState.PENDING_APPROVAL) as Job;
  await decideApproval(bot.context, { ...clickOnJobMessage(job, 'U0APPROVER'), decision: 'approve' });
  return (await bot.jobs.get(job.id)) as Job;
}

async function stored(bot: Bot, id: string): Promise<Job> {
  return (await bot.jobs.get(id)) as Job;
}

describe('an approved index deletion', () => {
  it('plans the exact indices with their UUIDs and the patterns asked for', async () => {
    const bot = buildBotContext({ clusters: clusters() });

    const job = await approved(bot, deleteOld, 'delete-index b old-*');

    expect(job.plan).toEqual({
      kind: 'index-delete',
      leftOut: [],
      cluster: 'b',
      indices: [
        { index: 'old-1', docsCount: 12, storeBytes: 1200, uuid: 'b-old-1' },
        { index: 'old-2', docsCount: 5, storeBytes: 500, uuid: 'b-old-2' },
      ],
      patterns: ['old-*'],
    });
  });

  it('deletes when nothing changed since approval', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    const job = await approved(bot, deleteOld, 'delete-index b old-*');

    await runJob(bot.context, job.id);

    expect((await stored(bot, job.id)).state).toBe(JobState.SUCCEEDED);
    expect([...(bot.clusters.b?.indices.keys() ?? [])]).toEqual([]);
  });

  it('goes back to approval, touching nothing, when an index grew, and says so in its thread', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    const job = await approved(bot, deleteOld, 'delete-index b old-*');
    bot.clusters.b?.indices.set('old-1', 999_999);

    await runJob(bot.context, job.id);
    const asked = await stored(bot, job.id);

    expect(asked.state).toBe(JobState.PENDING_APPROVAL);
    expect(asked.lease).toBeUndefined();
    expect(asked.replan?.changes).toEqual([{ kind: 'index-grew', index: 'old-1', approvedDocs: 12, docs: 999_999 }]);
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
    expect(bot.clusters.b?.indices.get('old-1')).toBe(999_999);
    const posts = bot.chat.events.filter((event) => event.kind === 'post' && event.threadTs !== undefined);
    expect(JSON.stringify(posts)).toContain('`old-1`: approved 12 docs, now 999,999');
    const updates = bot.chat.events.filter((event) => event.kind === 'update');
    expect(JSON.stringify(updates.at(-1))).toContain('job.approve');
  });

  it('runs the new plan after a second approval by the same approver', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    const job = await approved(bot, deleteOld, 'delete-index b old-*');
    bot.clusters.b?.uuids.set('old-2', 'recreated');
    await runJob(bot.context, job.id);

    const refusal = await decideApproval(bot.context, { ...clickOnJobMessage(job, 'U0APPROVER'), decision: 'approve' });
    await runJob(bot.context, job.id);

    expect(refusal).toBeUndefined();
    expect((await stored(bot, job.id)).state).toBe(JobState.SUCCEEDED);
    expect(bot.clusters.b?.calls.filter((call) => call === 'deleteIndices')).toHaveLength(1);
  });

  it('fails before deleting anything when the new plan would reach a protected index', async () => {
    const bot = buildBotContext({ clusters: clusters(), configOverrides: { protectedIndices: ['old-3'] } });
    const job = await approved(bot, deleteOld, 'delete-index b old-*');
    bot.clusters.b?.indices.set('old-3', 1);

    await runJob(bot.context, job.id);
    const ended = await stored(bot, job.id);

    expect(ended.state).toBe(JobState.FAILED);
    expect(ended.steps[0]?.detail).toContain('old-3');
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
  });

  it('waits, touching nothing, when the cluster does not answer the re-check', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    const job = await approved(bot, deleteOld, 'delete-index b old-*');
    const resolve = bot.clusters.b?.resolveIndices;
    (bot.clusters.b as { resolveIndices: unknown }).resolveIndices = async () => {
      throw new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'b', reason: 'connect ECONNREFUSED' });
    };

    await runJob(bot.context, job.id);

    expect((await stored(bot, job.id)).state).toBe(JobState.RUNNING);
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
    (bot.clusters.b as { resolveIndices: unknown }).resolveIndices = resolve;
  });
});

async function givenASnapshot(bot: Bot, jobId = 'earlier') {
  await bot.clusters.b?.createSnapshot({ repository: 'migration', snapshot: 'nightly', indices: ['old-*'], jobId });
  await bot.clusters.b?.getSnapshot('migration', 'nightly');
  await bot.clusters.b?.getSnapshot('migration', 'nightly');
}

describe('an approved snapshot deletion', () => {
  const deleteNightly = { verb: 'delete' as const, cluster: 'b', repository: 'migration', snapshot: 'nightly' };

  it('asks again rather than delete a snapshot taken again under its name', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    await givenASnapshot(bot);
    const job = await approved(bot, deleteNightly, 'delete b migration nightly');
    await bot.clusters.b?.deleteSnapshot('migration', 'nightly');
    await givenASnapshot(bot, 'someone-else');

    await runJob(bot.context, job.id);
    const asked = await stored(bot, job.id);

    expect(asked.state).toBe(JobState.PENDING_APPROVAL);
    expect(asked.replan?.changes[0]).toMatchObject({ kind: 'snapshot-replaced', snapshot: 'nightly' });
    expect(asked.plan).toMatchObject({ snapshotUuid: 'b-snapshot-2' });
    expect(bot.clusters.b?.calls.filter((call) => call === 'deleteSnapshot')).toHaveLength(1);
  });
});

describe('an approved restore', () => {
  const restoreOld = {
    verb: 'restore' as const,
    cluster: 'b',
    repository: 'migration',
    snapshot: 'nightly',
    indices: ['old-1'],
    rename: { pattern: '(.+)', replacement: 'copy-$1' },
    replace: false,
  };

  it('fails, restoring nothing, when its snapshot is gone: there is no plan to approve', async () => {
    const bot = buildBotContext({ clusters: clusters() });
    await givenASnapshot(bot);
    const job = await approved(bot, restoreOld, 'restore b migration nightly indices=old-1 rename=(.+):copy-$1');
    await bot.clusters.b?.deleteSnapshot('migration', 'nightly');

    await runJob(bot.context, job.id);
    const ended = await stored(bot, job.id);

    expect(ended.state).toBe(JobState.FAILED);
    expect(ended.steps[0]?.detail).toContain('snapshot "nightly" is no longer in repository "migration"');
    expect(bot.clusters.b?.calls).not.toContain('restore');
  });
});

describe('a job that runs without approval', () => {
  it('is not held to a plan nobody approved', async () => {
    const approval = buildPolicy({ autoRun: ['index-delete'] });
    const bot = buildBotContext({ clusters: clusters(), configOverrides: { approval } });
    await requestJob(bot.context, deleteOld, buildCommandTask('delete-index b old-*', { triggerId: 'auto' }));
    const [job] = await bot.jobs.listActive();
    bot.clusters.b?.indices.set('old-1', 999_999);

    await runJob(bot.context, job?.id ?? '');

    expect((await stored(bot, job?.id ?? '')).state).toBe(JobState.SUCCEEDED);
  });
});
