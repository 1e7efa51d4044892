import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { PreflightRefusedError } from '../../../src/core/preflight/errors.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import type { RestoreRequest } from '../../../src/ports/cluster-client.js';
import { planRequest } from '../../../src/usecases/plan-request.js';
import { preflight } from '../../../src/usecases/preflight.js';
import { startRestore } from '../../../src/usecases/steps/restore-steps.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildRequestedJob, PLANS } from '../../fixtures/plans.js';

type FakeCluster = ReturnType<typeof createFakeCluster>;

const restoreOfLogs = {
  verb: 'restore' as const,
  cluster: 'b',
  repository: 'migration',
  snapshot: 'nightly',
  indices: ['logs-*'],
  rename: { pattern: '(.+)', replacement: 'copy-$1' },
  replace: false,
};

function migrationOf(indices: string[]) {
  return {
    verb: 'migrate' as const,
    from: 'a',
    to: 'b',
    repository: undefined,
    indices,
    rename: undefined,
    replace: false,
  };
}

/** Cluster b with a finished snapshot `nightly` of its `logs-*` indices in `repository`. */
async function clusterWithSnapshot(b: FakeCluster, repository = 'migration'): Promise<FakeCluster> {
  await b.createSnapshot({ repository, snapshot: 'nightly', indices: ['logs-*'], jobId: 'earlier' });
  await b.getSnapshot(repository, 'nightly');
  await b.getSnapshot(repository, 'nightly');
  return b;
}

async function refusal(act: Promise<unknown>): Promise<PreflightRefusedError> {
  const error = await act.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PreflightRefusedError)) throw new Error(`expected a preflight refusal, got ${String(error)}`);
  return error;
}

describe('the preflight of a restore', () => {
  it('stores a passing line for every check in the plan', async () => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }));
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), b] });

    // Act
    const plan = await planRequest(bot.context, restoreOfLogs, 'job1');

    // Assess
    expect(plan).toMatchObject({
      kind: 'restore',
      masterTimeout: undefined,
      engines: [{ cluster: 'b', distribution: 'opensearch', version: '2.19.5' }],
      preflight: [
        { finding: 'repository-readable', repository: 'migration', nodes: 1 },
        { finding: 'version-readable', written: 'OpenSearch 2.19.5', target: 'OpenSearch 2.19.5' },
        { finding: 'targets-free', count: 1 },
        // One data node holds one copy of the 700 bytes of logs-1.
        { finding: 'disk-fits', neededBytes: 700, nodes: 1, watermark: '90%' },
        // The snapshot does not say its replicas: the engines' default of one is counted.
        { finding: 'shards-fit', adding: 2, current: 1, limit: 1000 },
      ],
    });
  });

  it('refuses the request, with every line, when the restore cannot fit', async () => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 }, availableBytes: 0 }));
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), b] });

    // Act
    const error = await refusal(planRequest(bot.context, restoreOfLogs, 'job1'));

    // Assess
    expect(error.cluster).toBe('b');
    expect(error.findings.map((finding) => finding.finding)).toEqual([
      'repository-readable',
      'version-readable',
      'targets-free',
      'disk-short',
      'shards-fit',
    ]);
    expect(error.saidIn(catalogFor('en')).text).toContain('✗ not enough disk');
  });

  it.each([
    [
      'is missing there',
      new ClusterError(ClusterErrorCode.REPOSITORY_MISSING, { cluster: 'b', repository: 'migration' }),
      { finding: 'repository-missing', repository: 'migration' },
    ],
    [
      'cannot be read there',
      new ClusterError(ClusterErrorCode.REQUEST_FAILED, { cluster: 'b', type: 'repository_exception', reason: 'no' }),
      { finding: 'repository-unreadable', repository: 'migration' },
    ],
  ])('refuses a repository that %s', async (_case, failure, expected) => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }));
    const refusing = {
      ...b,
      verifyRepository: async () => {
        throw failure;
      },
    };
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), refusing] });

    // Act
    const error = await refusal(planRequest(bot.context, restoreOfLogs, 'job1'));

    // Assess
    expect(error.findings[0]).toMatchObject(expected);
  });

  it('leaves the repository line out where the service does not offer _verify, and for its automated snapshots', async () => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }));
    const notOffered = {
      ...b,
      verifyRepository: async () => {
        throw new ClusterError(ClusterErrorCode.OPERATION_NOT_ALLOWED, { cluster: 'b', reason: 'not allowed' });
      },
    };
    const automated = await clusterWithSnapshot(
      createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 }, repositories: ['cs-automated'] }),
      'cs-automated',
    );

    // Act
    const plans = await Promise.all([
      planRequest(
        buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), notOffered] }).context,
        restoreOfLogs,
        'j',
      ),
      planRequest(
        buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), automated] }).context,
        { ...restoreOfLogs, repository: 'cs-automated' },
        'j',
      ),
    ]);

    // Assess
    for (const plan of plans) {
      expect(plan.kind === 'restore' && plan.preflight?.map((finding) => finding.finding)).not.toContain(
        'repository-readable',
      );
    }
  });

  it.each([
    ['a bug', new TypeError('a bug')],
    [
      'a cluster that did not answer',
      new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'b', reason: 'timeout' }),
    ],
  ])('lets %s through rather than call the repository unreadable', async (_case, failure) => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }));
    const broken = {
      ...b,
      verifyRepository: async () => {
        throw failure;
      },
    };
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), broken] });

    // Act & Assess
    await expect(planRequest(bot.context, restoreOfLogs, 'job1')).rejects.toBe(failure);
  });

  it('counts what replace deletes first as room, and says which targets it replaces', async () => {
    // Prepare
    const b = await clusterWithSnapshot(createFakeCluster({ alias: 'b', indices: { 'logs-1': 7 } }));
    const bot = buildBotContext({ clusters: [createFakeCluster({ alias: 'a' }), b] });

    // Act
    const plan = await planRequest(bot.context, { ...restoreOfLogs, rename: undefined, replace: true }, 'job1');

    // Assess
    expect(plan.kind === 'restore' && plan.preflight).toContainEqual({
      finding: 'targets-replaced',
      indices: ['logs-1'],
      closed: [],
    });
    // logs-1's one shard and its replica go before the restore brings them back.
    expect(plan.kind === 'restore' && plan.preflight).toContainEqual({
      finding: 'shards-fit',
      adding: 2,
      current: 0,
      limit: 1000,
    });
  });
});

describe('the preflight of a migration', () => {
  it("records the source's engine and the target's, the source first, for the approval message", async () => {
    // Prepare
    const bot = buildBotContext({
      clusters: [createFakeCluster({ alias: 'a', indices: { 'logs-1': 12 } }), createFakeCluster({ alias: 'b' })],
    });

    // Act
    const plan = await planRequest(bot.context, migrationOf(['logs-1']), 'job1');

    // Assess
    expect(plan).toMatchObject({
      engines: [
        { cluster: 'a', distribution: 'opensearch', version: '2.19.5' },
        { cluster: 'b', distribution: 'opensearch', version: '2.19.5' },
      ],
    });
  });

  it('reads the versions and aliases on the source, and finds a write alias that the target already has', async () => {
    // Prepare
    const a = createFakeCluster({
      alias: 'a',
      indices: { 'logs-1': 120 },
      aliases: [
        { alias: 'logs', index: 'logs-1', isWriteIndex: true },
        { alias: 'other', index: 'elsewhere', isWriteIndex: true },
      ],
    });
    const b = createFakeCluster({ alias: 'b', aliases: [{ alias: 'logs', index: 'logs-9', isWriteIndex: true }] });
    const bot = buildBotContext({ clusters: [a, b] });

    // Act
    const error = await refusal(planRequest(bot.context, migrationOf(['logs-1']), 'job1'));

    // Assess
    expect(error.findings).toEqual([
      { finding: 'repository-registered-by-plan', repository: 'migration' },
      { finding: 'version-readable', written: 'OpenSearch 2.19.5', target: 'OpenSearch 2.19.5' },
      { finding: 'targets-free', count: 1 },
      { finding: 'write-alias-taken', alias: 'logs', index: 'logs-1', writeIndex: 'logs-9' },
      { finding: 'disk-fits', neededBytes: 12_000, roomBytes: 40e9, nodes: 1, watermark: '90%' },
      { finding: 'shards-fit', adding: 2, current: 0, limit: 1000 },
    ]);
  });

  it('asks for a longer master_timeout for many indices, and the restore step sends it', async () => {
    // Prepare
    const names = Array.from({ length: 60 }, (_, position) => `logs-${String(position).padStart(2, '0')}`);
    const a = createFakeCluster({ alias: 'a', indices: Object.fromEntries(names.map((name) => [name, 1])) });
    const b = createFakeCluster({ alias: 'b' });
    const sent: RestoreRequest[] = [];
    const recordingB = {
      ...b,
      restore: async (request: RestoreRequest) => {
        sent.push(request);
        return 'accepted' as const;
      },
    };
    const bot = buildBotContext({ clusters: [a, recordingB] });

    // Act
    const plan = await planRequest(bot.context, migrationOf(['logs-*']), 'job1');
    await startRestore(buildRequestedJob(plan), recordingB, catalogFor('en'));

    // Assess
    expect(plan).toMatchObject({ masterTimeout: '60s' });
    expect(plan.kind === 'migrate' && plan.preflight?.at(-1)).toEqual({
      finding: 'master-timeout',
      timeout: '60s',
      indices: 60,
    });
    expect(sent[0]?.masterTimeout).toBe('60s');
  });
});

describe('the preflight of other plans', () => {
  it('leaves a plan that restores nothing as it is', async () => {
    const plan = PLANS.indexDelete();

    expect(await preflight(buildBotContext().context, plan)).toBe(plan);
  });
});
