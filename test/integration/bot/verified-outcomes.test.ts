import { chmod, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { s3RepositoryFolder } from '../../rig/gateway-clusters.js';
import {
  createBulkyIndex,
  createIndexWithDocs,
  createIndexWithUnassignedPrimary,
  deleteIndexDirectly,
  indexExists,
  markerOf,
  registerFsRepository,
  snapshotDirectly,
  snapshotOnCluster,
} from '../../rig/seed-indices.js';
import { itAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/**
 * The folder where an `fs` repository keeps the shard of `index` (`indices/<repository's index id>/0`), read from
 * the repository's newest `index-N`: the index has to be in one of its snapshots already.
 */
async function shardFolderOf(location: string, index: string): Promise<string> {
  const generations = (await readdir(location))
    .flatMap((name) => (/^index-\d+$/.test(name) ? [Number(name.slice('index-'.length))] : []))
    .sort((left, right) => right - left);
  const latest = JSON.parse(await readFile(join(location, `index-${generations[0]}`), 'utf8'));
  // OpenSearch 3.x puts shard folders under a hashed prefix (the index's `shard_path_type`); older engines at the root.
  const shardFolder = join('indices', latest.indices[index].id, '0');
  const found = (await readdir(location, { recursive: true })).find((path) => path.endsWith(shardFolder));
  if (found === undefined) throw new Error(`no folder of ${index}'s shard 0 in ${location}`);
  return join(location, found);
}

/** Wait a little in real time: the clusters work on their own clock. */
function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Outcomes the bot verifies before it goes on or says "done", on the real engine behind the managed-service
 * gateway: the gate after a migration's snapshot, where each restored index came from, and a snapshot that
 * captured nothing.
 */
describe('verified outcomes', () => {
  let bot: BotUnderTest;
  let location: string;
  const made = new Set<string>();

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const repository = bot.context.config.clusters.get('a')?.defaultRepository;
    if (repository?.type !== 's3') throw new Error('the bot under test has an s3 default repository');
    location = s3RepositoryFolder(repository.settings);
    await bot.clusters.a.client.registerRepository(repository);
  });

  afterAll(async () => {
    // A red index left on A would fail every later snapshot of all indices, in whichever file runs next.
    const removals = [...made].flatMap((index) => [
      deleteIndexDirectly(bot.clusters.a.directUrl, index),
      deleteIndexDirectly(bot.clusters.b.directUrl, index),
    ]);
    await Promise.all(removals);
    await bot?.close();
  });

  async function given(cluster: 'a' | 'b', index: string, docs: number, marker: string) {
    made.add(index);
    await createIndexWithDocs(bot.clusters[cluster].directUrl, index, { docs, marker });
  }

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  function writesOnB() {
    return bot.clusters.b.gateway.requests
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${request.path}`);
  }

  async function approvedJob(text: string): Promise<Job> {
    await bot.command(text, requesterId);
    const job = await bot.onlyActiveJob();
    await bot.click(job, 'approve', approverId);
    return job;
  }

  function stepsOf(job: Job) {
    return Object.fromEntries(job.steps.map((step) => [`${step.name} (${step.cluster})`, step.status]));
  }

  itAcrossClusters(
    'stops a migration after a PARTIAL snapshot, naming the failed shard, with B untouched',
    async () => {
      await given('a', 'gate-orders', 12, 'from-a');
      await given('a', 'gate-items', 5, 'from-a');
      await given('b', 'gate-orders', 3, 'old-b');
      // The repository already holds gate-orders; its shard folder made read-only fails that shard of the next
      // snapshot for real (the engine cannot write there), while gate-items goes in whole: PARTIAL.
      await snapshotDirectly(bot.clusters.a.directUrl, bot.repository, 'gate-seed', { indices: 'gate-orders' });
      const shardFolder = await shardFolderOf(location, 'gate-orders');
      await chmod(shardFolder, 0o555);
      onTestFinished(() => chmod(shardFolder, 0o755));
      const writesBefore = writesOnB().length;

      const job = await approvedJob('snapshot migrate a b indices=gate-* replace');
      const ended = await bot.untilEnded(job.id);

      expect(ended.state).toBe(JobState.FAILED);
      expect(stepsOf(ended)).toEqual({
        'register-repository (a)': 'done',
        'register-repository (b)': 'done',
        'start-snapshot (a)': 'done',
        'await-snapshot (a)': 'failed',
        'delete-indices (b)': 'pending',
        'start-restore (b)': 'pending',
        'await-restore (b)': 'pending',
        'verify-doc-counts (b)': 'pending',
      });
      const onA = await snapshotOnCluster(
        bot.clusters.a.directUrl,
        bot.repository,
        (ended.plan as { snapshot: string }).snapshot,
      );
      expect(onA).toMatchObject({ state: 'PARTIAL', shards: { total: 2, failed: 1, successful: 1 } });
      const [failure] = onA?.failures ?? [];
      const closing = ended.history.at(-1)?.detail ?? '';
      expect(closing).toContain(`PARTIAL: 1 of 2 shards failed (gate-orders[0]: ${failure?.reason}`);
      expect(closing).toContain('Nothing on b was touched. Take the snapshot again once every shard is healthy');
      expect(writesOnB().slice(writesBefore)).toEqual([
        `PUT /_snapshot/${bot.repository}`,
        `POST /_snapshot/${bot.repository}/_verify`,
      ]);
      expect(await markerOf(bot.clusters.b.directUrl, 'gate-orders')).toBe('old-b');
      expect(await indexExists(bot.clusters.b.directUrl, 'gate-items')).toBe(false);
      expect(channelMessage(ended.messageTs)?.text).toBe('Migration on a → b: Failed');
      expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
        expect.stringContaining('Nothing on b was touched'),
      ]);
    },
  );

  itAcrossClusters(
    'stops a migration whose snapshot the engine refuses (a primary with no copy), with B untouched',
    async () => {
      made.add('refused-orders').add('refused-items');
      await createIndexWithUnassignedPrimary(bot.clusters.a.directUrl, 'refused-orders');
      await given('a', 'refused-items', 4, 'from-a');
      await given('b', 'refused-items', 2, 'old-b');
      const writesBefore = writesOnB().length;

      const job = await approvedJob('snapshot migrate a b indices=refused-* replace');
      const ended = await bot.untilEnded(job.id);

      expect(ended.state).toBe(JobState.FAILED);
      expect(ended.steps.find((step) => step.name === 'start-snapshot')?.status).toBe('failed');
      const closing = ended.history.at(-1)?.detail ?? '';
      expect(closing).toContain('a: the snapshot cannot start: refused-orders have no active primary shard');
      expect(closing).toContain("Indices don't have primary shards [refused-orders]");
      expect(closing).toContain('narrow indices= to leave them out');
      expect(writesOnB().slice(writesBefore)).toEqual([
        `PUT /_snapshot/${bot.repository}`,
        `POST /_snapshot/${bot.repository}/_verify`,
      ]);
      expect(await markerOf(bot.clusters.b.directUrl, 'refused-items')).toBe('old-b');
    },
  );

  /**
   * B's client as the worker sees it, with a writer on B that, once the restore has been accepted and has run,
   * deletes `index` and writes one document to its name, so that the engine auto-creates it empty.
   */
  function writerRecreating(index: string): ClusterClient {
    const real = bot.context.clusters.get('b') as ClusterClient;
    return {
      ...real,
      restore: async (request) => {
        const outcome = await real.restore(request);
        for (let wait = 0; wait < 50 && !(await real.restoreProgress(request.indices)).done; wait += 1) {
          await pause(100);
        }
        await deleteIndexDirectly(bot.clusters.b.directUrl, index);
        await createIndexWithDocs(bot.clusters.b.directUrl, index, { docs: 1, marker: 'writer' });
        return outcome;
      },
    };
  }

  itAcrossClusters(
    'does not count an index a writer re-created empty after `replace` as restored: the job ends PARTIAL',
    async () => {
      await given('a', 'writer-orders', 20, 'from-a');
      await given('a', 'writer-items', 8, 'from-a');
      await given('b', 'writer-orders', 3, 'old-b');
      // Every worker run and poller tick of this bot reads B from the context: the writer is there for all of them.
      const clusters = bot.context.clusters as Map<string, ClusterClient>;
      const real = clusters.get('b') as ClusterClient;
      clusters.set('b', writerRecreating('writer-orders'));
      onTestFinished(() => {
        clusters.set('b', real);
      });

      const job = await approvedJob('snapshot migrate a b indices=writer-* replace');
      const ended = await bot.untilEnded(job.id);

      expect(ended.state).toBe(JobState.PARTIAL);
      const awaited = ended.steps.find((step) => step.name === 'await-restore');
      expect(awaited?.status).toBe('partial');
      expect(ended.history.at(-1)?.detail).toBe(
        '1 index restored from the snapshot; not restored, as they did not come from it: ' +
          'writer-orders (recovered from EMPTY_STORE)',
      );
      expect(ended.steps.find((step) => step.name === 'verify-doc-counts')?.detail).toBe(
        'doc counts differ: writer-orders has 1, source 20',
      );
      expect(await markerOf(bot.clusters.b.directUrl, 'writer-orders')).toBe('writer');
      expect(await markerOf(bot.clusters.b.directUrl, 'writer-items')).toBe('from-a');
      expect(channelMessage(ended.messageTs)?.text).toBe('Migration on a → b: Partly succeeded');
      expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
        expect.stringContaining('writer-orders (recovered from EMPTY_STORE)'),
      ]);
    },
  );

  it('ends a snapshot PARTIAL, saying it captured nothing, when its only index is deleted under it', async () => {
    const throttled = `${bot.repository}-slow`;
    await registerFsRepository(bot.clusters.a.directUrl, throttled, {
      location: `${inject('rig').sharedRepoPath}/${throttled}`,
      max_snapshot_bytes_per_sec: '100kb',
    });
    made.add('vanishing-events');
    await createBulkyIndex(bot.clusters.a.directUrl, 'vanishing-events', {
      docs: 800,
      bytesPerDoc: 2000,
      shards: 1,
      segments: 2,
    });

    await bot.command(`snapshot create a ${throttled} vanishing indices=vanishing-events partial=true`, requesterId);
    await bot.tasks.idle();
    const [job] = await bot.context.jobs.listRequestedBy(requesterId, 1);
    let running = await snapshotOnCluster(bot.clusters.a.directUrl, throttled, 'vanishing');
    for (let wait = 0; wait < 50 && running?.state !== 'IN_PROGRESS'; wait += 1) {
      await pause(100);
      running = await snapshotOnCluster(bot.clusters.a.directUrl, throttled, 'vanishing');
    }
    await deleteIndexDirectly(bot.clusters.a.directUrl, 'vanishing-events');
    const ended = await bot.untilEnded(job?.id ?? '');

    expect(running?.state).toBe('IN_PROGRESS');
    expect(ended.state).toBe(JobState.PARTIAL);
    expect(ended.history.at(-1)?.detail).toBe(
      'the snapshot captured nothing: 0 indices, 0 shards (vanishing-events[0]: aborted)',
    );
    expect(channelMessage(ended.messageTs)?.text).toBe('Snapshot on a: Partly succeeded');
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringContaining('the snapshot captured nothing'),
    ]);
  });

  it('refuses, before approval, to restore an index that a PARTIAL snapshot holds only in part', async () => {
    made.add('halfway-lost').add('halfway-ok');
    await createIndexWithUnassignedPrimary(bot.clusters.a.directUrl, 'halfway-lost');
    await given('a', 'halfway-ok', 3, 'from-a');
    const taken = await snapshotDirectly(bot.clusters.a.directUrl, bot.repository, 'halfway', {
      indices: 'halfway-lost,halfway-ok',
      partial: true,
    });
    const onA = await snapshotOnCluster(bot.clusters.a.directUrl, bot.repository, 'halfway');

    const { responseId } = await bot.command(
      `snapshot restore a ${bot.repository} halfway indices=halfway-* rename=(.+):back-$1`,
      requesterId,
    );
    await bot.tasks.idle();

    expect(taken.state).toBe('PARTIAL');
    const reply = JSON.stringify(bot.responsesTo(responseId)[0]?.body);
    expect(reply).toContain('is PARTIAL and does not hold all of halfway-lost');
    expect(reply).toContain(`halfway-lost[0]: ${onA?.failures[0]?.reason}`);
    expect(reply).toContain('Narrow indices=');
    expect(await bot.context.jobs.listActive()).toEqual([]);
  });

  it('compares a restore with the snapshot’s own statistics and says that bytes were compared', async () => {
    await given('a', 'sized-orders', 15, 'from-a');
    made.add('copy-sized-orders');
    await snapshotDirectly(bot.clusters.a.directUrl, bot.repository, 'sized', { indices: 'sized-orders' });
    const status = await fetch(new URL(`/_snapshot/${bot.repository}/sized/_status`, bot.clusters.a.directUrl));
    const answer = (await status.json()) as {
      snapshots: Array<{ indices: Record<string, { stats: { total: { size_in_bytes: number } } }> }>;
    };
    const held = answer.snapshots[0]?.indices['sized-orders']?.stats.total.size_in_bytes;

    const job = await approvedJob(
      `snapshot restore a ${bot.repository} sized indices=sized-orders rename=(.+):copy-$1`,
    );
    const ended = await bot.untilEnded(job.id);

    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.steps.map((step) => `${step.name}:${step.status}`)).toEqual([
      'start-restore:done',
      'await-restore:done',
      'verify-restored-sizes:done',
    ]);
    expect(ended.plan).toMatchObject({ snapshotSizes: [{ index: 'sized-orders', bytes: held }] });
    const final = JSON.stringify(channelMessage(ended.messageTs)?.blocks);
    expect(final).toContain('Compare with the snapshot (a)');
    expect(final).toContain(
      `each restored index holds the bytes the snapshot's statistics give for it (a snapshot records no document counts): copy-sized-orders ${held} bytes, 15 docs`,
    );
  });
});
