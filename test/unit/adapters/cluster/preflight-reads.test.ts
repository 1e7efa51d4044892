import { describe, expect, it } from 'vitest';
import { createClusterClient } from '../../../../src/adapters/cluster/cluster-client.js';
import type { ClusterResponse } from '../../../../src/adapters/cluster/signed-transport.js';
import { ClusterErrorCode } from '../../../../src/core/cluster-errors.js';
import { answered, createRecordingTransport } from '../../../fakes/recording-transport.js';
import { silentLogger } from '../../../fakes/silent-logger.js';

function buildClient(answers: ClusterResponse[]) {
  const transport = createRecordingTransport(answers);
  const client = createClusterClient({ alias: 'b', dialect: 'opensearch', logger: silentLogger, transport });
  return { client, sent: transport.sent };
}

const DISK = 'cluster.routing.allocation.disk';

describe('what a preflight reads', () => {
  it('reads disk per data node from _cat/allocation, counting the UNASSIGNED row as shards no node holds', async () => {
    // Prepare
    const { client, sent } = buildClient([
      answered(200, [
        { node: 'n2', shards: '4', 'disk.used': '60', 'disk.avail': '40', 'disk.total': '100' },
        { node: 'UNASSIGNED', shards: '3' },
        { node: 'n1', shards: '5', 'disk.used': '10', 'disk.avail': '90', 'disk.total': '100' },
      ]),
    ]);

    // Act
    const allocation = await client.diskAllocation();

    // Assess
    expect(allocation).toEqual({
      nodes: [
        { node: 'n1', shards: 5, usedBytes: 10, availableBytes: 90, totalBytes: 100 },
        { node: 'n2', shards: 4, usedBytes: 60, availableBytes: 40, totalBytes: 100 },
      ],
      unassignedShards: 3,
    });
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/_cat/allocation', query: { bytes: 'b', format: 'json' } });
  });

  it('counts a node without disk columns as having none', async () => {
    const { client } = buildClient([answered(200, [{ node: 'n1', shards: '0' }])]);

    expect((await client.diskAllocation()).nodes).toEqual([
      { node: 'n1', shards: 0, usedBytes: 0, availableBytes: 0, totalBytes: 0 },
    ]);
  });

  it('reads the allocation settings in force: transient over persistent over the defaults', async () => {
    // Prepare
    const { client, sent } = buildClient([
      answered(200, {
        transient: { [`${DISK}.watermark.high`]: '500mb' },
        persistent: { [`${DISK}.watermark.high`]: '95%', [`${DISK}.threshold_enabled`]: 'true' },
        defaults: {
          [`${DISK}.watermark.high`]: '90%',
          [`${DISK}.threshold_enabled`]: 'false',
          [`${DISK}.watermark.enable_for_single_data_node`]: 'false',
          'cluster.max_shards_per_node': '1000',
        },
      }),
    ]);

    // Act
    const settings = await client.allocationSettings();

    // Assess
    expect(settings).toEqual({
      thresholdEnabled: true,
      highWatermark: '500mb',
      watermarkOnSingleDataNode: false,
      maxShardsPerNode: 1000,
    });
    expect(sent[0]).toMatchObject({
      path: '/_cluster/settings',
      query: { include_defaults: 'true', flat_settings: 'true' },
    });
  });

  it('applies the watermarks on one data node and counts thresholds on where the engine does not say', async () => {
    const { client } = buildClient([
      answered(200, { defaults: { [`${DISK}.watermark.high`]: '90%', 'cluster.max_shards_per_node': 1000 } }),
    ]);

    expect(await client.allocationSettings()).toMatchObject({
      thresholdEnabled: true,
      watermarkOnSingleDataNode: true,
    });
  });

  it('refuses settings without a high watermark or a shard limit as an answer it does not know', async () => {
    const { client } = buildClient([answered(200, { defaults: { 'cluster.max_shards_per_node': 'many' } })]);

    await expect(client.allocationSettings()).rejects.toMatchObject({ code: ClusterErrorCode.UNEXPECTED_ANSWER });
  });

  it('reads index facts from _settings and _stats/store, by name, leaving out indices that do not exist', async () => {
    // Prepare
    const settings = (created: string) => ({
      settings: {
        'index.version.created': created,
        'index.number_of_shards': '2',
        'index.number_of_replicas': '1',
      },
    });
    const { client, sent } = buildClient([
      answered(200, { 'logs-2': settings('136408327'), 'logs-1': settings('7100299') }),
      answered(200, {
        indices: { 'logs-1': { primaries: { store: { size_in_bytes: 1234 } } }, 'logs-2': { primaries: {} } },
      }),
    ]);

    // Act
    const facts = await client.indexFacts(['logs-1', 'logs-2', 'gone']);

    // Assess
    expect(facts).toEqual([
      { index: 'logs-1', versionCreated: 7100299, shards: 2, replicas: 1, primaryBytes: 1234 },
      { index: 'logs-2', versionCreated: 136408327, shards: 2, replicas: 1, primaryBytes: 0 },
    ]);
    expect(sent.map((request) => request.path)).toEqual([
      '/logs-1,logs-2,gone/_settings/index.version.created,index.number_of_shards,index.number_of_replicas',
      '/logs-1,logs-2,gone/_stats/store',
    ]);
    expect(sent[0]?.query).toMatchObject({
      ignore_unavailable: 'true',
      flat_settings: 'true',
      expand_wildcards: 'all',
    });
  });

  it('asks nothing for no index', async () => {
    const { client, sent } = buildClient([]);

    expect(await client.indexFacts([])).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('reads aliases with their write flag, hidden ones too', async () => {
    // Prepare
    const { client, sent } = buildClient([
      answered(200, [
        { alias: 'logs', index: 'logs-2', is_write_index: 'true' },
        { alias: 'all', index: 'logs-1', is_write_index: '-' },
        { alias: 'logs', index: 'logs-1', is_write_index: 'false' },
      ]),
    ]);

    // Act
    const aliases = await client.aliases();

    // Assess
    expect(aliases).toEqual([
      { alias: 'all', index: 'logs-1', isWriteIndex: undefined },
      { alias: 'logs', index: 'logs-1', isWriteIndex: false },
      { alias: 'logs', index: 'logs-2', isWriteIndex: true },
    ]);
    expect(sent[0]).toMatchObject({ path: '/_cat/aliases', query: { expand_wildcards: 'all' } });
  });

  it("reads the version that wrote a snapshot and its indices' bytes, in both engines' forms of _status", async () => {
    // Prepare
    const { client, sent } = buildClient([
      answered(200, { snapshots: [{ snapshot: 's', version_id: 136408327, version: '2.19.5' }] }),
      answered(200, {
        snapshots: [
          {
            indices: {
              'logs-2': { shards_stats: { total: 1 }, stats: { total_size_in_bytes: 20 } },
              'logs-1': { shards_stats: { total: 2 }, stats: { total: { size_in_bytes: 10 } } },
              'logs-3': { shards_stats: { total: 1 }, stats: {} },
            },
          },
        ],
      }),
    ]);

    // Act
    const footprint = await client.snapshotFootprint('migration', 's');

    // Assess
    expect(footprint).toEqual({
      versionId: 136408327,
      indices: [
        { index: 'logs-1', bytes: 10, shards: 2 },
        { index: 'logs-2', bytes: 20, shards: 1 },
        { index: 'logs-3', bytes: 0, shards: 1 },
      ],
    });
    expect(sent.map((request) => request.path)).toEqual(['/_snapshot/migration/s', '/_snapshot/migration/s/_status']);
  });

  it('reads a snapshot answer without a version or indices as unknown and empty', async () => {
    const { client } = buildClient([answered(200, { snapshots: [] }), answered(200, { snapshots: [] })]);

    expect(await client.snapshotFootprint('migration', 's')).toEqual({ versionId: undefined, indices: [] });
  });

  it('asks the master for longer when a restore says so, and not otherwise', async () => {
    // Prepare
    const { client, sent } = buildClient([answered(200, { accepted: true }), answered(200, { accepted: true })]);
    const request = { repository: 'migration', snapshot: 's', indices: ['logs-1'] };

    // Act
    await client.restore({ ...request, masterTimeout: '357s' });
    await client.restore(request);

    // Assess
    expect(sent.map((sentRequest) => sentRequest.query)).toEqual([
      { wait_for_completion: 'false', master_timeout: '357s' },
      { wait_for_completion: 'false' },
    ]);
  });
});
