import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { ProtectedIndexError } from '../../../src/core/errors.js';
import { clusterClientFor } from '../../../src/handlers/compose-context.js';
import { silentLogger } from '../../fakes/silent-logger.js';
import { buildClusterConfig } from '../../fixtures/cluster-config.js';
import { REGION, sharedFsRepository, startGatewayClusters } from '../../rig/gateway-clusters.js';
import { createIndexWithDocs, indexExists } from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { itAcrossClusters } from '../bot/across-clusters.js';

describe('snapshot chores on cluster A', () => {
  let clusters: Awaited<ReturnType<typeof startGatewayClusters>>;
  const repository = sharedFsRepository('chores');

  async function takeSnapshot(snapshot: string, jobId: string) {
    await clusters.a.client.createSnapshot({ repository: repository.name, snapshot, indices: ['ch-orders'], jobId });
    await waitUntil(`snapshot ${snapshot}`, async () => {
      const detail = await clusters.a.client.getSnapshot(repository.name, snapshot);
      return detail.state === 'IN_PROGRESS' ? undefined : detail;
    });
  }

  beforeAll(async () => {
    clusters = await startGatewayClusters();
    await createIndexWithDocs(clusters.a.directUrl, 'ch-orders', { docs: 10 });
    await createIndexWithDocs(clusters.a.directUrl, 'ch-logs-1', { docs: 4 });
    await createIndexWithDocs(clusters.a.directUrl, 'ch-logs-2', { docs: 6 });
    await clusters.a.client.registerRepository(repository);
    await takeSnapshot('first', 'job-1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await takeSnapshot('second', 'job-2');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  it('lists snapshots newest first, at most the limit', async () => {
    const list = await clusters.a.client.listSnapshots(repository.name, { limit: 1 });

    expect(list).toEqual([expect.objectContaining({ snapshot: 'second', state: 'SUCCESS', indexCount: 1 })]);
  });

  it('repeats a snapshot start of the same job without error, and refuses the name to another job', async () => {
    const request = { repository: repository.name, snapshot: 'second', indices: ['ch-orders'] };

    expect(await clusters.a.client.createSnapshot({ ...request, jobId: 'job-2' })).toBe('accepted');
    await expect(clusters.a.client.createSnapshot({ ...request, jobId: 'job-9' })).rejects.toMatchObject({
      code: ClusterErrorCode.SNAPSHOT_NAME_TAKEN,
    });
  });

  it('deletes a snapshot, and deleting it again finds it already gone', async () => {
    await takeSnapshot('doomed', 'job-3');

    expect(await clusters.a.client.deleteSnapshot(repository.name, 'doomed')).toBe('deleted');
    expect(await clusters.a.client.deleteSnapshot(repository.name, 'doomed')).toBe('already-absent');
    await expect(clusters.a.client.getSnapshot(repository.name, 'doomed')).rejects.toMatchObject({
      code: ClusterErrorCode.SNAPSHOT_MISSING,
    });
  });

  it('names a missing repository and how to register it', async () => {
    const act = clusters.a.client.listSnapshots('nowhere');

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.REPOSITORY_MISSING });
    await expect(act).rejects.toMatchObject({ hint: 'Register it first: /es snapshot repo register a nowhere' });
  });

  it('resolves patterns to indices with doc counts and sizes', async () => {
    const { indices, unmatched } = await clusters.a.client.resolveIndices(['ch-logs-*', 'ch-missing']);

    expect(indices.map(({ index, docsCount }) => [index, docsCount])).toEqual([
      ['ch-logs-1', 4],
      ['ch-logs-2', 6],
    ]);
    expect(indices.every((index) => index.storeBytes > 0)).toBe(true);
    expect(unmatched).toEqual(['ch-missing']);
  });

  it('never deletes a protected index', async () => {
    await createIndexWithDocs(clusters.a.directUrl, '.opensearch-ch-test', { docs: 1 });

    await expect(clusters.a.client.deleteIndices(['.opensearch-ch-test'])).rejects.toThrowError(ProtectedIndexError);
    expect(await indexExists(clusters.a.directUrl, '.opensearch-ch-test')).toBe(true);
  });

  it('names a repository that B has not registered yet', async () => {
    const act = clusters.b.client.restore({ repository: repository.name, snapshot: 'first', indices: ['ch-nothing'] });

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.REPOSITORY_MISSING });
  });

  itAcrossClusters('explains an index that the snapshot does not hold', async () => {
    await clusters.b.client.registerRepository({ ...repository, settings: { ...repository.settings, readonly: true } });

    const act = clusters.b.client.restore({ repository: repository.name, snapshot: 'first', indices: ['ch-nothing'] });

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.INDEX_NOT_FOUND });
  });

  it('is refused by the gateway when the signature is forged', async () => {
    const config = buildClusterConfig({
      alias: 'a',
      endpoint: new URL(clusters.a.gateway.url),
      signing: 'es',
      region: REGION,
    });
    const forger = clusterClientFor(config, silentLogger, async () => ({
      accessKeyId: 'AKIDRIGTEST',
      secretAccessKey: 'not-the-secret',
    }));

    const act = forger.listRepositories();

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.ACCESS_DENIED });
    await expect(act).rejects.toMatchObject({ statusCode: 403 });
  });

  it('is refused by the gateway when registering a cs- repository', async () => {
    const act = clusters.a.client.registerRepository({ ...repository, name: 'cs-mine' });

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.REQUEST_FAILED });
  });
});
