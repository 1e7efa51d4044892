import { describe, expect, it } from 'vitest';
import { clickOnJobMessage } from '../../../src/core/approval/click-binding.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { CommandTask } from '../../../src/ports/background-tasks.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

function commandTask(text: string, triggerId = 't1', userId = 'U0REQUESTER'): CommandTask {
  return buildCommandTask(text, { triggerId, userId });
}

const restoreRequest = {
  verb: 'restore' as const,
  cluster: 'b',
  repository: 'migration',
  snapshot: 'nightly',
  indices: ['logs-*'],
  rename: undefined,
  replace: true,
};

async function givenASnapshotOnB(bot: ReturnType<typeof buildBotContext>) {
  await bot.clusters.b?.createSnapshot({
    repository: 'migration',
    snapshot: 'nightly',
    indices: ['logs-*'],
    jobId: 'earlier',
  });
  bot.clusters.b?.indices.set('logs-2', 80);
  await bot.clusters.b?.getSnapshot('migration', 'nightly');
  await bot.clusters.b?.getSnapshot('migration', 'nightly');
}

describe('a restore request', () => {
  it('waits for approval with a message listing what it deletes and restores, and runs once approved', async () => {
    const bot = buildBotContext();
    bot.clusters.b?.indices.set('logs-2', 80);
    await givenASnapshotOnB(bot);

    const task = commandTask('restore b migration nightly indices=logs-* replace', 't1', 'U0SECOND');
    await requestJob(bot.context, restoreRequest, task);
    const [job] = await bot.jobs.listActive();
    const refused = await decideApproval(bot.context, {
      ...clickOnJobMessage(job as Job, 'U0SECOND'),
      decision: 'approve',
    });
    const approved = await decideApproval(bot.context, {
      ...clickOnJobMessage(job as Job, 'U0APPROVER'),
      decision: 'approve',
    });
    await runJob(bot.context, job?.id ?? '');
    bot.clock.advance(60_000);
    await pollActiveJobs(bot.context);

    expect(job?.state).toBe(JobState.PENDING_APPROVAL);
    expect(refused?.text).toContain('you cannot approve your own request');
    expect(approved).toBeUndefined();
    expect(bot.dispatched).toEqual([{ type: 'run-job', jobId: job?.id }]);
    expect((await bot.jobs.get(job?.id ?? ''))?.state).toBe(JobState.SUCCEEDED);
    expect(bot.clusters.b?.calls.filter((call) => call === 'deleteIndices')).toHaveLength(1);
    const thread = bot.chat.events.filter((event) => event.kind === 'post' && event.threadTs !== undefined);
    expect(thread).toHaveLength(1);
    expect(JSON.stringify(thread[0])).toContain('Restore succeeded');
    expect(JSON.stringify(thread[0])).toContain('<@U0ONCALL>');
  });

  it('is created once however often the same Slack request arrives', async () => {
    const bot = buildBotContext();
    await givenASnapshotOnB(bot);
    const task = commandTask('restore b migration nightly indices=logs-* replace');

    await Promise.all([requestJob(bot.context, restoreRequest, task), requestJob(bot.context, restoreRequest, task)]);
    await requestJob(bot.context, restoreRequest, task);

    expect(await bot.jobs.listActive()).toHaveLength(1);
  });

  it('leads to exactly one execution when fifty approvers click at once', async () => {
    const bot = buildBotContext({
      configOverrides: {
        approval: {
          approvers: [],
          approverGroups: ['S0SRE'],
          required: 1,
          allowSelfApproval: false,
          expiryMinutes: 30,
          autoRun: [],
        },
      },
      groups: { S0SRE: Array.from({ length: 50 }, (_, position) => `U0A${position}`) },
    });
    await givenASnapshotOnB(bot);
    await requestJob(bot.context, restoreRequest, commandTask('restore'));
    const [job] = await bot.jobs.listActive();

    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, position) =>
        decideApproval(bot.context, { ...clickOnJobMessage(job as Job, `U0A${position}`), decision: 'approve' }),
      ),
    );

    expect(replies.filter((reply) => reply === undefined)).toHaveLength(1);
    expect(bot.dispatched).toHaveLength(1);
    expect(
      replies.filter((reply) => reply?.text.includes('can no longer be approved or rejected (now: Queued)')),
    ).toHaveLength(49);
  });

  it('expires when nobody approves in time, and the buttons go away', async () => {
    const bot = buildBotContext();
    await givenASnapshotOnB(bot);
    await requestJob(bot.context, restoreRequest, commandTask('restore'));
    const [job] = await bot.jobs.listActive();

    bot.clock.advance(31 * 60_000);
    const tick = await pollActiveJobs(bot.context);
    const late = await decideApproval(bot.context, {
      ...clickOnJobMessage(job as Job, 'U0APPROVER'),
      decision: 'approve',
    });

    expect(tick.expired).toBe(1);
    expect((await bot.jobs.get(job?.id ?? ''))?.state).toBe(JobState.EXPIRED);
    expect(late?.text).toContain('can no longer be approved or rejected (now: Expired)');
    const lastUpdate = bot.chat.events.filter((event) => event.kind === 'update').at(-1);
    expect(JSON.stringify(lastUpdate)).not.toContain('job.approve');
    expect(bot.clusters.b?.calls).not.toContain('deleteIndices');
  });

  it('is rejected by an approver and never runs', async () => {
    const bot = buildBotContext();
    await givenASnapshotOnB(bot);
    await requestJob(bot.context, restoreRequest, commandTask('restore'));
    const [job] = await bot.jobs.listActive();

    await decideApproval(bot.context, { ...clickOnJobMessage(job as Job, 'U0APPROVER'), decision: 'reject' });
    await runJob(bot.context, job?.id ?? '');

    expect((await bot.jobs.get(job?.id ?? ''))?.state).toBe(JobState.REJECTED);
    expect(bot.dispatched).toHaveLength(0);
    expect(bot.clusters.b?.calls).not.toContain('restore');
  });
});

describe('a snapshot request', () => {
  it('runs without approval and ends PARTIAL with the reason when shards fail', async () => {
    const bot = buildBotContext({
      clusters: [
        (await import('../../fakes/fake-cluster-client.js')).createFakeCluster({
          alias: 'a',
          indices: { 'logs-1': 5 },
          snapshotOutcome: 'PARTIAL',
        }),
      ],
    });
    const request = {
      verb: 'create' as const,
      cluster: 'a',
      repository: undefined,
      snapshot: 'n1',
      indices: ['logs-1'],
      includeGlobalState: false,
      partial: false,
    };

    await requestJob(bot.context, request, commandTask('create a'));
    const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';
    await runJob(bot.context, jobId);
    await pollActiveJobs(bot.context);
    await pollActiveJobs(bot.context);

    const job = await bot.jobs.get(jobId);
    expect(job?.state).toBe(JobState.PARTIAL);
    expect(job?.history.at(-1)?.detail).toContain('primary shard is not allocated');
  });

  it('resumes after its worker died, without starting the snapshot again', async () => {
    const bot = buildBotContext();
    const request = {
      verb: 'create' as const,
      cluster: 'a',
      repository: undefined,
      snapshot: 'n2',
      indices: ['logs-*'],
      includeGlobalState: false,
      partial: false,
    };
    await requestJob(bot.context, request, commandTask('create a'));
    const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';
    await runJob(bot.context, jobId);

    bot.clock.advance(5 * 60_000);
    await pollActiveJobs(bot.context);
    await pollActiveJobs(bot.context);

    expect((await bot.jobs.get(jobId))?.state).toBe(JobState.SUCCEEDED);
    expect(bot.clusters.a?.calls.filter((call) => call === 'createSnapshot')).toHaveLength(1);
  });
});
