import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ClusterErrorCode } from '../../../src/core/cluster-errors.js';
import { compareDocCounts } from '../../../src/core/restore/doc-count-check.js';
import { renameMapping } from '../../../src/core/restore/rename-mapping.js';
import { engineLabel } from '../../../src/local/engines/engine.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { sharedS3Repository, startGatewayClusters } from '../../rig/gateway-clusters.js';
import { createIndexWithDocs, deleteIndexDirectly, markerOf } from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { describeAcrossClusters } from '../bot/across-clusters.js';

/**
 * The runbook this bot automates, step by step, against real OpenSearch clusters behind a gateway that behaves
 * like Amazon OpenSearch Service: register the repository on A and B, snapshot on A, wait for SUCCESS, delete
 * on B, restore on B, wait for recovery, compare doc counts.
 */
describeAcrossClusters('migrating indices from cluster A to cluster B', () => {
  let clusters: Awaited<ReturnType<typeof startGatewayClusters>>;
  // Step 3 of the runbook: an s3 repository with bucket, region and role_arn, as the service takes it.
  const repository = sharedS3Repository('runbook');

  async function snapshotSucceeded(client: ClusterClient, snapshot: string) {
    return waitUntil(`snapshot ${snapshot} to end`, async () => {
      const detail = await client.getSnapshot(repository.name, snapshot);
      return detail.state === 'IN_PROGRESS' ? undefined : detail;
    });
  }

  async function restoreFinished(client: ClusterClient, indices: string[]) {
    return waitUntil(`restore of ${indices.join(',')}`, async () => {
      const progress = await client.restoreProgress(indices);
      return progress.done ? progress : undefined;
    });
  }

  async function docCountsAgree(mapping: Map<string, string>) {
    const source = await clusters.a.client.docCounts([...mapping.keys()]);
    const target = await clusters.b.client.docCounts([...mapping.values()]);
    return compareDocCounts(mapping, source, target);
  }

  beforeAll(async () => {
    const { engines } = inject('rig');
    console.error(`runbook tests: A ${engineLabel(engines.a)}, B ${engineLabel(engines.b)}`);
    clusters = await startGatewayClusters();
    const { a, b } = clusters;
    await createIndexWithDocs(a.directUrl, 'rb-logs-1', { docs: 120, shards: 2, marker: 'from-a' });
    await createIndexWithDocs(a.directUrl, 'rb-logs-2', { docs: 80, marker: 'from-a' });
    await createIndexWithDocs(b.directUrl, 'rb-logs-1', { docs: 7, marker: 'old-b' });
    // A cluster kept from an earlier run holds that run's restored copy.
    await deleteIndexDirectly(b.directUrl, 'rb-logs-2');
    await a.client.registerRepository(repository);
    await b.client.registerRepository({ ...repository, settings: { ...repository.settings, readonly: true } });
  });

  afterAll(async () => {
    await clusters?.close();
  });

  it('registers the same repository on both clusters, and both can reach it', async () => {
    expect(await clusters.a.client.verifyRepository(repository.name)).toHaveLength(1);
    const onB = await clusters.b.client.listRepositories();
    expect(onB.find((entry) => entry.name === repository.name)).toMatchObject({
      type: 's3',
      settings: { ...repository.settings, readonly: 'true' },
    });
  });

  it('snapshots on A, deletes on B, restores on B and ends with equal doc counts', async () => {
    const { a, b } = clusters;
    const indices = ['rb-logs-1', 'rb-logs-2'];

    const started = await a.client.createSnapshot({
      repository: repository.name,
      snapshot: 'move-1',
      indices,
      jobId: 'job-move-1',
    });
    const snapshot = await snapshotSucceeded(a.client, 'move-1');
    const progress = await a.client.snapshotProgress(repository.name, 'move-1');
    const deleted = await b.client.deleteIndices(indices);
    const restored = await b.client.restore({ repository: repository.name, snapshot: 'move-1', indices });
    const recovery = await restoreFinished(b.client, indices);
    const comparison = await docCountsAgree(renameMapping(indices, undefined));

    expect(started).toBe('accepted');
    expect(snapshot).toMatchObject({ state: 'SUCCESS', indices, shards: { total: 3, failed: 0 } });
    expect(snapshot.metadata).toMatchObject({ es_snapshot_bot_job_id: 'job-move-1' });
    expect(progress).toMatchObject({ state: 'SUCCESS', shardsDone: 3, shardsTotal: 3, percent: 100 });
    expect(deleted).toEqual([
      { index: 'rb-logs-1', outcome: 'deleted' },
      { index: 'rb-logs-2', outcome: 'already-absent' },
    ]);
    expect(restored).toBe('accepted');
    expect(recovery).toMatchObject({ shardsDone: 3, shardsTotal: 3, percent: 100 });
    expect(recovery.indices.every((entry) => entry.source?.snapshot === 'move-1')).toBe(true);
    expect(comparison).toEqual([
      { index: 'rb-logs-1', target: 'rb-logs-1', sourceDocs: 120, targetDocs: 120, equal: true },
      { index: 'rb-logs-2', target: 'rb-logs-2', sourceDocs: 80, targetDocs: 80, equal: true },
    ]);
    expect(await markerOf(b.directUrl, 'rb-logs-1')).toBe('from-a');
  });

  it('repeating the restore step of the same snapshot counts as already done', async () => {
    const again = await clusters.b.client.restore({
      repository: repository.name,
      snapshot: 'move-1',
      indices: ['rb-logs-1'],
    });

    expect(again).toBe('accepted');
  });

  it('refuses a restore over an open index of the same name from elsewhere, suggesting replace or rename', async () => {
    const { b } = clusters;
    await createIndexWithDocs(b.directUrl, 'rb-logs-2', { docs: 3, marker: 'local-b' });

    const act = b.client.restore({ repository: repository.name, snapshot: 'move-1', indices: ['rb-logs-2'] });

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX });
    await expect(act).rejects.toMatchObject({ hint: expect.stringContaining('replace') });
    expect(await markerOf(b.directUrl, 'rb-logs-2')).toBe('local-b');
  });

  it('restores under new names beside the existing indices', async () => {
    const { b } = clusters;
    const rename = { pattern: 'rb-(.+)', replacement: 'rb-restored-$1' };
    const indices = ['rb-logs-1', 'rb-logs-2'];
    await deleteIndexDirectly(b.directUrl, 'rb-restored-logs-1');
    await deleteIndexDirectly(b.directUrl, 'rb-restored-logs-2');

    await b.client.restore({ repository: repository.name, snapshot: 'move-1', indices, rename });
    const mapping = renameMapping(indices, rename);
    await restoreFinished(b.client, [...mapping.values()]);

    expect((await docCountsAgree(mapping)).every((entry) => entry.equal)).toBe(true);
    expect(await markerOf(b.directUrl, 'rb-logs-2')).toBe('local-b');
  });

  it('treats a 504 from the gateway on restore as still running, and the restore completes', async () => {
    const { b } = clusters;
    const rename = { pattern: 'rb-(.+)', replacement: 'rb-late-$1' };
    await deleteIndexDirectly(b.directUrl, 'rb-late-logs-1');
    b.gateway.answerNextWith504('restore');

    const outcome = await b.client.restore({
      repository: repository.name,
      snapshot: 'move-1',
      indices: ['rb-logs-1'],
      rename,
    });
    const recovery = await restoreFinished(b.client, ['rb-late-logs-1']);

    expect(outcome).toBe('maybe-accepted');
    expect(recovery.done).toBe(true);
    expect((await b.client.docCounts(['rb-late-logs-1'])).get('rb-late-logs-1')).toBe(120);
  });
});
