import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clickOnJobMessage } from '../../../src/core/approval/click-binding.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { claim } from '../../../src/core/jobs/transitions.js';
import type { ClusterClient } from '../../../src/ports/cluster-client.js';
import { decideApproval } from '../../../src/usecases/decide-approval.js';
import { LeaseLostError } from '../../../src/usecases/errors.js';
import { CALL_KINDS, fencedClusterClient } from '../../../src/usecases/fenced-cluster-client.js';
import { holdLease, leasedJobStore } from '../../../src/usecases/job-lease.js';
import { requestJob } from '../../../src/usecases/request-job.js';
import { runJob } from '../../../src/usecases/run-job.js';
import { createFakeCluster } from '../../fakes/fake-cluster-client.js';
import { buildBotContext } from '../../fixtures/bot-context.js';
import { buildCommandTask } from '../../fixtures/command-task.js';
import { buildJob } from '../../fixtures/job.js';
import { capturedLog } from '../../integration/reliability/captured-log.js';

type Bot = ReturnType<typeof buildBotContext>;

const LEASE_MS = 60_000;

/** A running job as `claim` leaves it, stored: held by `worker-test` under `token-1`. */
async function claimedJob(bot: Bot, token = 'token-1'): Promise<Job> {
  const queued = await bot.jobs.create(buildJob({ id: 'held', state: JobState.QUEUED }));
  const now = bot.clock.now();
  return bot.jobs.claim(claim(queued, 'worker-test', now, LEASE_MS, token), now);
}

/** Another worker's claim once the lease has run out: the clock moves past it. */
async function takenByAnother(bot: Bot, id: string): Promise<Job> {
  bot.clock.advance(LEASE_MS + 1);
  const now = bot.clock.now();
  const read = (await bot.jobs.get(id)) as Job;
  return bot.jobs.claim(claim(read, 'worker-other', now, LEASE_MS, 'token-other'), now);
}

describe('the fenced cluster client', () => {
  it.each(
    Object.entries(CALL_KINDS)
      .filter(([call, kind]) => kind === 'write' && call !== 'deleteIndices')
      .map(([call]) => call),
  )('passes the fence before %s, and does not call the cluster when the fence refuses', async (call) => {
    // Prepare
    const cluster = createFakeCluster({ alias: 'b', indices: { 'old-1': 3 } });
    const fenced: string[] = [];
    const client = fencedClusterClient(cluster, async (name) => {
      fenced.push(name);
      throw new LeaseLostError('held', 'worker-test', 'taken', name, 'b');
    });
    const method = client[call as keyof ClusterClient] as (...args: unknown[]) => Promise<unknown>;

    // Act
    const act = method({ name: 'r', type: 'fs', settings: {} }, 'snap', 'held');

    // Assess
    await expect(act).rejects.toBeInstanceOf(LeaseLostError);
    expect(fenced).toEqual([call]);
    expect(cluster.calls).not.toContain(call);
  });

  it('passes the fence before each index it deletes, and deletes none past a refusal', async () => {
    // Prepare: the fence refuses the second time
    const cluster = createFakeCluster({ alias: 'b', indices: { 'old-1': 3, 'old-2': 4 } });
    let passes = 0;
    const asked: string[] = [];
    const client = fencedClusterClient(cluster, async (name) => {
      passes += 1;
      if (passes > 1) throw new LeaseLostError('held', 'worker-test', 'taken', name, 'b');
    });

    // Act
    const act = client.deleteIndices(['old-1', 'old-2'], { beforeEach: async (index) => void asked.push(index) });

    // Assess
    await expect(act).rejects.toMatchObject({ call: 'deleteIndices' });
    expect(passes).toBe(2);
    expect(asked).toEqual(['old-1']);
    expect([...cluster.indices.keys()]).toEqual(['old-2']);
  });

  it('lets reads through without a fence, and a write once the fence passes', async () => {
    // Prepare
    const cluster = createFakeCluster({ alias: 'b', indices: { 'old-1': 3 } });
    const fenced: string[] = [];
    const client = fencedClusterClient(cluster, async (name) => {
      fenced.push(name);
    });

    // Act
    const counts = await client.docCounts(['old-1']);
    const deleted = await client.deleteIndices(['old-1']);

    // Assess
    expect(counts.get('old-1')).toBe(3);
    expect(deleted).toEqual([{ index: 'old-1', outcome: 'deleted' }]);
    expect(fenced).toEqual(['deleteIndices']);
    expect(client.alias).toBe('b');
  });
});

describe('a held lease', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is renewed every heartbeat from the clock of the moment, without a new version', async () => {
    // Prepare
    const bot = buildBotContext();
    const job = await claimedJob(bot);
    const hold = holdLease(bot.context, job);

    // Act
    bot.clock.advance(15_000);
    await vi.advanceTimersByTimeAsync(bot.context.heartbeatMs);
    const stored = (await bot.jobs.get('held')) as Job;
    hold.end();

    // Assess
    expect(stored.lease).toEqual({ ...job.lease, until: new Date(bot.clock.now().getTime() + LEASE_MS).toISOString() });
    expect(stored.version).toBe(job.version);
    expect(hold.current()).toEqual(stored.lease);
  });

  it('is marked lost at the first heartbeat after another worker claimed the job, and beats no more', async () => {
    // Prepare
    const bot = buildBotContext();
    const job = await claimedJob(bot);
    const hold = holdLease(bot.context, job);
    const taken = await takenByAnother(bot, 'held');
    const renewals = vi.spyOn(bot.jobs, 'renewLease');

    // Act
    await vi.advanceTimersByTimeAsync(bot.context.heartbeatMs * 3);

    // Assess
    expect(hold.lost).toBe(true);
    expect(renewals).toHaveBeenCalledTimes(1);
    expect(await bot.jobs.get('held')).toEqual(taken);
    await expect(hold.prove('b', 'deleteIndices', 30_000)).rejects.toMatchObject({ reason: 'taken' });
  });

  it('keeps beating through a table that does not answer, and is proved again once it does', async () => {
    // Prepare
    const bot = buildBotContext();
    const job = await claimedJob(bot);
    const hold = holdLease(bot.context, job);
    const renew = bot.jobs.renewLease.bind(bot.jobs);
    let partitioned = true;
    bot.jobs.renewLease = async (id, lease) => {
      if (partitioned) throw new Error('connect ETIMEDOUT');
      return renew(id, lease);
    };

    // Act
    await vi.advanceTimersByTimeAsync(bot.context.heartbeatMs * 2);
    const whilePartitioned = hold.prove('b', 'deleteIndices', 30_000);
    await expect(whilePartitioned).rejects.toMatchObject({
      reason: 'unconfirmed',
      call: 'deleteIndices',
      cluster: 'b',
    });
    partitioned = false;

    // Assess
    expect(hold.lost).toBe(false);
    await expect(hold.prove('b', 'deleteIndices', 30_000)).resolves.toBeUndefined();
    hold.end();
  });

  it('refuses to act when the renewal came back too late for the lease to cover the call', async () => {
    // Prepare: the renewal takes 40 s, and the cluster's calls may take 30 s
    const bot = buildBotContext();
    const job = await claimedJob(bot);
    const hold = holdLease(bot.context, job);
    const renew = bot.jobs.renewLease.bind(bot.jobs);
    bot.jobs.renewLease = async (id, lease) => {
      bot.clock.advance(40_000);
      return renew(id, lease);
    };

    // Act
    const act = hold.prove('b', 'restore', 30_000);

    // Assess
    await expect(act).rejects.toMatchObject({ reason: 'too-late', call: 'restore' });
    hold.end();
  });

  it('has its writes carry the lease as last renewed, and none once it is lost', async () => {
    // Prepare
    const bot = buildBotContext();
    const job = await claimedJob(bot);
    const hold = holdLease(bot.context, job);
    const store = leasedJobStore(bot.jobs, hold, 'held', 'worker-test');
    bot.clock.advance(10_000);
    await hold.prove('b', 'deleteIndices', 30_000);

    // Act
    const written = await store.update({ ...job, version: job.version + 1, requestText: 'changed' });
    await takenByAnother(bot, 'held');
    await vi.advanceTimersByTimeAsync(bot.context.heartbeatMs);
    const refused = store.update({ ...written, version: written.version + 1 });

    // Assess
    expect(written.lease).toEqual(hold.current());
    expect(Date.parse(written.lease?.until ?? '')).toBeGreaterThan(Date.parse(job.lease?.until ?? ''));
    await expect(refused).rejects.toMatchObject({ reason: 'taken', call: 'write' });
    hold.end();
  });

  it('cannot be held on a job claimed before leases had tokens', () => {
    const bot = buildBotContext();
    const old = buildJob({ id: 'old', state: JobState.RUNNING, lease: { owner: 'w', token: undefined, until: 'x' } });

    expect(() => holdLease(bot.context, old)).toThrowError('carries no lease token');
  });
});

/** An approved deletion of `old-*` on b, and a hook that runs when the worker's step first reads b's indices. */
async function approvedDeletion(bot: Bot, b: ReturnType<typeof createFakeCluster>, onRead: () => Promise<void>) {
  const request = { verb: 'delete-index' as const, cluster: 'b', indices: ['old-*'] };
  await requestJob(bot.context, request, buildCommandTask('delete-index b old-*'));
  const [asked] = await bot.jobs.listActive();
  const id = asked?.id ?? '';
  await decideApproval(bot.context, { ...clickOnJobMessage(asked as Job, 'U0APPROVER'), decision: 'approve' });
  const resolve = b.resolveIndices.bind(b);
  let read = false;
  b.resolveIndices = async (...args) => {
    if (!read) {
      read = true;
      await onRead();
    }
    return resolve(...args);
  };
  return id;
}

function clustersWith(b: ReturnType<typeof createFakeCluster>) {
  return [createFakeCluster({ alias: 'a', indices: {} }), b];
}

describe('a worker whose step outlives its lease', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the job through its heartbeat: a second worker finds it held, and it is deleted once', async () => {
    // Prepare: the step's read takes 100 s of a 60 s lease
    vi.useFakeTimers();
    const b = createFakeCluster({ alias: 'b', indices: { 'old-1': 12, 'old-2': 5 } });
    const bot = buildBotContext({ clusters: clustersWith(b) });
    let answer = () => {};
    let reading = () => {};
    const inRead = new Promise<void>((resolve) => {
      reading = resolve;
    });
    const id = await approvedDeletion(bot, b, () => {
      reading();
      return new Promise<void>((resolve) => {
        answer = resolve;
      });
    });

    // Act
    const first = runJob(bot.context, id);
    await inRead;
    for (let second = 0; second < 100; second += 20) {
      bot.clock.advance(20_000);
      await vi.advanceTimersByTimeAsync(20_000);
    }
    await runJob({ ...bot.context, workerId: 'worker-second' }, id);
    answer();
    await first;

    // Assess
    const ended = (await bot.jobs.get(id)) as Job;
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.history.map((entry) => entry.event)).not.toContain('resumed-after-worker-stopped');
    expect(b.calls.filter((call) => call === 'deleteIndices')).toHaveLength(1);
  });
});

describe('a worker that loses its job in the middle of a step', () => {
  it('stops without deleting, writes nothing more, and says so in a warning', async () => {
    // Prepare: another worker claims the job while this one reads the indices it is about to delete
    const log = capturedLog();
    const b = createFakeCluster({ alias: 'b', indices: { 'old-1': 12, 'old-2': 5 } });
    const bot = buildBotContext({ clusters: clustersWith(b) });
    bot.context.logger = log.logger;
    let taken: Job | undefined;
    const id: string = await approvedDeletion(bot, b, async () => {
      taken = await takenByAnother(bot, id);
    });

    // Act
    await runJob(bot.context, id);

    // Assess
    expect([...b.indices.keys()].sort()).toEqual(['old-1', 'old-2']);
    expect(await bot.jobs.get(id)).toEqual(taken);
    const warning = log.lines.find((line) => line.msg === 'lease lost; stopping without acting');
    expect(warning).toMatchObject({ level: 40, jobId: id, cluster: 'b', step: 'delete-indices', owner: 'worker-test' });
    expect(log.errors()).toEqual([]);
  });
});
