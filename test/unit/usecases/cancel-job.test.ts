import { describe, expect, it } from 'vitest';
import { clickOnJobMessage } from '../../../src/core/approval/click-binding.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { CommandTask } from '../../../src/ports/background-tasks.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { cancelJob } from '../../../src/usecases/cancel-job.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

type Bot = ReturnType<typeof buildBotContext>;

function task(text: string, userId = 'U0REQUESTER'): CommandTask {
  return buildCommandTask(text, { userId, triggerId: `${text}-${userId}` });
}

const snapshotRequest = {
  verb: 'create' as const,
  cluster: 'a',
  repository: undefined,
  snapshot: 'long-one',
  indices: ['logs-*'],
  includeGlobalState: false,
  partial: false,
};

const restoreRequest = {
  verb: 'restore' as const,
  cluster: 'b',
  repository: 'migration',
  snapshot: 'nightly',
  indices: ['logs-1'],
  rename: { pattern: '(.+)', replacement: 'restored-$1' },
  replace: false,
};

function slowClusters() {
  return [
    createFakeCluster({ alias: 'a', indices: { 'logs-1': 3 }, pollsToFinish: 10 }),
    createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 }, pollsToFinish: 10 }),
  ];
}

async function onlyJob(bot: Bot, kind: Job['kind']): Promise<Job> {
  const found = (await bot.jobs.listActive()).find((job) => job.kind === kind);
  if (found === undefined) throw new Error(`no active ${kind} job`);
  return found;
}

async function stored(bot: Bot, jobId: string): Promise<Job> {
  const job = await bot.jobs.get(jobId);
  if (job === undefined) throw new Error(`no job ${jobId}`);
  return job;
}

/** A snapshot job that has started its snapshot and waits for it (the fake's snapshot runs for 10 reads). */
async function runningSnapshotJob(bot: Bot): Promise<Job> {
  await requestJob(bot.context, snapshotRequest, task('create a'));
  const job = await onlyJob(bot, 'snapshot-create');
  await runJob(bot.context, job.id);
  return stored(bot, job.id);
}

function threadReplies(bot: Bot): string[] {
  return bot.chat.events.flatMap((event) =>
    event.kind === 'post' && event.threadTs !== undefined ? [event.message.text] : [],
  );
}

function lastUpdateOf(bot: Bot, ts: string | undefined): string {
  const updates = bot.chat.events.filter((event) => event.kind === 'update' && event.ts === ts);
  return JSON.stringify(updates.at(-1)?.message.blocks);
}

describe('cancel of a job that has not started', () => {
  it('cancels a request waiting for approval, by its requester, recording who and when', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, { verb: 'delete-index', cluster: 'b', indices: ['logs-1'] }, task('delete-index'));
    const job = await onlyJob(bot, 'index-delete');

    const reply = await cancelJob(bot.context, job.id, task('cancel'));

    expect(reply.text).toBe(`Job \`${job.id}\` is cancelled.`);
    const cancelled = await stored(bot, job.id);
    expect(cancelled.state).toBe(JobState.CANCELLED);
    expect(cancelled.cancelRequest).toEqual({ by: 'U0REQUESTER', at: bot.clock.now().toISOString() });
    expect(lastUpdateOf(bot, job.messageTs)).toContain('Cancelled by <@U0REQUESTER>');
  });

  it('refuses someone who is neither the requester nor an approver, and a job that does not exist', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, { verb: 'delete-index', cluster: 'b', indices: ['logs-1'] }, task('delete-index'));
    const job = await onlyJob(bot, 'index-delete');

    await expect(cancelJob(bot.context, job.id, task('cancel', 'U0STRANGER'))).rejects.toThrowError(
      'only the requester or an approver may cancel',
    );
    await expect(cancelJob(bot.context, 'nosuchjob', task('cancel'))).rejects.toThrowError('there is no job nosuchjob');
  });

  it('cancels a queued job even when its worker claims it first, by asking the running job to stop', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const job = await onlyJob(bot, 'snapshot-create');
    const realGet = bot.jobs.get.bind(bot.jobs);
    let raced = false;
    bot.jobs.get = async (id) => {
      const read = await realGet(id);
      if (!raced && read?.state === JobState.QUEUED) {
        raced = true;
        await runJob(bot.context, id);
      }
      return read;
    };

    const reply = await cancelJob(bot.context, job.id, task('cancel'));
    bot.jobs.get = realGet;
    await runJob(bot.context, job.id);

    expect(reply.text).toContain('stops at its next safe point');
    expect((await stored(bot, job.id)).state).toBe(JobState.CANCELLED);
  });

  it('cannot cancel a job that has ended', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const job = await onlyJob(bot, 'snapshot-create');
    await runJob(bot.context, job.id);
    await runJob(bot.context, job.id);

    await expect(cancelJob(bot.context, job.id, task('cancel'))).rejects.toThrowError(
      'has already ended (succeeded): there is nothing left to stop',
    );
  });
});

describe('cancel of a running job', () => {
  it('records the cancel on the job and its message at once, then its worker aborts its own running snapshot', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const job = await runningSnapshotJob(bot);

    const reply = await cancelJob(bot.context, job.id, task('cancel', 'U0APPROVER'));
    const asked = await stored(bot, job.id);
    const shownAtOnce = lastUpdateOf(bot, job.messageTs);
    const again = await cancelJob(bot.context, job.id, task('cancel'));
    await runJob(bot.context, job.id);
    const stopped = await stored(bot, job.id);

    expect(reply.text).toBe(
      `Job \`${job.id}\` stops at its next safe point; its message says what it stopped and what it kept.`,
    );
    expect(again.text).toBe(`Job \`${job.id}\` is already stopping (cancel asked by <@U0APPROVER>).`);
    expect(asked.state).toBe(JobState.RUNNING);
    expect(asked.cancelRequest?.by).toBe('U0APPROVER');
    expect(shownAtOnce).toContain('Cancel asked by <@U0APPROVER>');
    expect(bot.dispatched).toContainEqual({ type: 'run-job', jobId: job.id });
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.steps.map((step) => step.status)).toEqual(['done', 'done', 'stopped']);
    expect(stopped.history.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['cancel-requested', 'cancelled']),
    );
    expect(stopped.history.at(-1)).toMatchObject({
      event: 'cancelled',
      by: 'U0APPROVER',
      detail: 'stopped during “Wait for the snapshot”; snapshot long-one was still running and is aborted',
    });
    await expect(bot.clusters.a?.getSnapshot('migration', 'long-one')).rejects.toThrowError();
    expect(threadReplies(bot)).toEqual([
      expect.stringMatching(/^:no_entry_sign: Snapshot cancelled by <@U0APPROVER>: stopped during .*\n<@U0ONCALL>$/),
    ]);
    expect(lastUpdateOf(bot, job.messageTs)).toContain('Cancelled by <@U0APPROVER>: stopped during');
  });

  it('keeps a snapshot that ended before the worker got to it, and says so', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const job = await runningSnapshotJob(bot);
    for (let read = 0; read < 12; read += 1) await bot.clusters.a?.getSnapshots('migration', ['long-one']);

    await cancelJob(bot.context, job.id, task('cancel'));
    await runJob(bot.context, job.id);

    const stopped = await stored(bot, job.id);
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.history.at(-1)?.detail).toContain('snapshot long-one had already ended (SUCCESS) and is kept');
    expect((await bot.clusters.a?.getSnapshot('migration', 'long-one'))?.state).toBe('SUCCESS');
  });

  it('keeps a snapshot of that name that another job took', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const job = await runningSnapshotJob(bot);
    await bot.clusters.a?.deleteSnapshot('migration', 'long-one');
    await bot.clusters.a?.createSnapshot({ repository: 'migration', snapshot: 'long-one', jobId: 'someone-else' });

    await cancelJob(bot.context, job.id, task('cancel'));
    await runJob(bot.context, job.id);

    expect((await stored(bot, job.id)).history.at(-1)?.detail).toContain('was not taken by this job and is kept');
    expect((await bot.clusters.a?.getSnapshot('migration', 'long-one'))?.state).toBe('IN_PROGRESS');
  });

  it('gives the job back when a cluster does not answer the stop, and stops it on the next try', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const job = await runningSnapshotJob(bot);
    await cancelJob(bot.context, job.id, task('cancel'));
    const unreachable = new Error('connect ECONNREFUSED');
    bot.clusters.a?.fail('abortSnapshot', unreachable);

    await expect(runJob(bot.context, job.id)).rejects.toThrowError(unreachable);
    const waiting = await stored(bot, job.id);
    bot.clusters.a?.heal('abortSnapshot');
    await runJob(bot.context, job.id);

    expect(waiting).toMatchObject({ state: JobState.RUNNING, lease: undefined });
    expect((await stored(bot, job.id)).state).toBe(JobState.CANCELLED);
  });

  it('leaves a cancelled job to the worker that holds it', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const job = await runningSnapshotJob(bot);
    await cancelJob(bot.context, job.id, task('cancel'));
    const asked = await stored(bot, job.id);
    const held = {
      ...asked,
      version: asked.version + 1,
      lease: { owner: 'worker-elsewhere', token: 'their-token', until: '2099-01-01T00:00:00.000Z' },
    };
    await bot.jobs.update(held);

    await runJob(bot.context, job.id);

    expect(await stored(bot, job.id)).toEqual(held);
  });

  it('finishes the step under way when the cancel is written meanwhile, and stops before the next one', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const job = await onlyJob(bot, 'snapshot-create');
    const a = bot.clusters.a as ClusterClient;
    let reply: Awaited<ReturnType<typeof cancelJob>> | undefined;
    const cancelledMidStep: ClusterClient = {
      ...a,
      registerRepository: async (repository) => {
        reply = await cancelJob(bot.context, job.id, task('cancel'));
        return a.registerRepository(repository);
      },
    };

    await runJob(bot.context, job.id, { clusterFor: () => cancelledMidStep });

    const stopped = await stored(bot, job.id);
    expect(reply?.text).toContain('stops at its next safe point');
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.steps.map((step) => step.status)).toEqual(['done', 'pending', 'pending']);
    expect(stopped.history.at(-1)?.detail).toBe('stopped before “Start the snapshot”');
    expect(bot.clusters.a?.calls).not.toContain('createSnapshot');
  });

  it('stops before the first step when the cancel comes in while the job says it is running', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const job = await onlyJob(bot, 'snapshot-create');
    const { update } = bot.chat;
    let reply: Awaited<ReturnType<typeof cancelJob>> | undefined;
    bot.chat.update = async (channel, ts, message) => {
      reply ??= await cancelJob(bot.context, job.id, task('cancel'));
      return update(channel, ts, message);
    };

    await runJob(bot.context, job.id);

    const stopped = await stored(bot, job.id);
    expect(reply?.text).toContain('stops at its next safe point');
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.steps.map((step) => step.status)).toEqual(['pending', 'pending', 'pending']);
    expect(bot.clusters.a?.calls).not.toContain('registerRepository');
  });

  it('deletes nothing when the cancel comes in between the last look for one and the approved delete', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, { verb: 'delete-index', cluster: 'b', indices: ['logs-1'] }, task('delete-index'));
    const job = await onlyJob(bot, 'index-delete');
    await decideApproval(bot.context, { ...clickOnJobMessage(job, 'U0APPROVER'), decision: 'approve' });
    const realGet = bot.jobs.get.bind(bot.jobs);
    let reply: Awaited<ReturnType<typeof cancelJob>> | undefined;
    bot.jobs.get = async (id) => {
      const read = await realGet(id);
      if (reply === undefined && read?.state === JobState.RUNNING) {
        bot.jobs.get = realGet;
        reply = await cancelJob(bot.context, id, task('cancel'));
      }
      return read;
    };

    await runJob(bot.context, job.id);

    const stopped = await stored(bot, job.id);
    expect(reply?.text).toContain('stops at its next safe point');
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.history.at(-1)?.detail).toBe('stopped before “Delete the indices”');
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
    expect(await bot.clusters.b?.resolveIndices(['logs-1'])).toMatchObject({ indices: [{ index: 'logs-1' }] });
  });

  it('stops a restore by asking, for approval, to delete only the targets still restoring from its snapshot', async () => {
    const bot = buildBotContext({ clusters: slowClusters() });
    const b = bot.clusters.b as ReturnType<typeof createFakeCluster>;
    await b.createSnapshot({ repository: 'migration', snapshot: 'nightly', indices: ['logs-*'], jobId: 'earlier' });
    for (let read = 0; read < 12; read += 1) await b.getSnapshot('migration', 'nightly');
    await requestJob(bot.context, restoreRequest, task('restore b'));
    const restore = await onlyJob(bot, 'restore');
    await decideApproval(bot.context, { ...clickOnJobMessage(restore, 'U0APPROVER'), decision: 'approve' });
    await runJob(bot.context, restore.id);

    await cancelJob(bot.context, restore.id, task('cancel'));
    await runJob(bot.context, restore.id);

    const stopped = await stored(bot, restore.id);
    const deletion = await onlyJob(bot, 'index-delete');
    expect(stopped.state).toBe(JobState.CANCELLED);
    expect(stopped.cancelRequest?.stopJob).toBe(deletion.id);
    expect(stopped.history.at(-1)?.detail).toBe(
      `stopped during “Wait for the restore”; still restoring: restored-logs-1; deleting them to stop the restore is job \`${deletion.id}\``,
    );
    expect(deletion.state).toBe(JobState.PENDING_APPROVAL);
    expect(deletion.requestedBy).toBe('U0REQUESTER');
    expect(deletion.requestText).toBe(`cancel ${restore.id}: delete the indices still restoring from its snapshot`);
    expect(deletion.plan).toMatchObject({ kind: 'index-delete', cluster: 'b' });
    expect(deletion.plan.kind === 'index-delete' ? deletion.plan.indices.map((entry) => entry.index) : []).toEqual([
      'restored-logs-1',
    ]);
    expect(b.calls).not.toContain('deleteIndices');
  });
});
