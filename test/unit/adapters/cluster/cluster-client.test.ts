import { describe, expect, it } from 'vitest';
import { createClusterClient } from '../../../../src/adapters/cluster/cluster-client.js';
import { JOB_ID_METADATA_KEY } from '../../../../src/adapters/cluster/dialects/opensearch/request-bodies.js';
import type { ClusterResponse } from '../../../../src/adapters/cluster/signed-transport.js';
import { ClusterErrorCode } from '../../../../src/core/cluster-errors.js';
import {
  AutomatedRepositoryError,
  InvalidResourceNameError,
  ProtectedIndexError,
} from '../../../../src/core/errors.js';
import { summarizeRecovery } from '../../../../src/core/restore/recovery-summary.js';
import { answered, clusterError, createRecordingTransport } from '../../../fakes/recording-transport.js';
import { silentLogger } from '../../../fakes/silent-logger.js';

function buildClient(answers: ClusterResponse[], protectedIndices: string[] = []) {
  const transport = createRecordingTransport(answers);
  const client = createClusterClient({
    alias: 'a',
    protectedIndices,
    dialect: 'opensearch',
    logger: silentLogger,
    transport,
  });
  return { client, sent: transport.sent };
}

/**
 * `_recovery`'s answer, then `_settings`' for the same indices: each has as many shards as `shards` (by default as
 * many primaries as the answer lists).
 */
function recovering(answer: Record<string, { shards: { primary?: boolean }[] }>, shards: Record<string, number> = {}) {
  const settings = Object.fromEntries(
    Object.entries(answer).map(([index, entry]) => [
      index,
      {
        settings: {
          'index.version.created': '136408327',
          'index.number_of_shards': String(shards[index] ?? entry.shards.filter((one) => one.primary !== false).length),
          'index.number_of_replicas': '0',
        },
      },
    ]),
  );
  return [answered(200, answer), answered(200, settings)];
}

const nameTaken = clusterError(
  400,
  'invalid_snapshot_name_exception',
  '[r:s] Invalid snapshot name [s], snapshot with the same name already exists',
);

function snapshotAnswer(metadata: Record<string, unknown>) {
  return answered(200, {
    snapshots: [{ snapshot: 's', uuid: 'u', state: 'IN_PROGRESS', indices: ['b', 'a'], metadata }],
  });
}

describe('repositories', () => {
  it('registers an s3 repository with the settings of the runbook', async () => {
    const { client, sent } = buildClient([answered(200, { acknowledged: true })]);
    const settings = {
      bucket: 'snapshots',
      region: 'ap-northeast-1',
      role_arn: 'arn:aws:iam::123456789012:role/TheSnapshotRole',
      base_path: 'logs',
    };

    await client.registerRepository({ name: 'migration', type: 's3', settings });

    expect(sent).toEqual([{ method: 'PUT', path: '/_snapshot/migration', body: { type: 's3', settings } }]);
  });

  it('lists repositories by name', async () => {
    const { client } = buildClient([
      answered(200, {
        'cs-automated': { type: 's3', settings: {} },
        migration: { type: 'fs', settings: { location: '/x' } },
      }),
    ]);

    const repositories = await client.listRepositories();

    expect(repositories.map((repository) => repository.name)).toEqual(['cs-automated', 'migration']);
  });

  it('returns the nodes that verified a repository', async () => {
    const { client, sent } = buildClient([
      answered(200, { nodes: { x1: { name: 'node-2' }, x2: { name: 'node-1' } } }),
    ]);

    expect(await client.verifyRepository('migration')).toEqual(['node-1', 'node-2']);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/_snapshot/migration/_verify' });
  });
});

describe('snapshots', () => {
  it('starts a snapshot of chosen indices without the global state, tagged with the job id', async () => {
    const { client, sent } = buildClient([answered(200, { accepted: true })]);

    const outcome = await client.createSnapshot({
      repository: 'migration',
      snapshot: 'nightly',
      indices: ['logs-1', 'orders-*'],
      jobId: 'job-1',
    });

    expect(outcome).toBe('accepted');
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: '/_snapshot/migration/nightly',
      query: { wait_for_completion: 'false' },
      body: {
        indices: 'logs-1,orders-*',
        ignore_unavailable: false,
        include_global_state: false,
        partial: false,
        metadata: { [JOB_ID_METADATA_KEY]: 'job-1', taken_by: 'es-snapshot-bot' },
      },
    });
  });

  it('leaves `indices` out to snapshot every index', async () => {
    const { client, sent } = buildClient([answered(200, { accepted: true })]);

    await client.createSnapshot({ repository: 'r', snapshot: 's', jobId: 'j', includeGlobalState: true });

    expect(sent[0]?.body).not.toHaveProperty('indices');
    expect(sent[0]?.body).toMatchObject({ include_global_state: true });
  });

  it('treats its own earlier snapshot of the same name as accepted', async () => {
    const { client } = buildClient([nameTaken, snapshotAnswer({ [JOB_ID_METADATA_KEY]: 'job-1' })]);

    expect(await client.createSnapshot({ repository: 'r', snapshot: 's', jobId: 'job-1' })).toBe('accepted');
  });

  it("refuses a name taken by another job's snapshot", async () => {
    const { client } = buildClient([nameTaken, snapshotAnswer({ [JOB_ID_METADATA_KEY]: 'job-2' })]);

    await expect(client.createSnapshot({ repository: 'r', snapshot: 's', jobId: 'job-1' })).rejects.toMatchObject({
      code: ClusterErrorCode.SNAPSHOT_NAME_TAKEN,
    });
  });

  it('passes on other errors of a snapshot start', async () => {
    const { client } = buildClient([clusterError(400, 'illegal_argument_exception', 'bad')]);

    await expect(client.createSnapshot({ repository: 'r', snapshot: 's', jobId: 'j' })).rejects.toMatchObject({
      code: ClusterErrorCode.REQUEST_FAILED,
    });
  });

  it.each(['cs-automated', 'cs-automated-enc'])('refuses to create or delete snapshots in %s', async (repository) => {
    const { client, sent } = buildClient([]);

    await expect(client.createSnapshot({ repository, snapshot: 's', jobId: 'j' })).rejects.toThrowError(
      AutomatedRepositoryError,
    );
    await expect(client.deleteSnapshot(repository, 's')).rejects.toThrowError('can be listed and restored');
    expect(sent).toHaveLength(0);
  });

  it('reads one snapshot with its indices sorted and its failures', async () => {
    const { client } = buildClient([
      answered(200, {
        snapshots: [
          {
            snapshot: 's',
            uuid: 'u',
            state: 'PARTIAL',
            indices: ['b', 'a'],
            start_time_in_millis: 1_000,
            end_time_in_millis: 2_000,
            shards: { total: 2, successful: 1, failed: 1 },
            failures: [{ index: 'b', shard_id: 0, reason: 'primary shard is not allocated' }, {}],
          },
        ],
      }),
    ]);

    const snapshot = await client.getSnapshot('r', 's');

    expect(snapshot).toMatchObject({ state: 'PARTIAL', indices: ['a', 'b'], startTime: new Date(1_000), metadata: {} });
    expect(snapshot.failures).toEqual([
      { index: 'b', shardId: 0, reason: 'primary shard is not allocated' },
      { index: '?', shardId: undefined, reason: undefined },
    ]);
  });

  it('says the snapshot is missing when the answer does not hold it', async () => {
    const { client } = buildClient([answered(200, { snapshots: [] })]);

    await expect(client.getSnapshot('r', 's')).rejects.toThrowError('snapshot "s" does not exist');
  });

  it('refuses an answer of an unknown shape with a hint', async () => {
    const { client } = buildClient([answered(200, { snapshots: [{ snapshot: 's' }] })]);

    await expect(client.getSnapshot('r', 's')).rejects.toThrowError('the cluster answered in an unknown shape');
  });

  it('treats a gateway timeout on a read as the cluster not answering', async () => {
    const { client } = buildClient([{ outcome: 'maybe-accepted', reason: 'gateway-timeout' }]);

    await expect(client.getSnapshot('r', 's')).rejects.toMatchObject({ code: ClusterErrorCode.UNREACHABLE });
  });

  it('lists the newest snapshots first from compact rows, at most the limit', async () => {
    const row = (id: string, start: number, status = 'SUCCESS') => ({
      id,
      status,
      start_epoch: String(start),
      end_epoch: status === 'IN_PROGRESS' ? '0' : String(start + 5),
      indices: '2',
      successful_shards: '2',
      failed_shards: '0',
      total_shards: '2',
    });
    const { client, sent } = buildClient([answered(200, [row('c', 300, 'IN_PROGRESS'), row('b', 200), row('a', 100)])]);

    const list = await client.listSnapshots('migration', { limit: 2 });

    expect(sent[0]).toMatchObject({
      path: '/_cat/snapshots/migration',
      query: { s: 'start_epoch:desc', format: 'json' },
    });
    expect(list).toEqual([
      {
        snapshot: 'c',
        state: 'IN_PROGRESS',
        startTime: new Date(300_000),
        endTime: undefined,
        indexCount: 2,
        shards: { total: 2, successful: 2, failed: 0 },
      },
      {
        snapshot: 'b',
        state: 'SUCCESS',
        startTime: new Date(200_000),
        endTime: new Date(205_000),
        indexCount: 2,
        shards: { total: 2, successful: 2, failed: 0 },
      },
    ]);
  });

  it.each([
    [
      'OpenSearch while running',
      { state: 'STARTED', stats: { incremental: { size_in_bytes: 1000 }, processed: { size_in_bytes: 250 } } },
      { bytesDone: 250, bytesTotal: 1000, percent: 25 },
    ],
    [
      'Elasticsearch 6 while running',
      { state: 'STARTED', stats: { total_size_in_bytes: 400, processed_size_in_bytes: 100 } },
      { bytesDone: 100, bytesTotal: 400, percent: 25 },
    ],
    ['a run with nothing to copy', { state: 'STARTED', stats: {} }, { bytesDone: 0, bytesTotal: 0, percent: 50 }],
    [
      'a finished snapshot',
      { state: 'SUCCESS', stats: { incremental: { size_in_bytes: 10 } } },
      { bytesDone: 10, percent: 100 },
    ],
  ])('reads progress of %s', async (_case, entry, expected) => {
    const { client } = buildClient([
      answered(200, {
        snapshots: [{ snapshot: 's', repository: 'r', shards_stats: { done: 1, failed: 0, total: 2 }, ...entry }],
      }),
    ]);

    expect(await client.snapshotProgress('r', 's')).toMatchObject({ shardsDone: 1, shardsTotal: 2, ...expected });
  });

  it('says the snapshot is missing when _status does not hold it', async () => {
    const { client } = buildClient([answered(200, { snapshots: [] })]);

    await expect(client.snapshotProgress('r', 's')).rejects.toThrowError('does not exist');
  });

  it('reads the running snapshots of one repository from its _status, not from any named snapshot', async () => {
    const running = (snapshot: string, processed: number) => ({
      snapshot,
      repository: 'migration',
      state: 'STARTED',
      shards_stats: { done: 0, failed: 0, total: 2 },
      stats: { incremental: { size_in_bytes: 1000 }, processed: { size_in_bytes: processed } },
    });
    const { client, sent } = buildClient([answered(200, { snapshots: [running('s1', 100), running('s2', 500)] })]);

    const progress = await client.runningSnapshots('migration');

    expect(sent).toEqual([{ method: 'GET', path: '/_snapshot/migration/_status' }]);
    expect(progress).toEqual([
      expect.objectContaining({ snapshot: 's1', state: 'STARTED', percent: 10, shardsTotal: 2 }),
      expect.objectContaining({ snapshot: 's2', percent: 50 }),
    ]);
  });

  it('reads no running snapshot as an empty list', async () => {
    const { client } = buildClient([answered(200, { snapshots: [] })]);

    expect(await client.runningSnapshots('migration')).toEqual([]);
  });

  it('passes on a missing repository when asked for its running snapshots', async () => {
    const { client } = buildClient([clusterError(404, 'repository_missing_exception', '[r] missing')]);

    await expect(client.runningSnapshots('r')).rejects.toThrowError('repository "r" is not registered');
  });

  it('reads several snapshots in one request, leaving out the ones that do not exist', async () => {
    const entry = (snapshot: string, state: string) => ({ snapshot, uuid: `u-${snapshot}`, state, indices: ['a'] });
    const { client, sent } = buildClient([
      answered(200, { snapshots: [entry('s1', 'SUCCESS'), entry('s3', 'PARTIAL'), entry('other', 'SUCCESS')] }),
    ]);

    const details = await client.getSnapshots('r', ['s1', 's2', 's3', 's1']);

    expect(sent).toEqual([{ method: 'GET', path: '/_snapshot/r/s1,s2,s3', query: { ignore_unavailable: 'true' } }]);
    expect(details.map((detail) => [detail.snapshot, detail.state, detail.repository])).toEqual([
      ['s1', 'SUCCESS', 'r'],
      ['s3', 'PARTIAL', 'r'],
    ]);
  });

  it('reads snapshots too many for one request line in as few requests as their names fit in', async () => {
    const names = Array.from(
      { length: 200 },
      (_, position) => `nightly-2026.11.03-${String(position).padStart(4, '0')}`,
    );
    const entry = (snapshot: string) => ({ snapshot, uuid: `u-${snapshot}`, state: 'SUCCESS', indices: ['a'] });
    const { client, sent } = buildClient([
      answered(200, { snapshots: [entry(names[0] as string)] }),
      answered(200, { snapshots: [entry(names[199] as string)] }),
    ]);

    const details = await client.getSnapshots('r', names);

    expect(sent).toHaveLength(2);
    expect(sent.every((request) => request.path.length < 3100)).toBe(true);
    expect(details.map((detail) => detail.snapshot)).toEqual([names[0], names[199]]);
  });

  it('asks nothing for no snapshots', async () => {
    const { client, sent } = buildClient([]);

    expect(await client.getSnapshots('r', [])).toEqual([]);
    expect(sent).toHaveLength(0);
  });

  it('refuses a snapshot name that could change the request before asking', async () => {
    const { client, sent } = buildClient([]);

    await expect(client.getSnapshots('r', ['s1', '_all'])).rejects.toThrowError(InvalidResourceNameError);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['deleted', answered(200, { acknowledged: true })],
    ['already-absent', clusterError(404, 'snapshot_missing_exception', '[r:s] is missing')],
    ['maybe-accepted', { outcome: 'maybe-accepted', reason: 'gateway-timeout' } as ClusterResponse],
  ])('reports a snapshot delete as %s', async (outcome, answer) => {
    const { client } = buildClient([answer]);

    expect(await client.deleteSnapshot('r', 's')).toBe(outcome);
  });

  it('passes on a delete refused for another reason', async () => {
    const { client } = buildClient([clusterError(404, 'repository_missing_exception', '[r] missing')]);

    await expect(client.deleteSnapshot('r', 's')).rejects.toThrowError('repository "r" is not registered');
  });
});

describe('indices', () => {
  const catRow = (index: string, docs: string | null, size: string | null) => ({
    index,
    uuid: `uuid-${index}`,
    health: 'green',
    status: 'open',
    'docs.count': docs,
    'store.size': size,
    pri: '1',
  });

  it('resolves many names a few at a time, never all at once', async () => {
    let inFlight = 0;
    let most = 0;
    const client = createClusterClient({
      alias: 'a',
      protectedIndices: [],
      dialect: 'opensearch',
      logger: silentLogger,
      transport: {
        async send(request) {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight -= 1;
          return answered(200, [catRow(request.path.split('/').at(-1) ?? '', '1', '10')]);
        },
      },
    });
    const names = Array.from({ length: 30 }, (_, position) => `logs-${position + 10}`);

    const resolved = await client.resolveIndices(names);

    expect(resolved.indices.map((entry) => entry.index)).toEqual(names);
    expect(most).toBe(8);
  });

  it('resolves each pattern to concrete indices with counts and sizes, and names patterns that reach nothing', async () => {
    const { client, sent } = buildClient([
      answered(200, [catRow('logs-2', '5', '2048'), catRow('logs-1', '3', '1024')]),
      clusterError(404, 'index_not_found_exception', 'no such index [orders]'),
      answered(200, []),
      answered(200, [catRow('logs-1', '3', '1024')]),
    ]);

    const resolved = await client.resolveIndices(['logs-*', 'orders', 'none-*', 'logs-1']);

    expect(sent.map((request) => request.path)).toEqual([
      '/_cat/indices/logs-*',
      '/_cat/indices/orders',
      '/_cat/indices/none-*',
      '/_cat/indices/logs-1',
    ]);
    expect(sent[0]?.query).toMatchObject({ bytes: 'b', format: 'json' });
    expect(resolved.indices.map((index) => [index.index, index.uuid, index.docsCount, index.storeBytes])).toEqual([
      ['logs-1', 'uuid-logs-1', 3, 1024],
      ['logs-2', 'uuid-logs-2', 5, 2048],
    ]);
    expect(sent[0]?.query?.h).toContain('uuid');
    expect(resolved.unmatched).toEqual(['orders', 'none-*']);
  });

  it('asks the cluster for the inclusions only, and takes away what each exclusion matches after it', async () => {
    const { client, sent } = buildClient([
      answered(200, [catRow('x-app', '1', '10'), catRow('x-debug-1', '1', '10'), catRow('x-web', '1', '10')]),
      answered(200, [catRow('x-debug-1', '1', '10')]),
    ]);

    const resolved = await client.resolveIndices(['x-*', '-x-debug-*', '-x-web', 'x-debug-1']);

    expect(sent.map((request) => request.path)).toEqual(['/_cat/indices/x-*', '/_cat/indices/x-debug-1']);
    expect(resolved).toMatchObject({ unmatched: [] });
    expect(resolved.indices.map((index) => index.index)).toEqual(['x-app', 'x-debug-1']);
  });

  it('lets wildcards reach hidden indices only when asked', async () => {
    const { client, sent } = buildClient([answered(200, []), answered(200, [])]);

    await client.resolveIndices(['x-*']);
    await client.resolveIndices(['x-*'], { includeHidden: true });

    expect(sent[0]?.query).not.toHaveProperty('expand_wildcards');
    expect(sent[1]?.query).toMatchObject({ expand_wildcards: 'all' });
  });

  it('names the hidden indices from their settings, where the setting is true', async () => {
    const { client, sent } = buildClient([
      answered(200, {
        'b-quiet': { settings: { 'index.hidden': 'true' } },
        'a-quiet': { settings: { 'index.hidden': 'true' } },
        shown: { settings: { 'index.hidden': 'false' } },
      }),
    ]);

    expect(await client.hiddenIndices()).toEqual(['a-quiet', 'b-quiet']);
    expect(sent[0]).toMatchObject({
      method: 'GET',
      path: '/_all/_settings/index.hidden',
      query: { expand_wildcards: 'all', flat_settings: 'true' },
    });
  });

  it('passes on a refusal to list indices', async () => {
    const { client } = buildClient([clusterError(403, 'security_exception', 'no permissions for [indices:monitor]')]);

    await expect(client.resolveIndices(['logs-*'])).rejects.toThrowError('access denied');
  });

  it('reads a closed index without counts as zero', async () => {
    const { client } = buildClient([answered(200, [{ index: 'old', uuid: 'uuid-old', status: 'close' }])]);

    const { indices } = await client.resolveIndices(['old']);

    expect(indices[0]).toEqual({
      index: 'old',
      uuid: 'uuid-old',
      health: 'unknown',
      status: 'close',
      docsCount: 0,
      storeBytes: 0,
      primaries: 0,
    });
  });

  it('refuses _all and bare wildcards before asking the cluster', async () => {
    const { client, sent } = buildClient([]);

    await expect(client.resolveIndices(['_all'])).rejects.toThrowError(InvalidResourceNameError);
    await expect(client.resolveIndices(['*'])).rejects.toThrowError('would match every index');
    expect(sent).toHaveLength(0);
  });

  it('deletes exact indices one by one, an index already gone counting as done', async () => {
    const { client, sent } = buildClient([
      answered(200, { acknowledged: true }),
      clusterError(404, 'index_not_found_exception', 'no such index [logs-2]'),
    ]);

    const results = await client.deleteIndices(['logs-1', 'logs-2']);

    expect(results).toEqual([
      { index: 'logs-1', outcome: 'deleted' },
      { index: 'logs-2', outcome: 'already-absent' },
    ]);
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(['DELETE /logs-1', 'DELETE /logs-2']);
  });

  it('reports a delete that timed out at the gateway as maybe accepted', async () => {
    const { client } = buildClient([{ outcome: 'maybe-accepted', reason: 'gateway-timeout' }]);

    expect(await client.deleteIndices(['logs-1'])).toEqual([{ index: 'logs-1', outcome: 'maybe-accepted' }]);
  });

  it('passes on a delete refused for another reason', async () => {
    const { client } = buildClient([clusterError(400, 'illegal_argument_exception', 'matches an alias')]);

    await expect(client.deleteIndices(['logs'])).rejects.toThrowError('matches an alias');
  });

  it.each([
    [['logs-*'], InvalidResourceNameError],
    [['_all'], InvalidResourceNameError],
    [['.kibana_1'], ProtectedIndexError],
    [['audit-2026'], ProtectedIndexError],
  ])('refuses to delete %j and sends nothing', async (indices, errorClass) => {
    const { client, sent } = buildClient([], ['audit-*']);

    await expect(client.deleteIndices(indices)).rejects.toThrowError(errorClass);
    expect(sent).toHaveLength(0);
  });

  it('reads doc counts of the indices that exist from their primaries', async () => {
    const { client, sent } = buildClient([
      answered(200, { indices: { a: { primaries: { docs: { count: 7 } } }, b: { primaries: {} } } }),
    ]);

    expect(await client.docCounts(['a', 'b', 'c'])).toEqual(
      new Map([
        ['a', 7],
        ['b', 0],
      ]),
    );
    expect(sent[0]).toMatchObject({ path: '/a,b,c/_stats/docs', query: { ignore_unavailable: 'true' } });
  });

  it('reads the doc counts of indices too many for one request line in several, each line short enough', async () => {
    const names = Array.from(
      { length: 150 },
      (_, position) => `logs-2026.11.03-shard-${String(position).padStart(4, '0')}`,
    );
    const first = names[0] as string;
    const last = names[149] as string;
    const { client, sent } = buildClient([
      answered(200, { indices: { [first]: { primaries: { docs: { count: 3 } } } } }),
      answered(200, { indices: { [last]: { primaries: { docs: { count: 5 } } } } }),
    ]);

    const counts = await client.docCounts(names);

    expect(counts).toEqual(
      new Map([
        [first, 3],
        [last, 5],
      ]),
    );
    expect(sent).toHaveLength(2);
    expect(sent.every((request) => request.path.length < 3100)).toBe(true);
    expect(sent.flatMap((request) => request.path.split('/')[1]?.split(',') ?? [])).toEqual(names);
  });
});

describe('restore', () => {
  const shard = (stage: string, recovered: number, overrides: Record<string, unknown> = {}) => ({
    type: 'SNAPSHOT',
    stage,
    primary: true,
    source: { repository: 'r', snapshot: 's', index: 'x' },
    index: { size: { total_in_bytes: 100, reused_in_bytes: 0, recovered_in_bytes: recovered } },
    ...overrides,
  });

  it('starts a restore of exact indices with the rename and without the global state', async () => {
    const { client, sent } = buildClient([answered(200, { accepted: true })]);

    const outcome = await client.restore({
      repository: 'r',
      snapshot: 's',
      indices: ['logs-1', 'logs-2'],
      rename: { pattern: '(.+)', replacement: 'restored-$1' },
      indexSettings: { 'index.number_of_replicas': 0 },
    });

    expect(outcome).toBe('accepted');
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/_snapshot/r/s/_restore',
      query: { wait_for_completion: 'false' },
      body: {
        indices: 'logs-1,logs-2',
        include_global_state: false,
        include_aliases: true,
        ignore_unavailable: false,
        partial: false,
        rename_pattern: '(.+)',
        rename_replacement: 'restored-$1',
        index_settings: { 'index.number_of_replicas': 0 },
      },
    });
  });

  it('reports a restore answered by a 504 as maybe accepted', async () => {
    const { client } = buildClient([{ outcome: 'maybe-accepted', reason: 'gateway-timeout' }]);

    expect(await client.restore({ repository: 'r', snapshot: 's', indices: ['a'] })).toBe('maybe-accepted');
  });

  const blocked = clusterError(
    500,
    'snapshot_restore_exception',
    'cannot restore index [a] because an open index with same name already exists',
  );

  it('treats indices already restoring from this snapshot as its own earlier restore', async () => {
    const { client, sent } = buildClient([blocked, ...recovering({ a: { shards: [shard('INDEX', 50)] } })]);

    expect(await client.restore({ repository: 'r', snapshot: 's', indices: ['a'] })).toBe('accepted');
    expect(sent[1]).toMatchObject({ method: 'GET', path: '/a/_recovery' });
  });

  it('refuses when the open index did not come from this snapshot', async () => {
    const { client } = buildClient([
      blocked,
      ...recovering({ a: { shards: [shard('DONE', 100, { type: 'EMPTY_STORE', source: {} })] } }),
    ]);

    await expect(client.restore({ repository: 'r', snapshot: 's', indices: ['a'] })).rejects.toMatchObject({
      code: ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX,
    });
  });

  it('passes on other restore errors', async () => {
    const { client } = buildClient([clusterError(404, 'snapshot_missing_exception', '[r:s] is missing')]);

    await expect(client.restore({ repository: 'r', snapshot: 's', indices: ['a'] })).rejects.toThrowError(
      'does not exist',
    );
  });

  it('follows restore progress over the primaries of each index', async () => {
    const { client } = buildClient([
      ...recovering({
        a: { shards: [shard('DONE', 100), shard('DONE', 0, { primary: false, type: 'PEER' })] },
        b: { shards: [shard('INDEX', 50), shard('VERIFY_INDEX', 0)] },
      }),
    ]);

    const progress = await client.restoreProgress(['a', 'b']);

    expect(progress).toMatchObject({
      shardsDone: 1,
      shardsTotal: 3,
      bytesDone: 150,
      bytesTotal: 300,
      percent: 50,
      totalsKnown: true,
      done: false,
    });
    expect(progress.indices[0]).toMatchObject({
      index: 'a',
      shardsDone: 1,
      source: { repository: 'r', snapshot: 's' },
      types: ['SNAPSHOT'],
    });
  });

  it('does not know the totals while a primary is in its INIT stage, with its files not counted yet', async () => {
    const { client } = buildClient([...recovering({ a: { shards: [shard('INDEX', 50), shard('INIT', 0)] } })]);

    expect(await client.restoreProgress(['a'])).toMatchObject({ totalsKnown: false, percent: 0, shardsTotal: 2 });
  });

  it('says what the primaries of an index recovered from, each type once', async () => {
    const { client } = buildClient([
      ...recovering({
        a: {
          shards: [shard('DONE', 0, { type: 'EMPTY_STORE', source: {} }), shard('DONE', 0, { type: 'empty_store' })],
        },
      }),
    ]);

    const progress = await client.restoreProgress(['a']);

    expect(progress.indices[0]).toMatchObject({ source: undefined, types: ['EMPTY_STORE'] });
  });

  it('is done when every index exists and every primary is DONE', async () => {
    const { client } = buildClient([...recovering({ a: { shards: [shard('DONE', 100)] } })]);

    expect(await client.restoreProgress(['a'])).toMatchObject({ done: true, percent: 100 });
  });

  it('is not done while an index does not exist yet', async () => {
    const { client } = buildClient([...recovering({ a: { shards: [shard('DONE', 100)] } })]);

    expect(await client.restoreProgress(['a', 'b'])).toMatchObject({ done: false, totalsKnown: false, percent: 0 });
  });

  it('counts shards when there are no bytes to copy', async () => {
    const empty = { index: { size: { total_in_bytes: 0, recovered_in_bytes: 0 } } };
    const { client } = buildClient([
      ...recovering({ a: { shards: [shard('DONE', 0, empty), shard('INDEX', 0, empty)] } }),
    ]);

    expect(await client.restoreProgress(['a'])).toMatchObject({ percent: 50 });
  });

  it('asks for targets too many for one request line by patterns in one request, and keeps only the targets', async () => {
    const targets = Array.from(
      { length: 150 },
      (_, position) => `restored-logs-2026.11.03-${String(position).padStart(4, '0')}`,
    );
    const first = targets[0] as string;
    const last = targets[149] as string;
    const { client, sent } = buildClient(
      recovering({
        [first]: { shards: [shard('DONE', 100)] },
        [last]: { shards: [shard('INDEX', 50)] },
        'restored-logs-2026.11.03-0001-old': { shards: [shard('DONE', 100)] },
      }),
    );

    const progress = await client.restoreProgress(targets);

    const tens = Array.from({ length: 15 }, (_, ten) => `restored-logs-2026.11.03-${String(ten).padStart(3, '0')}*`);
    expect(sent.map((request) => request.path.split('/').slice(0, 3))).toEqual([
      ['', tens.join(','), '_recovery'],
      ['', tens.join(','), '_settings'],
    ]);
    expect(sent.every((request) => request.query?.expand_wildcards === 'open,hidden')).toBe(true);
    expect(progress.indices.map((entry) => [entry.index, entry.shardsDone])).toEqual([
      [first, 1],
      [last, 0],
    ]);
  });

  it('asks once for the targets of many restores, and each restore sums its own indices', async () => {
    const { client, sent } = buildClient([
      ...recovering({ a: { shards: [shard('DONE', 100)] }, b: { shards: [shard('INDEX', 20)] } }),
    ]);

    const all = await client.restoreProgress(['a', 'b', 'c']);
    const first = summarizeRecovery(['a'], all.indices);
    const second = summarizeRecovery(['b', 'c'], all.indices);

    const query = { ignore_unavailable: 'true', allow_no_indices: 'true', expand_wildcards: 'open,hidden' };
    expect(sent).toEqual([
      { method: 'GET', path: '/a,b,c/_recovery', query },
      {
        method: 'GET',
        path: '/a,b,c/_settings/index.version.created,index.number_of_shards,index.number_of_replicas',
        query: { ...query, flat_settings: 'true' },
      },
    ]);
    expect(first).toMatchObject({ done: true, percent: 100, bytesDone: 100 });
    expect(second).toMatchObject({ done: false, shardsDone: 0, shardsTotal: 1, bytesDone: 20, totalsKnown: false });
    expect(summarizeRecovery(['b'], all.indices)).toMatchObject({ totalsKnown: true, percent: 20 });
  });

  it('is not done while a primary the engine has not started yet is missing from `_recovery`', async () => {
    const { client } = buildClient(recovering({ a: { shards: [shard('DONE', 100)] } }, { a: 2 }));

    expect(await client.restoreProgress(['a'])).toMatchObject({
      done: false,
      totalsKnown: false,
      percent: 0,
      shardsDone: 1,
      shardsTotal: 2,
    });
  });

  it('reports nothing started when no index exists', async () => {
    const { client } = buildClient([...recovering({})]);

    expect(await client.restoreProgress(['a'])).toMatchObject({ percent: 0, done: false, indices: [] });
  });
});

describe('cluster', () => {
  it('reads name, distribution and version', async () => {
    const { client } = buildClient([
      answered(200, { cluster_name: 'logs', version: { number: '2.19.5', distribution: 'opensearch' } }),
      answered(200, { cluster_name: 'old', version: { number: '6.8.0' } }),
    ]);

    expect(await client.info()).toEqual({ name: 'logs', distribution: 'opensearch', version: '2.19.5' });
    expect(await client.info()).toEqual({ name: 'old', distribution: 'elasticsearch', version: '6.8.0' });
  });

  it('reads health', async () => {
    const { client } = buildClient([answered(200, { status: 'yellow', number_of_nodes: 1, active_shards: 4 })]);

    expect(await client.health()).toEqual({ status: 'yellow', nodes: 1, activeShards: 4 });
  });
});
