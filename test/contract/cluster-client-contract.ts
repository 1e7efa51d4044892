import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ClusterErrorCode } from '../../src/core/cluster-errors.js';
import { allocationSettings, diskAllocation, indexAlias, indexFacts } from '../../src/core/model/allocation.js';
import { repositorySummary } from '../../src/core/model/cluster-info.js';
import { recoveryProgress } from '../../src/core/model/recovery.js';
import type { RepositoryDefinition } from '../../src/core/model/repository.js';
import { resolvedIndices } from '../../src/core/model/search-index.js';
import {
  snapshotDetail,
  snapshotFootprint,
  snapshotListEntry,
  snapshotProgress,
} from '../../src/core/model/snapshot.js';
import { versionFromId } from '../../src/core/preflight/engine-version.js';
import type { ClusterClient } from '../../src/ports/cluster-client.js';
import { waitUntil } from '../rig/wait-until.js';

type FsRepository = Extract<RepositoryDefinition, { type: 'fs' }>;

/** A cluster to hold to the contract, with the fixtures the contract builds on it. */
type ContractCluster = {
  client: ClusterClient;
  /**
   * Creates `index` with `docs` documents (refreshed, so counts see them), replacing any index of that name;
   * `hidden` marks it `index.hidden: true`.
   */
  createIndex(index: string, docs: number, options?: { hidden?: boolean }): Promise<void>;
  /** An `fs` repository this cluster can register, not registered yet: a new name each call. */
  newRepository(): FsRepository;
};

/** Parses with the core's schema, so an answer of another shape fails with the field that differs. */
function conforms<Schema extends z.ZodType>(schema: Schema, value: unknown): void {
  expect(() => schema.parse(value)).not.toThrow();
}

const POLL = { timeoutMs: 60_000, intervalMs: 100 };

/**
 * What every ClusterClient must do, as the use cases rely on it, registered as vitest blocks. It runs against the
 * test fake (unit) and against the real clusters behind the SigV4 gateway (integration), so the fake the use-case
 * tests rely on cannot drift from the engine. `setup` runs once; the cases share its indices, its repository and
 * two snapshots taken in `beforeAll`, and create anything else they change under names of their own.
 */
function describeClusterClientContract(setup: () => Promise<ContractCluster>): void {
  describe('ClusterClient contract', () => {
    let cluster: ContractCluster;
    let client: ClusterClient;
    let repository: FsRepository;
    const nowhere = 'cc-nowhere';

    async function snapshotEnded(snapshot: string) {
      return waitUntil(
        `snapshot ${snapshot} to end`,
        async () => {
          const detail = await client.getSnapshot(repository.name, snapshot);
          return detail.state === 'IN_PROGRESS' ? undefined : detail;
        },
        POLL,
      );
    }

    async function takeSnapshot(snapshot: string, jobId: string, indices: string[]) {
      await client.createSnapshot({ repository: repository.name, snapshot, indices, jobId });
      return snapshotEnded(snapshot);
    }

    beforeAll(async () => {
      cluster = await setup();
      client = cluster.client;
      repository = cluster.newRepository();
      await cluster.createIndex('cc-logs-1', 4);
      await cluster.createIndex('cc-logs-2', 6);
      await client.registerRepository(repository);
      await takeSnapshot('first', 'job-1', ['cc-logs-*']);
      // `_cat/snapshots` has second resolution: the second snapshot must start in a later second to sort after.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await takeSnapshot('second', 'job-2', ['cc-logs-1']);
    });

    describe('repositories', () => {
      it('registers a repository again with other settings, and lists it by name with its settings as text', async () => {
        // Act
        await client.registerRepository({ ...repository, settings: { ...repository.settings, compress: true } });
        const listed = await client.listRepositories();

        // Assess
        const entry = listed.find((found) => found.name === repository.name);
        conforms(repositorySummary.array(), listed);
        expect(listed.map((found) => found.name)).toEqual(listed.map((found) => found.name).sort());
        expect(entry).toMatchObject({ type: 'fs', settings: { compress: 'true' } });
      });

      it('verifies a registered repository from at least one node', async () => {
        const nodes = await client.verifyRepository(repository.name);

        expect(nodes.length).toBeGreaterThan(0);
        expect(nodes.every((node) => node.length > 0)).toBe(true);
      });

      it('names a repository that is not registered', async () => {
        await expect(client.verifyRepository(nowhere)).rejects.toMatchObject({
          code: ClusterErrorCode.REPOSITORY_MISSING,
          evidence: { repository: nowhere },
        });
      });
    });

    describe('snapshots', () => {
      it('reads an ended snapshot with its indices sorted and every shard done', async () => {
        const detail = await client.getSnapshot(repository.name, 'first');

        conforms(snapshotDetail, detail);
        expect(detail).toMatchObject({
          repository: repository.name,
          snapshot: 'first',
          state: 'SUCCESS',
          indices: ['cc-logs-1', 'cc-logs-2'],
          shards: { failed: 0 },
        });
        expect(detail.shards.successful).toBe(detail.shards.total);
      });

      it('accepts a repeated start of the same job, and refuses the name to another job', async () => {
        const request = { repository: repository.name, snapshot: 'second', indices: ['cc-logs-1'] };

        expect(await client.createSnapshot({ ...request, jobId: 'job-2' })).toBe('accepted');
        await expect(client.createSnapshot({ ...request, jobId: 'job-9' })).rejects.toMatchObject({
          code: ClusterErrorCode.SNAPSHOT_NAME_TAKEN,
          evidence: { repository: repository.name, snapshot: 'second' },
        });
      });

      it('reads several snapshots at once, leaving out the ones that do not exist', async () => {
        const details = await client.getSnapshots(repository.name, ['first', 'cc-none', 'second']);

        expect(details.map((detail) => detail.snapshot).sort()).toEqual(['first', 'second']);
        expect(await client.getSnapshots(repository.name, [])).toEqual([]);
      });

      it('lists snapshots newest first, at most the limit', async () => {
        const newest = await client.listSnapshots(repository.name, { limit: 1 });
        const all = await client.listSnapshots(repository.name);

        conforms(snapshotListEntry.array(), all);
        expect(newest).toEqual([expect.objectContaining({ snapshot: 'second', state: 'SUCCESS', indexCount: 1 })]);
        const ours = all.filter((entry) => ['first', 'second'].includes(entry.snapshot));
        expect(ours.map((entry) => entry.snapshot)).toEqual(['second', 'first']);
      });

      it('says what an ended snapshot holds of each index, in bytes, sorted by name', async () => {
        const footprint = await client.snapshotFootprint(repository.name, 'first');

        conforms(snapshotFootprint, footprint);
        const sizes = footprint.indices;
        expect(sizes.map((entry) => entry.index)).toEqual(['cc-logs-1', 'cc-logs-2']);
        expect(sizes.every((entry) => entry.bytes > 0)).toBe(true);
      });

      it('reads the progress of an ended snapshot as complete', async () => {
        const progress = await client.snapshotProgress(repository.name, 'first');

        conforms(snapshotProgress, progress);
        expect(progress).toMatchObject({ snapshot: 'first', state: 'SUCCESS', percent: 100, shardsFailed: 0 });
        expect(progress.shardsDone).toBe(progress.shardsTotal);
        expect(progress.bytesDone).toBe(progress.bytesTotal);
      });

      it('reads the progress of snapshots too many for one request line, leaving out the ones that do not exist', async () => {
        const absent = Array.from({ length: 150 }, (_, position) => `cc-absent-snapshot-of-a-long-list-${position}`);

        const progress = await client.snapshotsProgress(repository.name, [...absent, 'first']);

        expect(progress.map((entry) => [entry.snapshot, entry.state])).toEqual([['first', 'SUCCESS']]);
        expect(await client.snapshotsProgress(repository.name, [])).toEqual([]);
      });

      it('lists no running snapshot once every snapshot has ended', async () => {
        expect(await client.runningSnapshots(repository.name)).toEqual([]);
      });

      it('deletes a snapshot, and deleting it again finds it already gone', async () => {
        await takeSnapshot('doomed', 'job-3', ['cc-logs-1']);
        const { uuid } = await client.getSnapshot(repository.name, 'doomed');

        expect(await client.deleteSnapshot(repository.name, 'doomed')).toBe('deleted');
        expect(await client.deleteSnapshot(repository.name, 'doomed')).toBe('already-absent');
        await expect(client.getSnapshot(repository.name, 'doomed')).rejects.toMatchObject({
          code: ClusterErrorCode.SNAPSHOT_MISSING,
        });
        // Taken again under its name, it is another snapshot: an approval of the first does not cover it.
        expect((await takeSnapshot('doomed', 'job-3b', ['cc-logs-1'])).uuid).not.toBe(uuid);
        await client.deleteSnapshot(repository.name, 'doomed');
      });

      it('keeps an ended snapshot asked to abort, and one another job took; finds a missing one absent', async () => {
        expect(await client.abortSnapshot(repository.name, 'first', 'job-1')).toEqual({
          outcome: 'ended',
          state: 'SUCCESS',
        });
        expect(await client.abortSnapshot(repository.name, 'first', 'job-9')).toEqual({ outcome: 'not-this-job' });
        expect(await client.abortSnapshot(repository.name, 'cc-none', 'job-1')).toEqual({ outcome: 'absent' });
        expect(await client.abortSnapshot(nowhere, 'first', 'job-1')).toEqual({ outcome: 'absent' });
        expect((await client.getSnapshot(repository.name, 'first')).state).toBe('SUCCESS');
      });

      it('names a snapshot that does not exist', async () => {
        const missing = { code: ClusterErrorCode.SNAPSHOT_MISSING, evidence: { snapshot: 'cc-none' } };

        await expect(client.getSnapshot(repository.name, 'cc-none')).rejects.toMatchObject(missing);
        await expect(client.snapshotProgress(repository.name, 'cc-none')).rejects.toMatchObject(missing);
      });

      it.each([
        ['reading a snapshot', (c: ClusterClient) => c.getSnapshot(nowhere, 'first')],
        ['listing snapshots', (c: ClusterClient) => c.listSnapshots(nowhere)],
        [
          'starting a snapshot',
          (c: ClusterClient) => c.createSnapshot({ repository: nowhere, snapshot: 's', jobId: 'job-4' }),
        ],
        ['restoring', (c: ClusterClient) => c.restore({ repository: nowhere, snapshot: 'first', indices: ['x'] })],
      ])('names a repository that is not registered when %s', async (_case, act) => {
        await expect(act(client)).rejects.toMatchObject({
          code: ClusterErrorCode.REPOSITORY_MISSING,
          evidence: { repository: nowhere },
        });
      });
    });

    describe('indices', () => {
      it('resolves patterns to indices sorted by name, and names the patterns that reach nothing', async () => {
        const resolved = await client.resolveIndices(['cc-logs-*', 'cc-missing']);

        conforms(resolvedIndices, resolved);
        expect(resolved.indices.map(({ index, docsCount }) => [index, docsCount])).toEqual([
          ['cc-logs-1', 4],
          ['cc-logs-2', 6],
        ]);
        expect(resolved.indices.every((index) => index.storeBytes > 0)).toBe(true);
        expect(resolved.unmatched).toEqual(['cc-missing']);
      });

      it('reads -pattern exclusions in order, and lets wildcards reach hidden indices only when asked', async () => {
        // Prepare
        await cluster.createIndex('cc-quiet-1', 2, { hidden: true });

        // Act
        const excluded = await client.resolveIndices(['cc-logs-*', '-cc-logs-2']);
        const visible = await client.resolveIndices(['cc-quiet-*', 'cc-logs-1']);
        const withHidden = await client.resolveIndices(['cc-quiet-*'], { includeHidden: true });
        const named = await client.resolveIndices(['cc-quiet-1']);
        const hidden = await client.hiddenIndices();

        // Assess
        const names = (resolved: { indices: Array<{ index: string }> }) => resolved.indices.map(({ index }) => index);
        expect(names(excluded)).toEqual(['cc-logs-1']);
        expect(names(visible)).toEqual(['cc-logs-1']);
        expect(visible.unmatched).toEqual(['cc-quiet-*']);
        expect(names(withHidden)).toEqual(['cc-quiet-1']);
        expect(names(named)).toEqual(['cc-quiet-1']);
        expect(hidden).toContain('cc-quiet-1');
        expect(hidden).not.toContain('cc-logs-1');
      });

      it('tells an index created again under its name by its UUID', async () => {
        await cluster.createIndex('cc-again', 1);
        const before = await client.resolveIndices(['cc-again']);

        await cluster.createIndex('cc-again', 1);
        const after = await client.resolveIndices(['cc-again']);

        expect(before.indices[0]?.uuid).toMatch(/.+/);
        expect(after.indices[0]?.uuid).not.toBe(before.indices[0]?.uuid);
        await client.deleteIndices(['cc-again']);
      });

      it('deletes an index, and counts an absent one as already gone', async () => {
        await cluster.createIndex('cc-doomed', 1);

        const results = await client.deleteIndices(['cc-doomed', 'cc-absent']);

        expect(results).toEqual([
          { index: 'cc-doomed', outcome: 'deleted' },
          { index: 'cc-absent', outcome: 'already-absent' },
        ]);
        expect(await client.docCounts(['cc-doomed'])).toEqual(new Map());
      });

      it('waits for its hook before each DELETE, and stops where the hook throws', async () => {
        // Prepare
        await cluster.createIndex('cc-first', 1);
        await cluster.createIndex('cc-second', 1);
        const asked: string[] = [];
        const beforeEach = async (index: string) => {
          asked.push(index);
          if (index === 'cc-second') throw new Error('not now');
        };

        // Act
        const act = client.deleteIndices(['cc-first', 'cc-second'], { beforeEach });

        // Assess
        await expect(act).rejects.toThrowError('not now');
        expect(asked).toEqual(['cc-first', 'cc-second']);
        expect([...(await client.docCounts(['cc-first', 'cc-second'])).keys()]).toEqual(['cc-second']);
        await client.deleteIndices(['cc-second']);
      });

      it('counts the documents of the indices that exist, leaving out the others', async () => {
        expect(await client.docCounts(['cc-logs-1', 'cc-logs-2', 'cc-absent'])).toEqual(
          new Map([
            ['cc-logs-1', 4],
            ['cc-logs-2', 6],
          ]),
        );
      });
    });

    describe('what a preflight reads', () => {
      it('reads disk and shards per data node', async () => {
        const allocation = await client.diskAllocation();

        conforms(diskAllocation, allocation);
        expect(allocation.nodes.length).toBeGreaterThan(0);
        for (const node of allocation.nodes) {
          expect(node.totalBytes).toBeGreaterThan(0);
          expect(node.availableBytes).toBeLessThanOrEqual(node.totalBytes);
        }
      });

      it('reads the disk watermark and the shard limit in force', async () => {
        const settings = await client.allocationSettings();

        conforms(allocationSettings, settings);
        expect(settings.highWatermark.length).toBeGreaterThan(0);
      });

      it('reads the creation version, shards, replicas and primaries of the indices that exist, by name', async () => {
        const facts = await client.indexFacts(['cc-logs-2', 'cc-logs-1', 'cc-absent']);

        conforms(indexFacts.array(), facts);
        expect(facts.map((entry) => entry.index)).toEqual(['cc-logs-1', 'cc-logs-2']);
        for (const entry of facts) {
          expect(versionFromId(entry.versionCreated).major).toBeGreaterThan(0);
          expect(entry.primaryBytes).toBeGreaterThan(0);
        }
        expect(await client.indexFacts([])).toEqual([]);
      });

      it('reads the facts and doc counts of indices too many for one request line', async () => {
        const absent = Array.from({ length: 150 }, (_, position) => `cc-absent-from-a-long-list-${position + 1000}`);

        const facts = await client.indexFacts([...absent, 'cc-logs-1']);
        const counts = await client.docCounts([...absent, 'cc-logs-1']);

        expect(facts.map((entry) => entry.index)).toEqual(['cc-logs-1']);
        expect([...counts.keys()]).toEqual(['cc-logs-1']);
      });

      it('lists the aliases of the cluster', async () => {
        conforms(indexAlias.array(), await client.aliases());
      });

      it("reads the version that wrote a snapshot and its indices' bytes and shards", async () => {
        const footprint = await client.snapshotFootprint(repository.name, 'first');

        conforms(snapshotFootprint, footprint);
        expect(footprint.versionId).toBeDefined();
        expect(footprint.indices.map((entry) => entry.index)).toEqual(['cc-logs-1', 'cc-logs-2']);
        expect(footprint.indices.every((entry) => entry.bytes > 0 && entry.shards > 0)).toBe(true);
      });
    });

    describe('restores', () => {
      const rename = { pattern: 'cc-(.+)', replacement: 'cc-restored-$1' };

      it('restores under a new name, records the snapshot it came from, and counts the same documents', async () => {
        // Prepare
        await client.deleteIndices(['cc-restored-logs-1']);
        const request = { repository: repository.name, snapshot: 'first', indices: ['cc-logs-1'], rename };

        // Act
        const outcome = await client.restore(request);
        const progress = await waitUntil(
          'the restore to finish',
          async () => {
            const read = await client.restoreProgress(['cc-restored-logs-1']);
            return read.done ? read : undefined;
          },
          POLL,
        );
        const again = await client.restore(request);

        // Assess
        expect(outcome).toBe('accepted');
        conforms(recoveryProgress, progress);
        expect(progress).toMatchObject({ done: true, percent: 100 });
        expect(progress.indices).toEqual([
          expect.objectContaining({
            index: 'cc-restored-logs-1',
            source: { repository: repository.name, snapshot: 'first' },
            types: ['SNAPSHOT'],
          }),
        ]);
        expect(again).toBe('accepted');
        expect(await client.docCounts(['cc-restored-logs-1'])).toEqual(new Map([['cc-restored-logs-1', 4]]));
        const [held] = (await client.snapshotFootprint(repository.name, 'first')).indices;
        expect(progress.indices[0]?.bytesTotal).toBe(held?.bytes);
      });

      it('restores with a longer master_timeout', async () => {
        // Prepare
        await client.deleteIndices(['cc-timed-logs-2']);
        const timed = { pattern: 'cc-(.+)', replacement: 'cc-timed-$1' };

        // Act
        const outcome = await client.restore({
          repository: repository.name,
          snapshot: 'first',
          indices: ['cc-logs-2'],
          rename: timed,
          masterTimeout: '90s',
        });

        // Assess
        expect(outcome).toBe('accepted');
        await waitUntil(
          'the timed restore to finish',
          async () => ((await client.restoreProgress(['cc-timed-logs-2'])).done ? true : undefined),
          POLL,
        );
      });

      it('refuses a restore over an open index of the same name that came from elsewhere', async () => {
        const act = client.restore({ repository: repository.name, snapshot: 'first', indices: ['cc-logs-2'] });

        await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX });
      });

      it('tells an index made on the cluster from a restored one: it recovered from an empty store', async () => {
        const progress = await client.restoreProgress(['cc-logs-2']);

        expect(progress.indices).toEqual([
          expect.objectContaining({ index: 'cc-logs-2', source: undefined, types: ['EMPTY_STORE'] }),
        ]);
      });

      it('reports a target that does not exist yet as not started', async () => {
        const progress = await client.restoreProgress(['cc-never-restored']);

        expect(progress).toMatchObject({ indices: [], done: false, percent: 0 });
      });

      it('reads the targets of restores too many for one request line in one go, and answers for those only', async () => {
        const waiting = Array.from({ length: 149 }, (_, position) => `cc-restored-logs-1-never-${position + 1000}`);

        const progress = await client.restoreProgress(['cc-restored-logs-1', ...waiting]);

        expect(progress.indices.map((entry) => [entry.index, entry.types])).toEqual([
          ['cc-restored-logs-1', ['SNAPSHOT']],
        ]);
        expect(progress.done).toBe(false);
      });

      it('names a snapshot that does not exist when asked to restore it', async () => {
        const act = client.restore({ repository: repository.name, snapshot: 'cc-none', indices: ['cc-logs-1'] });

        await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.SNAPSHOT_MISSING });
      });
    });
  });
}

export type { ContractCluster };
export { describeClusterClientContract };
