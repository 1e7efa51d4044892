import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { NotAllowedError } from '../../../src/core/errors.js';
import type { SlackMessage } from '../../../src/core/messages/blocks.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import type { CommandTask } from '../../../src/ports/background-tasks.js';
import type { QueryRequest } from '../../../src/usecases/answer-query.js';
import type { BotContext } from '../../../src/usecases/bot-context.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { handleRequest } from '../../../src/usecases/verb-handlers.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

/** A read-only request asked by `userId`, routed as the worker routes it. */
async function answerQuery(context: BotContext, request: QueryRequest, userId: string): Promise<SlackMessage> {
  const reply = await handleRequest(context, buildCommandTask(request.verb, { request, userId }));
  if (reply === undefined) throw new Error(`${request.verb} answered nobody`);
  return reply;
}

const deleteRequest = { verb: 'delete-index' as const, cluster: 'b', indices: ['logs-1'] };

describe('read-only questions', () => {
  it('answers clusters, repositories, snapshots and one snapshot from the clusters', async () => {
    const bot = buildBotContext();
    await bot.clusters.a?.createSnapshot({ repository: 'migration', snapshot: 'n1', indices: ['logs-*'], jobId: 'j' });

    const clusters = await answerQuery(bot.context, { verb: 'clusters' }, 'U1');
    const repositories = await answerQuery(bot.context, { verb: 'repos', cluster: 'a' }, 'U1');
    const status = await answerQuery(
      bot.context,
      { verb: 'status', cluster: 'a', repository: 'migration', snapshot: 'n1' },
      'U1',
    );
    const finished = await answerQuery(
      bot.context,
      { verb: 'status', cluster: 'a', repository: 'migration', snapshot: 'n1' },
      'U1',
    );

    expect(JSON.stringify(clusters.blocks)).toContain('*a* — OpenSearch 2.19.5, green');
    expect(repositories.text).toBe('Repositories on a');
    expect(JSON.stringify(status.blocks)).toContain('*State:* IN_PROGRESS');
    expect(JSON.stringify(status.blocks)).toContain('10%');
    expect(JSON.stringify(finished.blocks)).toContain('*State:* SUCCESS');
  });

  it('lists snapshots of the default repository when none is named', async () => {
    const bot = buildBotContext();

    const reply = await answerQuery(
      bot.context,
      { verb: 'list', cluster: 'a', repository: undefined, limit: 20 },
      'U1',
    );

    expect(reply.text).toBe('Snapshots in migration on a (newest first)');
  });

  it('never shows the raw message of an unknown failure in the clusters list, only a reference', async () => {
    const bot = buildBotContext();
    bot.clusters.b?.fail('info', new Error('socket hang up at tls.js:12 token=xoxb-1'));

    const reply = await answerQuery(bot.context, { verb: 'clusters' }, 'U1');

    expect(JSON.stringify(reply.blocks)).toContain('Something went wrong on our side (reference');
    expect(JSON.stringify(reply.blocks)).not.toContain('xoxb');
  });

  it('shows a cluster that does not answer without failing the whole list', async () => {
    const bot = buildBotContext();
    bot.clusters.b?.fail(
      'info',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'b', reason: 'ECONNREFUSED' }),
    );

    const reply = await answerQuery(bot.context, { verb: 'clusters' }, 'U1');

    expect(JSON.stringify(reply.blocks)).toContain(':warning: *b* — b: cluster did not answer (ECONNREFUSED)');
  });

  it.each([
    ['en', ':warning: *b* — not answering (timed out after 5 s)'],
    ['ja', ':warning: *b* — 応答なし (5 秒でタイムアウト)'],
  ] as const)('says in %s that a cluster past its deadline is not answering', async (language, line) => {
    const bot = buildBotContext();
    bot.clusters.b?.fail('info', new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'b', reason: 'timeout' }));
    const context = { ...bot.context, catalog: catalogFor(language) };

    const reply = await answerQuery(context, { verb: 'clusters' }, 'U1');

    expect(JSON.stringify(reply.blocks)).toContain(line);
  });

  it('lists active jobs, the asker’s own jobs, and one job', async () => {
    const bot = buildBotContext();
    await requestJob(bot.context, deleteRequest, buildCommandTask('delete-index b logs-1'));
    const [job] = await bot.jobs.listActive();

    const active = await answerQuery(bot.context, { verb: 'jobs', filter: 'active' }, 'U1');
    const mine = await answerQuery(bot.context, { verb: 'jobs', filter: 'mine' }, 'U0REQUESTER');
    const others = await answerQuery(bot.context, { verb: 'jobs', filter: 'mine' }, 'U0SOMEONE');
    const detail = await answerQuery(bot.context, { verb: 'job', jobId: job?.id ?? '' }, 'U1');

    expect(JSON.stringify(active.blocks)).toContain(`\`${job?.id}\` — Index deletion on b · *Waiting for approval*`);
    expect(mine.text).toBe('Your jobs');
    expect(JSON.stringify(mine.blocks)).toContain(job?.id);
    expect(JSON.stringify(others.blocks)).toContain('No jobs.');
    expect(detail.text).toBe(`Job ${job?.id}: Index deletion on b, Waiting for approval`);
    await expect(answerQuery(bot.context, { verb: 'job', jobId: 'nosuchjob' }, 'U1')).rejects.toThrowError(
      'there is no job',
    );
  });

  it('names the clusters there are when asked about an unknown one', async () => {
    const bot = buildBotContext();

    await expect(answerQuery(bot.context, { verb: 'repos', cluster: 'c' }, 'U1')).rejects.toThrowError(
      expect.objectContaining({ message: 'there is no cluster "c"', hint: 'Configured clusters: a, b' }),
    );
  });
});

describe('channels a cluster may be operated from', () => {
  /** Given cluster b operated from C0ALLOWED only, and a from anywhere. */
  function botWithChannelRule() {
    const bot = buildBotContext();
    const b = bot.context.config.clusters.get('b');
    if (b === undefined) throw new Error('no cluster b');
    bot.context.config.clusters.set('b', { ...b, allowedChannels: ['C0ALLOWED'] });
    return bot;
  }

  const elsewhere = (text: string, request?: CommandTask['request']) =>
    buildCommandTask(text, { channelId: 'C0ELSEWHERE', ...(request === undefined ? {} : { request }) });

  it('refuses a job requested elsewhere, naming the channel to use, and creates nothing', async () => {
    const bot = botWithChannelRule();

    const act = handleRequest(bot.context, elsewhere('delete-index b logs-1', deleteRequest));

    await expect(act).rejects.toThrowError(NotAllowedError);
    await expect(act).rejects.toThrowError('cluster b is not operated from this channel');
    expect(await bot.jobs.listActive()).toHaveLength(0);
  });

  it('accepts a job requested in an allowed channel', async () => {
    const bot = botWithChannelRule();

    await handleRequest(bot.context, buildCommandTask('delete-index b logs-1', { channelId: 'C0ALLOWED' }));

    expect(await bot.jobs.listActive()).toHaveLength(1);
  });

  it.each(['list b', 'repos b', 'status b migration nightly', 'migrate a b indices=logs-1'])(
    'refuses `%s` elsewhere and says which channel to use',
    async (text) => {
      const bot = botWithChannelRule();

      const act = handleRequest(bot.context, elsewhere(text));

      await expect(act).rejects.toThrowError('cluster b is not operated from this channel');
      const said = await act.catch((error: NotAllowedError) => error.saidIn(bot.context.catalog));
      expect(said).toMatchObject({ hint: 'Use <#C0ALLOWED>.' });
    },
  );

  it('shows elsewhere neither cluster b nor its jobs, and refuses `job` and `cancel` of them there', async () => {
    const bot = botWithChannelRule();
    await handleRequest(bot.context, buildCommandTask('delete-index b logs-1', { channelId: 'C0ALLOWED' }));
    const [job] = await bot.jobs.listActive();
    const id = job?.id ?? '';

    const clusters = await handleRequest(bot.context, elsewhere('clusters'));
    const jobs = await handleRequest(bot.context, elsewhere('jobs'));
    const shown = handleRequest(bot.context, elsewhere(`job ${id}`));
    const cancelled = handleRequest(bot.context, elsewhere(`cancel ${id}`));

    expect(clusters?.text).not.toMatch(/\bb\b/);
    expect(jobs?.text).not.toContain(id);
    await expect(shown).rejects.toThrowError('cluster b is not operated from this channel');
    await expect(cancelled).rejects.toThrowError('cluster b is not operated from this channel');
    expect((await bot.jobs.get(id))?.state).toBe(job?.state);
  });
});

describe('a cluster without approvers', () => {
  it('refuses a destructive request at once instead of posting buttons nobody may click', async () => {
    const bot = buildBotContext({
      configOverrides: {
        approval: {
          approvers: [],
          approverGroups: [],
          required: 1,
          allowSelfApproval: false,
          expiryMinutes: 30,
          autoRun: ['snapshot-create'],
        },
      },
    });

    const act = requestJob(bot.context, deleteRequest, buildCommandTask('delete-index b logs-1'));

    await expect(act).rejects.toThrowError('cluster b has no approvers, so nothing destructive can run there');
    expect(await bot.jobs.listActive()).toHaveLength(0);
  });
});
