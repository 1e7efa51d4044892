import { describe, expect, it } from 'vitest';
import { clickOnJobMessage } from '../../../src/core/approval/click-binding.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { handleRequest } from '../../../src/usecases/verb-handlers.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

type Bot = ReturnType<typeof buildBotContext>;

const ELSEWHERE = { name: 'migration', type: 'fs' as const, settings: { location: '/mnt/elsewhere' } };

const ask = (bot: Bot, text: string) =>
  handleRequest(bot.context, buildCommandTask(text, { userId: 'U0REQUESTER', triggerId: text }));

async function onlyJob(bot: Bot): Promise<Job> {
  const [job, ...more] = await bot.jobs.listActive();
  if (job === undefined || more.length > 0) throw new Error('expected one job');
  return job;
}

function callsOf(bot: Bot, alias: 'a' | 'b', name: string): number {
  return bot.clusters[alias]?.calls.filter((call) => call === name).length ?? 0;
}

/** The repository a job would register first, registered read-only on a, as a migration to a leaves it. */
async function givenReadOnlyOnA(bot: Bot): Promise<void> {
  await bot.clusters.a?.registerRepository({
    ...ELSEWHERE,
    settings: { location: '/snapshots/migration', readonly: true },
  });
}

/** Requests, approves when it waits for approval, and runs the job's steps until it ends or waits. */
async function ranJob(bot: Bot, text: string): Promise<Job | undefined> {
  await ask(bot, text);
  const job = await onlyJob(bot);
  if (job.state === JobState.PENDING_APPROVAL) {
    await decideApproval(bot.context, { ...clickOnJobMessage(job, 'U0APPROVER'), decision: 'approve' });
  }
  await runJob(bot.context, job.id);
  return bot.jobs.get(job.id);
}

describe('a job that registers its repository first', () => {
  it('ends a snapshot before anything is changed when the default repository points elsewhere', async () => {
    // Prepare
    const bot = buildBotContext();
    await bot.clusters.a?.registerRepository(ELSEWHERE);
    const registrations = callsOf(bot, 'a', 'registerRepository');

    // Act
    const ended = await ranJob(bot, 'create a');

    // Assess
    expect(ended?.state).toBe(JobState.FAILED);
    const detail = ended?.steps[0]?.detail ?? '';
    expect(detail).toContain(
      'repository migration on a is registered otherwise (location: "/mnt/elsewhere" there, "/snapshots/migration" for this job), so nothing was changed',
    );
    expect(detail).toContain(
      '/es snapshot repo register a migration (it shows what it replaces and waits for approval)',
    );
    expect(callsOf(bot, 'a', 'registerRepository')).toBe(registrations);
    expect(callsOf(bot, 'a', 'createSnapshot')).toBe(0);
  });

  it('ends a migration before registering on either side when the target has the repository elsewhere', async () => {
    // Prepare
    const bot = buildBotContext();
    await bot.clusters.b?.registerRepository({ ...ELSEWHERE, type: 'fs', settings: { location: '/mnt/b-only' } });
    const registrations = { a: callsOf(bot, 'a', 'registerRepository'), b: callsOf(bot, 'b', 'registerRepository') };

    // Act
    const ended = await ranJob(bot, 'migrate a b indices=logs-1 replace');

    // Assess
    expect(ended?.state).toBe(JobState.FAILED);
    expect(ended?.steps[0]?.detail).toContain(
      'repository migration on b is registered otherwise (location: "/mnt/b-only" there, "/snapshots/migration" for this job)',
    );
    expect(callsOf(bot, 'a', 'registerRepository')).toBe(registrations.a);
    expect(callsOf(bot, 'b', 'registerRepository')).toBe(registrations.b);
  });

  it('says a setting only one side has, and another type', async () => {
    const bot = buildBotContext();
    await bot.clusters.a?.registerRepository({
      name: 'migration',
      type: 's3',
      settings: { bucket: 'other-bucket' },
    });

    const ended = await ranJob(bot, 'create a');

    expect(ended?.steps[0]?.detail).toContain(
      '(type: "s3" there, "fs" for this job; bucket: "other-bucket" there, unset for this job; location: unset there, "/snapshots/migration" for this job)',
    );
  });

  it('makes a migration’s target read-only: taking the writer’s place away is the job’s to do', async () => {
    // Prepare
    const bot = buildBotContext();
    await bot.clusters.b?.registerRepository({ ...ELSEWHERE, settings: { location: '/snapshots/migration' } });

    // Act
    const ended = await ranJob(bot, 'migrate a b indices=logs-1 replace');

    // Assess
    expect(ended?.steps.slice(0, 2).map((step) => step.status)).toEqual(['done', 'done']);
    const onB = (await bot.clusters.b?.listRepositories())?.find((found) => found.name === 'migration');
    expect(String(onB?.settings.readonly)).toBe('true');
  });

  it('reads a cluster’s repositories when the migration is asked and for the registrations still ahead of it', async () => {
    const bot = buildBotContext();

    const ran = await ranJob(bot, 'migrate a b indices=logs-1 replace');

    expect(ran?.steps.slice(0, 2).map((step) => step.status)).toEqual(['done', 'done']);
    // a: when asked, and before registering on a; b: before registering on a, and before registering on b.
    expect([callsOf(bot, 'a', 'listRepositories'), callsOf(bot, 'b', 'listRepositories')]).toEqual([2, 2]);
  });

  it('never makes a read-only repository writable: a migration whose source became so stops before changing anything', async () => {
    // Prepare
    const bot = buildBotContext();
    await ask(bot, 'migrate a b indices=logs-1 replace');
    const job = await onlyJob(bot);
    await givenReadOnlyOnA(bot);
    const registrations = { a: callsOf(bot, 'a', 'registerRepository'), b: callsOf(bot, 'b', 'registerRepository') };

    // Act
    await decideApproval(bot.context, { ...clickOnJobMessage(job, 'U0APPROVER'), decision: 'approve' });
    await runJob(bot.context, job.id);

    // Assess
    const ended = await bot.jobs.get(job.id);
    expect(ended?.state).toBe(JobState.FAILED);
    expect(ended?.steps[0]?.detail).toContain(
      'repository migration is registered read-only on a, and this job would write to it from there, so nothing was changed',
    );
    expect(ended?.steps[0]?.detail).toContain('/es snapshot repo register a migration readonly=false');
    expect(callsOf(bot, 'a', 'registerRepository')).toBe(registrations.a);
    expect(callsOf(bot, 'b', 'registerRepository')).toBe(registrations.b);
    expect(callsOf(bot, 'a', 'createSnapshot')).toBe(0);
  });

  it.each([
    ['a snapshot', 'create a'],
    ['a migration', 'migrate a b indices=logs-1 replace'],
  ])('refuses %s into a repository read-only there when it is asked, before a job is made', async (_, text) => {
    const bot = buildBotContext();
    await givenReadOnlyOnA(bot);

    await expect(ask(bot, text)).rejects.toThrowError(
      'repository "migration" is registered read-only on a: another cluster may be writing to it',
    );
    expect(await bot.jobs.listActive()).toEqual([]);
  });

  it('takes a snapshot once the hint has made the cluster the writer, with approval', async () => {
    // Prepare
    const bot = buildBotContext();
    await givenReadOnlyOnA(bot);

    // Act
    const madeWriter = await ranJob(bot, 'repo register a migration readonly=false');
    const taken = await ranJob(bot, 'create a');

    // Assess
    expect(madeWriter?.approval?.approvals).toHaveLength(1);
    expect(madeWriter?.state).toBe(JobState.SUCCEEDED);
    expect(taken?.steps[0]).toMatchObject({ name: 'register-repository', status: 'done' });
    expect(callsOf(bot, 'a', 'createSnapshot')).toBe(1);
  });

  it('says what differs in the channel’s language', async () => {
    const bot = buildBotContext();
    bot.context.catalog = catalogFor('ja');
    await bot.clusters.a?.registerRepository(ELSEWHERE);

    const ended = await ranJob(bot, 'create a');

    expect(ended?.steps[0]?.detail).toContain(
      'a のリポジトリ migration は別の設定で登録されています (location: 登録済みは "/mnt/elsewhere"、このジョブでは "/snapshots/migration")',
    );
  });
});
