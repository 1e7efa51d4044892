import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClusterClient } from '../../../../src/adapters/cluster/cluster-client.js';
import { dialectFor } from '../../../../src/adapters/cluster/dialects/index.js';
import { openSearchDialect } from '../../../../src/adapters/cluster/dialects/opensearch/opensearch-dialect.js';
import { answered, clusterError, createRecordingTransport } from '../../../fakes/recording-transport.js';
import { silentLogger } from '../../../fakes/silent-logger.js';

/** `GET /` as the engine answered it, recorded from the rig's clusters. */
function rootAnswer(engine: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/engines/${engine}-root.json`, import.meta.url), 'utf8'));
}

describe('the dialect of a cluster', () => {
  it('is asked of GET / once, before the first call, and kept for the next ones', async () => {
    // Prepare
    const health = answered(200, { status: 'green', number_of_nodes: 1, active_shards: 3 });
    const transport = createRecordingTransport([answered(200, rootAnswer('elasticsearch-7.10.2')), health, health]);
    const client = createClusterClient({ alias: 'a', logger: silentLogger, transport });

    // Act
    await client.health();
    await client.health();

    // Assess
    expect(transport.sent.map((request) => request.path)).toEqual(['/', '/_cluster/health', '/_cluster/health']);
  });

  it('is asked again after GET / failed, and the failure is the call’s', async () => {
    // Prepare
    const refused = clusterError(403, 'security_exception', 'no permissions for [cluster:monitor/main]');
    const transport = createRecordingTransport([
      refused,
      answered(200, rootAnswer('elasticsearch-7.10.2')),
      answered(200, []),
    ]);
    const client = createClusterClient({ alias: 'a', logger: silentLogger, transport });

    // Act
    const first = client.aliases();

    // Assess
    await expect(first).rejects.toMatchObject({ cluster: 'a', statusCode: 403 });
    await expect(client.aliases()).resolves.toEqual([]);
    expect(transport.sent.map((request) => request.path)).toEqual(['/', '/', '/_cat/aliases']);
  });
});

describe('GET / of each engine the rig runs', () => {
  it.each([
    ['elasticsearch-7.10.2', { distribution: 'elasticsearch', version: '7.10.2' }],
    ['opensearch-1.3.20', { distribution: 'opensearch', version: '1.3.20' }],
    ['opensearch-2.19.6', { distribution: 'opensearch', version: '2.19.6' }],
    ['opensearch-3.6.0', { distribution: 'opensearch', version: '3.6.0' }],
  ])('%s reads as its engine and picks the dialect every proven engine shares', (engine, expected) => {
    const info = dialectFor(undefined).answers.info.parse(rootAnswer(engine));
    expect(info).toMatchObject(expected);
    expect(dialectFor(info)).toBe(openSearchDialect);
  });
});
