import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../../src/usecases/verb-handlers.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

const ask = (bot: ReturnType<typeof buildBotContext>, text: string) =>
  handleRequest(bot.context, buildCommandTask(text, { userId: 'U0REQUESTER', triggerId: text }));

describe('a snapshot request, when it is planned', () => {
  it('is refused on a cluster with no indices, before any job is made', async () => {
    // Given a cluster with no index at all
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a', indices: {} })] });

    // When a snapshot of every index is asked for, then the request is refused and no job is made
    await expect(ask(bot, 'create a')).rejects.toThrowError(
      'a has no index with an active shard, so a snapshot of it would hold nothing',
    );
    expect(await bot.jobs.listActive()).toEqual([]);
  });

  it('takes a cluster whose only indices are hidden: a snapshot of every index holds them', async () => {
    const bot = buildBotContext({
      clusters: [createFakeCluster({ alias: 'a', indices: { '.tasks': 3 }, hidden: ['.tasks'] })],
    });

    await ask(bot, 'create a');

    expect(await bot.jobs.listActive()).toHaveLength(1);
  });

  it('takes a snapshot of only the cluster state when global_state=true is asked for', async () => {
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a', indices: {} })] });

    await ask(bot, 'create a global_state=true');

    expect(await bot.jobs.listActive()).toHaveLength(1);
  });
});
