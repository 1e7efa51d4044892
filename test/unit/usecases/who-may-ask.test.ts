import { describe, expect, it } from 'vitest';
import type { NotAllowedError } from '../../../src/core/errors.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { ClusterConfig } from '../../../src/core/model/configured-cluster.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { handleRequest } from '../../../src/usecases/verb-handlers.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';
import { buildPolicy } from '../../fixtures/plans.js';

type Bot = ReturnType<typeof buildBotContext>;

/** Given clusters a and b where `a` is configured with `changes`. */
function botWhereA(changes: Partial<ClusterConfig>, groups: Record<string, string[]> = {}): Bot {
  const bot = buildBotContext({ groups });
  const a = bot.context.config.clusters.get('a');
  if (a === undefined) throw new Error('no cluster a');
  bot.context.config.clusters.set('a', { ...a, ...changes });
  return bot;
}

const ask = (bot: Bot, text: string, userId = 'U0REQUESTER') =>
  handleRequest(bot.context, buildCommandTask(text, { userId, triggerId: `${text}/${userId}` }));

async function onlyJob(bot: Bot) {
  const [job, ...more] = await bot.jobs.listActive();
  if (job === undefined || more.length > 0) throw new Error('expected one job');
  return job;
}

describe('who may request jobs on a cluster', () => {
  const requesters = { users: ['U0DBA'], groups: ['S0SRE'] };

  it('takes a request from a named requester or a member of a requester group', async () => {
    const bot = botWhereA({ requesters }, { S0SRE: ['U0SRE'] });

    await ask(bot, 'delete-index a logs-1', 'U0DBA');
    await ask(bot, 'delete-index a logs-2', 'U0SRE');

    expect(await bot.jobs.listActive()).toHaveLength(2);
  });

  it('refuses anyone else, naming who may ask, and creates nothing; questions stay open to all', async () => {
    const bot = botWhereA({ requesters }, { S0SRE: ['U0SRE'] });

    const refused = ask(bot, 'delete-index a logs-1');
    const listed = await ask(bot, 'list a');

    await expect(refused).rejects.toThrowError('you may not request jobs on cluster a');
    const said = await refused.then(
      () => undefined,
      (error: NotAllowedError) => error.saidIn(bot.context.catalog),
    );
    expect(said?.hint).toBe(
      'Ask <@U0DBA> or <!subteam^S0SRE> to request it, or have yourself added to requesters for a in the cluster config.',
    );
    expect(await bot.jobs.listActive()).toEqual([]);
    expect(listed?.text).toBeDefined();
  });

  it('checks both clusters of a migration', async () => {
    const bot = botWhereA({ requesters });

    await expect(ask(bot, 'migrate b a indices=logs-1')).rejects.toThrowError('you may not request jobs on cluster a');
  });

  it('refuses at once a request that needs more approvals than anyone but the requester could give', async () => {
    const bot = botWhereA({ approval: buildPolicy({ approvers: ['U0REQUESTER', 'U0APPROVER'], required: 2 }) });

    const act = ask(bot, 'delete-index a logs-1');

    await expect(act).rejects.toThrowError(
      'this request on cluster a needs 2 approvals, but only 1 person could approve it',
    );
    expect(await bot.jobs.listActive()).toEqual([]);
  });
});

describe('registering a repository', () => {
  it('runs at once when the repository is new, or the same as registered', async () => {
    const bot = buildBotContext();

    await ask(bot, 'repo register a fresh location=/snapshots/fresh');
    await ask(bot, 'repo register a migration');

    const jobs = await bot.jobs.listActive();
    expect(jobs.map((job) => job.state)).toEqual([JobState.QUEUED, JobState.QUEUED]);
    expect(jobs.map((job) => job.plan.kind === 'repo-register' && job.plan.replaces)).toEqual([undefined, undefined]);
  });

  it('waits for approval when it would re-point a repository that exists, and shows what it replaces', async () => {
    const bot = buildBotContext();

    await ask(bot, 'repo register a migration location=/mnt/elsewhere');

    const job = await onlyJob(bot);
    expect(job.state).toBe(JobState.PENDING_APPROVAL);
    expect(job.plan).toMatchObject({ replaces: { type: 'fs', settings: { location: '/snapshots/migration' } } });
    const posted = bot.chat.events.find((event) => event.kind === 'post');
    expect(JSON.stringify(posted)).toContain('Replaces, as registered now:* (fs)');
  });

  it('registers nothing when the repository was registered otherwise after the request was planned', async () => {
    const bot = buildBotContext();
    await ask(bot, 'repo register a fresh location=/snapshots/fresh');
    const job = await onlyJob(bot);
    const a = bot.clusters.a;
    await a?.registerRepository({ name: 'fresh', type: 'fs', settings: { location: '/mnt/someone-else' } });
    const registrationsBefore = a?.calls.filter((call) => call === 'registerRepository').length;

    await runJob(bot.context, job.id);

    const ended = await bot.jobs.get(job.id);
    expect(ended?.state).toBe(JobState.FAILED);
    expect(ended?.steps[0]?.detail).toContain('repository fresh on a changed since this request was planned');
    expect(a?.calls.filter((call) => call === 'registerRepository').length).toBe(registrationsBefore);
  });
});
