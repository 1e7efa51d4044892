import type { Job, Lease } from '../core/jobs/job.js';
import { renewLease } from '../core/jobs/transitions.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import type { JobStore } from '../ports/job-store.js';
import type { BotContext } from './bot-context.js';
import { type LeaseLoss, LeaseLostError } from './errors.js';
import { fencedClusterClient } from './fenced-cluster-client.js';
import type { ClusterLookup } from './steps/run-step.js';

/** A worker's hold on one claimed job, from the claim until it ends, waits (gives the lease back) or is lost. */
type LeaseHold = {
  readonly token: string;
  /** True once a renewal found the lease another's (or gone): nothing more may be done under it. */
  readonly lost: boolean;
  /** The lease as last renewed: what the worker's own writes carry, so that they never shorten it. */
  current(): Lease;
  /**
   * Renews the lease now and resolves only if the store took the renewal and what is left of the lease covers a
   * call of `coverMs` (the cluster's request timeout): the call then ends, answered or given up, before the lease
   * could run out, however the heartbeat fares meanwhile. Throws LeaseLostError otherwise.
   */
  prove(cluster: string, call: string, coverMs: number): Promise<void>;
  /** Stops the heartbeat; the lease itself is given up (or kept until it runs out) by the job's own writes. */
  end(): void;
};

/**
 * Holds the lease of a job this worker has just claimed: renews it every `heartbeatMs` while the worker runs the
 * job, with a write conditional on the lease's token that leaves the version alone. A renewal that fails for a
 * table that does not answer is tried again at the next beat; one that finds the lease taken marks it lost.
 */
function holdLease(context: BotContext, job: Job): LeaseHold {
  const { jobs, clock, leaseMs, logger } = context;
  const claimed = job.lease;
  if (claimed?.token === undefined) throw new Error(`job ${job.id} carries no lease token to hold`);
  const { token, owner } = claimed;
  let lease: Lease = claimed;
  let lost = false;
  let beating = false;
  const log = { jobId: job.id, owner };

  /** The lease as renewed now, or undefined when it is no longer this worker's. */
  async function renew(): Promise<Lease | undefined> {
    const renewed = renewLease(lease, clock.now(), leaseMs);
    if (!(await jobs.renewLease(job.id, renewed))) {
      lost = true;
      clearInterval(timer);
      return undefined;
    }
    // A heartbeat and a fence may renew at once: the later lease is the one to keep.
    if (renewed.until > lease.until) lease = renewed;
    return renewed;
  }

  async function beat(): Promise<void> {
    if (beating || lost) return;
    beating = true;
    try {
      if ((await renew()) === undefined) logger.warn(log, 'lease taken by another worker; it stops at its next act');
    } catch (error) {
      logger.warn({ ...log, err: error }, 'lease renewal failed; the next heartbeat tries again');
    } finally {
      beating = false;
    }
  }

  const timer = setInterval(() => void beat(), context.heartbeatMs);
  // A heartbeat alone never keeps a process (npm start, a test) alive.
  timer.unref();

  function loss(reason: LeaseLoss, call: string, cluster: string | undefined, cause?: unknown): LeaseLostError {
    return new LeaseLostError(job.id, owner, reason, call, cluster, undefined, { cause });
  }

  return {
    token,
    get lost() {
      return lost;
    },
    current: () => lease,
    async prove(cluster, call, coverMs) {
      if (lost) throw loss('taken', call, cluster);
      let renewed: Lease | undefined;
      try {
        renewed = await renew();
      } catch (error) {
        throw loss('unconfirmed', call, cluster, error);
      }
      if (renewed === undefined) throw loss('taken', call, cluster);
      if (Date.parse(renewed.until) - clock.now().getTime() <= coverMs) throw loss('too-late', call, cluster);
    },
    end: () => clearInterval(timer),
  };
}

/**
 * The job store as the holder writes through it: its writes carry the lease as last renewed (a write of the job
 * replaces the whole item, so a stale copy would shorten the lease), none is made once the lease is lost, and a
 * write that gives the lease up (a wait, the end) stops the heartbeat.
 */
function leasedJobStore(jobs: JobStore, hold: LeaseHold, jobId: string, owner: string): JobStore {
  return {
    create: (job) => jobs.create(job),
    get: (id) => jobs.get(id),
    claim: (job, now) => jobs.claim(job, now),
    renewLease: (id, lease) => jobs.renewLease(id, lease),
    listActive: () => jobs.listActive(),
    listRequestedBy: (userId, limit) => jobs.listRequestedBy(userId, limit),
    listFinished: (team, limit) => jobs.listFinished(team, limit),
    async update(job) {
      if (job.id !== jobId) return jobs.update(job);
      if (hold.lost) throw new LeaseLostError(jobId, owner, 'taken', 'write', undefined);
      const held = job.lease?.token === hold.token;
      const saved = await jobs.update(held ? { ...job, lease: hold.current() } : job);
      if (!held) hold.end();
      return saved;
    },
  };
}

function requestTimeoutOf(context: BotContext, alias: string): number {
  const timeout = context.config.clusters.get(alias)?.requestTimeoutMs;
  if (timeout === undefined) throw new Error(`cluster ${alias} has no configured request timeout`);
  return timeout;
}

/**
 * Runs `run` for a job this worker has just claimed, with a context that acts only under the lease: the clusters
 * fenced (see fenced-cluster-client.ts), the job's writes through `leasedJobStore`, and the heartbeat going until
 * the lease is given up or `run` ends. `clusterFor` gives the clients the run would use unfenced.
 */
async function underLease<T>(
  context: BotContext,
  job: Job,
  clusterFor: ClusterLookup,
  run: (held: BotContext, clusterFor: ClusterLookup) => Promise<T>,
): Promise<T> {
  const hold = holdLease(context, job);
  const fence = (client: ClusterClient) =>
    fencedClusterClient(client, (call) => hold.prove(client.alias, call, requestTimeoutOf(context, client.alias)));
  const held: BotContext = {
    ...context,
    jobs: leasedJobStore(context.jobs, hold, job.id, job.lease?.owner ?? context.workerId),
    clusters: new Map([...context.clusters].map(([alias, client]) => [alias, fence(client)])),
    leaseToken: hold.token,
  };
  try {
    return await run(held, (alias) => fence(clusterFor(alias)));
  } finally {
    hold.end();
  }
}

export type { LeaseHold };
export { holdLease, leasedJobStore, underLease };
