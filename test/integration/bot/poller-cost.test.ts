import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { buildJob } from '../../fixtures/job.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import {
  createBulkyIndex,
  createIndexWithDocs,
  deleteIndexDirectly,
  registerFsRepository,
  snapshotOnCluster,
} from '../../rig/seed-indices.js';
import type { RecordedRequest } from '../../rig/sigv4-gateway.js';
import { waitUntil } from '../../rig/wait-until.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

/** How many jobs stay running across the ticks measured, on each cluster. */
const RUNNING = 3;
/** How many jobs end between the two measurements. */
const FINISHED = 15;

/**
 * What one poller tick costs the clusters, counted at the managed-service gateways: it must follow the jobs that
 * wait, not the jobs table and not the repositories.
 *
 * The jobs that keep running are deterministic: on A, snapshots into a repository throttled to 10 kB/s, of an index
 * of about two megabytes, run for minutes, far longer than this file; on B, restores whose target indices do not exist
 * yet (as right after a restore call the gateway answered with 504) wait for as long as nobody restores them. The
 * finished jobs are snapshots on B, whose own snapshot threads the throttled copies on A do not hold up.
 */
describe('the poller’s cost', () => {
  let bot: BotUnderTest;
  const throttled = `throttled-${randomBytes(3).toString('hex')}`;
  const running: string[] = [];

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const a = bot.clusters.a.directUrl;
    const b = bot.clusters.b.directUrl;
    await registerFsRepository(a, throttled, {
      location: `${inject('rig').sharedRepoPath}/${throttled}`,
      max_snapshot_bytes_per_sec: '10kb',
    });
    const repository = bot.context.config.clusters.get('b')?.defaultRepository;
    if (repository === undefined) throw new Error('the bot under test has a default repository');
    await bot.clusters.b.client.registerRepository(repository);
    await createBulkyIndex(a, 'cost-bulky', { docs: 500, bytesPerDoc: 2000, shards: 1, segments: 2 });
    await createIndexWithDocs(b, 'cost-small', { docs: 5 });
  });

  afterAll(async () => {
    // A throttled snapshot left running would hold A's only snapshot thread for every later test file. They are
    // aborted in one request: deleted one by one, the next queued copy would take the thread the delete waits for.
    const a = bot.clusters.a.directUrl;
    if (running.length > 0) {
      const aborted = await fetch(new URL(`/_snapshot/${throttled}/${running.join(',')}`, a), { method: 'DELETE' });
      if (!aborted.ok) throw new Error(`aborting ${running.join(', ')}: ${aborted.status} ${await aborted.text()}`);
    }
    await fetch(new URL(`/_snapshot/${throttled}`, a), { method: 'DELETE' });
    await deleteIndexDirectly(a, 'cost-bulky');
    await deleteIndexDirectly(bot.clusters.b.directUrl, 'cost-small');
    await bot?.close();
  });

  /** Starts a throttled snapshot job on A; the worker leaves it waiting for the snapshot. */
  async function startRunningSnapshot(snapshot: string): Promise<void> {
    running.push(snapshot);
    await bot.command(`snapshot create a ${throttled} ${snapshot} indices=cost-bulky`);
    await bot.tasks.idle();
  }

  /** A restore on B past its start, waiting for target indices that nobody will create during this file. */
  async function insertWaitingRestore(target: string): Promise<Job> {
    const now = bot.clock.now().toISOString();
    const base = buildJob({
      plan: {
        kind: 'restore',
        cluster: 'b',
        repository: bot.repository,
        snapshot: 'restored-later',
        snapshotUuid: undefined,
        restores: [{ index: 'source', target }],
        rename: undefined,
        deletions: [],
        leftOut: [],
        preflight: undefined,
        masterTimeout: undefined,
        engines: undefined,
        replace: false,
        patterns: ['source'],
        snapshotSizes: undefined,
      },
    });
    const steps = base.steps.map((step) =>
      step.name === 'start-restore' ? { ...step, status: 'done' as const } : step,
    );
    const job = { ...base, id: `restore-${target}`, state: JobState.RUNNING, steps, messageTs: undefined };
    return bot.context.jobs.create({ ...job, createdAt: now, updatedAt: now });
  }

  /** The requests one poller tick sends to each cluster. */
  async function oneTick() {
    await bot.tasks.idle();
    const before = { a: bot.clusters.a.gateway.requests.length, b: bot.clusters.b.gateway.requests.length };
    const summary = await pollActiveJobs(bot.context);
    const sent = (requests: RecordedRequest[], from: number) =>
      requests.slice(from).map((request) => `${request.method} ${request.path} ${request.status}`);
    return {
      summary,
      a: sent(bot.clusters.a.gateway.requests, before.a),
      // Sorted: requests asked for at once reach the gateway in either order.
      b: sent(bot.clusters.b.gateway.requests, before.b).sort(),
    };
  }

  /** Runs a snapshot job on B from the command to its end (the poller ticking meanwhile, as it would). */
  async function finishSnapshotJob(snapshot: string): Promise<Job> {
    await bot.command(`snapshot create b ${bot.repository} ${snapshot} indices=cost-small`);
    await bot.tasks.idle();
    const mine = await bot.context.jobs.listRequestedBy(SLACK_TEST_IDS.requesterId, 1 + FINISHED + RUNNING);
    const job = mine.find((candidate) => candidate.requestText.includes(` ${snapshot} `));
    if (job === undefined) throw new Error(`no job for snapshot ${snapshot}`);
    return bot.untilEnded(job.id);
  }

  it('asks each repository and each cluster once per tick, however many jobs have ended', async () => {
    const targets = Array.from({ length: RUNNING }, (_, position) => `cost-restoring-${position}`);
    for (let position = 0; position < RUNNING; position += 1) await startRunningSnapshot(`cost-run-${position}`);
    for (const target of targets) await insertWaitingRestore(target);
    // Each client asks its cluster's dialect (GET /) once in its life, not once per tick: asked here already.
    for (const client of bot.context.clusters.values()) await client.health();

    const early = await oneTick();
    const finished = [];
    for (let position = 0; position < FINISHED; position += 1) {
      finished.push(await finishSnapshotJob(`cost-done-${position}`));
    }
    const late = await oneTick();

    const statusOfThrottled = `GET /_snapshot/${throttled}/_status 200`;
    const recoveryOfTargets = `GET /${targets.join(',')}/_recovery 200`;
    const shardCountsOfTargets = `GET /${targets.join(',')}/_settings/index.version.created,index.number_of_shards,index.number_of_replicas 200`;
    expect(finished.map((job) => job.state)).toEqual(Array(FINISHED).fill(JobState.SUCCEEDED));
    expect(early).toEqual({
      summary: { expired: 0, resumed: 2 * RUNNING, clusterRequests: 2 },
      a: [statusOfThrottled],
      b: [recoveryOfTargets, shardCountsOfTargets],
    });
    expect(late).toEqual(early);
    const stillRunning = await Promise.all(
      running.map((snapshot) => snapshotOnCluster(bot.clusters.a.directUrl, throttled, snapshot)),
    );
    expect(stillRunning.map((snapshot) => snapshot?.state)).toEqual(Array(RUNNING).fill('IN_PROGRESS'));
    const active = await bot.context.jobs.listActive();
    expect(active.map((job) => job.state)).toEqual(Array(2 * RUNNING).fill(JobState.RUNNING));
  });

  it('reads the running snapshots of a repository, and several snapshots at once, each in one request', async () => {
    const a = bot.clusters.a;
    const b = bot.clusters.b;
    for (const snapshot of ['cost-read-1', 'cost-read-2']) {
      await b.client.createSnapshot({ repository: bot.repository, snapshot, indices: ['cost-small'], jobId: 'direct' });
      await waitUntil(`${snapshot} to end`, async () => {
        const detail = await b.client.getSnapshot(bot.repository, snapshot);
        return detail.state === 'IN_PROGRESS' ? undefined : detail;
      });
    }
    running.push('cost-read-running');
    await a.client.createSnapshot({
      repository: throttled,
      snapshot: 'cost-read-running',
      indices: ['cost-bulky'],
      jobId: 'direct',
    });
    const before = { a: a.gateway.requests.length, b: b.gateway.requests.length };

    const details = await b.client.getSnapshots(bot.repository, ['cost-read-2', 'never-taken', 'cost-read-1']);
    const progress = await a.client.runningSnapshots(throttled);

    const byName = [...details].sort((left, right) => left.snapshot.localeCompare(right.snapshot));
    expect(byName.map((detail) => [detail.snapshot, detail.state, detail.indices])).toEqual([
      ['cost-read-1', 'SUCCESS', ['cost-small']],
      ['cost-read-2', 'SUCCESS', ['cost-small']],
    ]);
    expect(progress.map((entry) => entry.snapshot)).toContain('cost-read-running');
    expect(progress.every((entry) => entry.repository === throttled && entry.percent < 100)).toBe(true);
    expect(a.gateway.requests.slice(before.a).map((request) => `${request.path}?${request.query}`)).toEqual([
      `/_snapshot/${throttled}/_status?`,
    ]);
    expect(b.gateway.requests.slice(before.b).map((request) => `${request.path}?${request.query}`)).toEqual([
      `/_snapshot/${bot.repository}/cost-read-2,never-taken,cost-read-1?ignore_unavailable=true`,
    ]);
  });
});
