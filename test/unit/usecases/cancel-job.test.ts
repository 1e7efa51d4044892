import { describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { CommandTask } from '../../../src/ports/background-tasks.js';
import { cancelJob } from '../../../src/usecases/cancel-job.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

function task(text: string, userId = 'U0REQUESTER'): CommandTask {
  return buildCommandTask(text, { userId });
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

describe('cancel', () => {
  it('cancels a request waiting for approval, by its requester', async () => {
    const bot = buildBotContext();
    await requestJob(
      bot.context,
      { verb: 'delete-index', cluster: 'b', indices: ['logs-1'] },
      task('delete-index b logs-1'),
    );
    const [job] = await bot.jobs.listActive();

    const reply = await cancelJob(bot.context, job?.id ?? '', task('cancel'));

    expect(reply.text).toBe(`Job \`${job?.id}\` is cancelled.`);
    expect((await bot.jobs.get(job?.id ?? ''))?.state).toBe(JobState.CANCELLED);
  });

  it('refuses someone who is neither the requester nor an approver', async () => {
    const bot = buildBotContext();
    await requestJob(
      bot.context,
      { verb: 'delete-index', cluster: 'b', indices: ['logs-1'] },
      task('delete-index b logs-1'),
    );
    const [job] = await bot.jobs.listActive();

    await expect(cancelJob(bot.context, job?.id ?? '', task('cancel', 'U0STRANGER'))).rejects.toThrowError(
      'only the requester or an approver may cancel',
    );
    await expect(cancelJob(bot.context, 'nosuchjob', task('cancel'))).rejects.toThrowError('there is no job nosuchjob');
  });

  it('stops a running snapshot by deleting it after approval, and the job ends saying so', async () => {
    const bot = buildBotContext({
      clusters: [createFakeCluster({ alias: 'a', indices: { 'logs-1': 3 }, pollsToFinish: 10 })],
    });
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const snapshotJobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';
    await runJob(bot.context, snapshotJobId);

    const reply = await cancelJob(bot.context, snapshotJobId, task('cancel'));
    const abort = (await bot.jobs.listActive()).find((job) => job.kind === 'snapshot-delete');
    await decideApproval(bot.context, { jobId: abort?.id ?? '', userId: 'U0APPROVER', decision: 'approve' });
    await runJob(bot.context, abort?.id ?? '');
    bot.clock.advance(120_000);
    await pollActiveJobs(bot.context);

    expect(reply.text).toContain('deletes its running snapshot `long-one`');
    expect(abort?.state).toBe(JobState.PENDING_APPROVAL);
    expect((await bot.jobs.get(abort?.id ?? ''))?.state).toBe(JobState.SUCCEEDED);
    const stopped = await bot.jobs.get(snapshotJobId);
    expect(stopped?.state).toBe(JobState.FAILED);
    expect(stopped?.history.at(-1)?.detail).toContain('is not in migration (deleted, or never started)');
  });

  it('cannot stop a job past its snapshot', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, snapshotRequest, task('create a'));
    const jobId = bot.dispatched[0]?.type === 'run-job' ? bot.dispatched[0].jobId : '';
    await runJob(bot.context, jobId);
    await pollActiveJobs(bot.context);

    await expect(cancelJob(bot.context, jobId, task('cancel'))).rejects.toThrowError(
      'past the point where it can be stopped',
    );
  });
});
