import { describe, expect, it } from 'vitest';
import { JobNotFoundError } from '../../../src/core/errors.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { explainApproval, rejectTyped } from '../../../src/usecases/decide-approval.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

const deletion = { verb: 'delete-index' as const, cluster: 'b', indices: ['logs-2'] };

async function givenAPendingDeletion() {
  const bot = buildBotContext();
  bot.clusters.b?.indices.set('logs-2', 80);
  const asked = buildCommandTask('delete-index b logs-2', { userId: 'U0REQUESTER' });
  await requestJob(bot.context, deletion, asked);
  const [job] = await bot.jobs.listActive();
  if (job === undefined) throw new Error('expected the deletion to wait');
  return { bot, job, asked };
}

describe('approve and reject typed', () => {
  it('rejects with the reason, recorded on the history, for an approver in the job channel', async () => {
    const { bot, job, asked } = await givenAPendingDeletion();
    const typed = buildCommandTask(`reject ${job.id} "not tonight"`, {
      userId: 'U0APPROVER',
      channelId: asked.channelId,
    });

    const reply = await rejectTyped(bot.context, { jobId: job.id, reason: 'not tonight' }, typed);

    const rejected = await bot.jobs.get(job.id);
    expect(reply).toBeUndefined();
    expect(rejected?.state).toBe(JobState.REJECTED);
    expect(rejected?.history.at(-1)).toMatchObject({ event: 'rejected', by: 'U0APPROVER', detail: 'not tonight' });
  });

  it('refuses a reject typed in another channel, and changes nothing', async () => {
    const { bot, job } = await givenAPendingDeletion();
    const elsewhere = buildCommandTask(`reject ${job.id}`, { userId: 'U0APPROVER', channelId: 'C0ELSEWHERE' });

    const reply = await rejectTyped(bot.context, { jobId: job.id, reason: undefined }, elsewhere);

    expect(reply?.text).toContain(`job ${job.id} is decided in <#${job.channel}>`);
    expect((await bot.jobs.get(job.id))?.state).toBe(JobState.PENDING_APPROVAL);
  });

  it('refuses a reject by someone who may not decide', async () => {
    const { bot, job, asked } = await givenAPendingDeletion();
    const stranger = buildCommandTask(`reject ${job.id}`, { userId: 'U0STRANGER', channelId: asked.channelId });

    const reply = await rejectTyped(bot.context, { jobId: job.id, reason: undefined }, stranger);

    expect(reply?.text).toContain('you are not an approver');
    expect((await bot.jobs.get(job.id))?.state).toBe(JobState.PENDING_APPROVAL);
  });

  it('answers a typed approve with where the button is, and approves nothing', async () => {
    const { bot, job, asked } = await givenAPendingDeletion();

    const reply = await explainApproval(bot.context, job.id, { ...asked, userId: 'U0APPROVER' });

    expect(reply.text).toContain(`click Approve on its message in <#${job.channel}>`);
    expect(reply.text).toContain(`/es snapshot job ${job.id}`);
    expect((await bot.jobs.get(job.id))?.state).toBe(JobState.PENDING_APPROVAL);
  });

  it('says there is no such job', async () => {
    const bot = buildBotContext();

    await expect(explainApproval(bot.context, 'zzzzzzzz', buildCommandTask('approve zzzzzzzz'))).rejects.toThrow(
      JobNotFoundError,
    );
  });
});
