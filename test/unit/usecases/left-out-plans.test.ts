import { describe, expect, it } from 'vitest';
import { requestJob } from '../../../src/usecases/request-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';

function clustersWithHiddenIndices() {
  return [
    createFakeCluster({
      alias: 'a',
      indices: { 'x-app': 7, 'x-debug-1': 3, 'x-quiet': 2, '.opendistro-job-scheduler-lock': 1 },
      hidden: ['x-quiet'],
    }),
    createFakeCluster({ alias: 'b', indices: {} }),
  ];
}

describe('planning what a request leaves out', () => {
  it('plans a migration of what the list reaches, hidden indices included only to leave them out', async () => {
    // Prepare
    const bot = buildBotContext({ clusters: clustersWithHiddenIndices() });
    const request = {
      verb: 'migrate' as const,
      from: 'a',
      to: 'b',
      repository: undefined,
      indices: ['x-*', '-x-debug-*', '.opendistro-job-scheduler-lock'],
      rename: undefined,
      replace: false,
    };

    // Act
    await requestJob(bot.context, request, buildCommandTask('migrate a b indices=x-*,-x-debug-*'));

    // Assess
    const [job] = await bot.jobs.listActive();
    expect(job?.plan).toMatchObject({
      indices: [{ index: 'x-app', docsCount: 7 }],
      leftOut: [
        { index: '.opendistro-job-scheduler-lock', reason: 'system', pattern: '.opendistro*' },
        { index: 'x-quiet', reason: 'hidden' },
      ],
    });
  });

  it('plans a restore that leaves out what is hidden on the cluster restoring it', async () => {
    // Prepare
    const [a, b] = clustersWithHiddenIndices();
    const bot = buildBotContext({ clusters: [a, b].filter((cluster) => cluster !== undefined) });
    await a?.createSnapshot({ repository: 'migration', snapshot: 'full', jobId: 'earlier' });
    await a?.getSnapshot('migration', 'full');
    await a?.getSnapshot('migration', 'full');
    const request = {
      verb: 'restore' as const,
      cluster: 'a',
      repository: 'migration',
      snapshot: 'full',
      indices: ['x-*', '.opendistro-job-scheduler-lock'],
      rename: { pattern: '(.+)', replacement: 'r-$1' },
      replace: false,
    };

    // Act
    await requestJob(bot.context, request, buildCommandTask('restore a migration full indices=x-*'));

    // Assess
    const [job] = await bot.jobs.listActive();
    expect(job?.plan).toMatchObject({
      restores: [
        { index: 'x-app', target: 'r-x-app' },
        { index: 'x-debug-1', target: 'r-x-debug-1' },
      ],
      leftOut: [
        { index: '.opendistro-job-scheduler-lock', reason: 'system' },
        { index: 'x-quiet', reason: 'hidden' },
      ],
    });
  });
});
