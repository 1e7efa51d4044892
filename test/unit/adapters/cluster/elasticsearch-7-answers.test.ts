import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toClusterError } from '../../../../src/adapters/cluster/cluster-errors.js';
import { dialectFor } from '../../../../src/adapters/cluster/dialects/index.js';
import { ClusterErrorCode } from '../../../../src/core/cluster-errors.js';

/** An answer Elasticsearch 7.10.2 gave the rig (recorded from a real node, see test/fixtures/engines/). */
function recorded(name: string): unknown {
  const url = new URL(`../../../fixtures/engines/elasticsearch-7.10.2-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

const info = dialectFor(undefined).answers.info.parse(recorded('root'));
const { answers, requests } = dialectFor(info);

/**
 * Elasticsearch 7.10.2 answers every call the bot makes as OpenSearch does (the whole suite passes against it):
 * no dialect of its own. These pin that down on what the engine really said.
 */
describe('the answers of Elasticsearch 7.10.2', () => {
  it('names no distribution in GET /, which reads as Elasticsearch', () => {
    expect(info).toEqual({ name: 'a', distribution: 'elasticsearch', version: '7.10.2' });
  });

  it('reads a snapshot with the job id its metadata recorded', () => {
    const [detail] = answers.snapshots('rec').parse(recorded('snapshot'));
    expect(detail).toMatchObject({ snapshot: 'rec-snap', state: 'SUCCESS', indices: ['rec-orders'] });
    expect(detail?.shards).toEqual({ total: 2, successful: 2, failed: 0 });
    expect(detail === undefined ? undefined : requests.jobIdOf(detail)).toBe('job-1');
    expect(answers.snapshotVersion.parse(recorded('snapshot'))).toBe(7100299);
  });

  it('reads the status of a finished snapshot and its per-index sizes', () => {
    const [progress] = answers.snapshotStatus.parse(recorded('snapshot-status'));
    expect(progress).toMatchObject({ snapshot: 'rec-snap', state: 'SUCCESS', shardsDone: 2, percent: 100 });
    const sizes = answers.snapshotIndexSizes.parse(recorded('snapshot-status'));
    expect(sizes).toEqual([{ index: 'rec-orders', bytes: expect.any(Number), shards: 2 }]);
  });

  it('reads _cat/snapshots rows', () => {
    expect(answers.snapshotList.parse(recorded('cat-snapshots'))).toMatchObject([
      { snapshot: 'rec-snap', state: 'SUCCESS', indexCount: 1, shards: { total: 2, successful: 2, failed: 0 } },
    ]);
  });

  it('reads a restore from its _recovery: the primaries, from the snapshot', () => {
    const recovery = answers.recovery.parse(recorded('recovery')).get('rec-orders-copy');
    expect(recovery).toMatchObject({
      shardsDone: 2,
      shardsTotal: 2,
      source: { repository: 'rec', snapshot: 'rec-snap' },
    });
  });

  it('reads the creation version, shards and replicas of an index', () => {
    expect(answers.indexSettings.parse(recorded('index-settings')).get('rec-orders')).toEqual({
      versionCreated: 7100299,
      shards: 2,
      replicas: 0,
    });
  });

  it.each([
    ['snapshot-name-taken', 400, ClusterErrorCode.SNAPSHOT_NAME_TAKEN],
    ['snapshot-missing', 404, ClusterErrorCode.SNAPSHOT_MISSING],
    ['repository-missing', 404, ClusterErrorCode.REPOSITORY_MISSING],
    ['restore-open-index', 500, ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX],
  ])('reads the refusal %s as the error a person acts on', (name, statusCode, code) => {
    const context = { cluster: 'a', method: 'PUT' as const, repository: 'rec', snapshot: 'rec-snap' };
    expect(toClusterError(context, statusCode, answers.fault(recorded(name))).code).toBe(code);
  });
});
