import type { ClusterConfig } from '../core/model/configured-cluster.js';
import { ConfigError } from './errors.js';

/** Where a person sets each timing: what a refusal tells them to change. */
const LEASE_KEY = 'ES_SNAPSHOT_BOT_LEASE_SECONDS';
const HEARTBEAT_KEY = 'ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS';

const DEFAULT_LEASE_MS = 5 * 60_000;

/** Below this, a slow table or a garbage-collection pause alone could let a lease run out under a live worker. */
const MIN_LEASE_MS = 30_000;

/** More often than this, the heartbeats of many jobs cost more writes than they buy safety. */
const MIN_HEARTBEAT_MS = 1000;

/**
 * The time one renewal may take (a DynamoDB write, with the SDK's retries), counted on top of a heartbeat's wait
 * and of a cluster call. A fence whose renewal comes back later than this refuses to act (job-lease.ts `prove`).
 */
const RENEWAL_BUDGET_MS = 10_000;

type LeaseTimings = { leaseMs: number; heartbeatMs: number };

const seconds = (milliseconds: number) => `${Math.ceil(milliseconds / 1000)} s`;

/**
 * Refuses, at start-up, timings under which a lease could run out while its worker still works: a lease must be at
 * least 30 s, outlive two missed heartbeats (heartbeat at most a third of it) and so a heartbeat plus a renewal, and
 * outlast every cluster's request timeout plus a renewal, since a fenced call may be in flight for that long after the renewal that allowed it.
 * Each error names the setting to change and the value that would do.
 */
function checkLeaseTimings(timings: LeaseTimings, clusters: Iterable<ClusterConfig>): void {
  const { leaseMs, heartbeatMs } = timings;
  if (!Number.isFinite(leaseMs) || leaseMs < MIN_LEASE_MS) {
    throw new ConfigError(LEASE_KEY, `is ${seconds(leaseMs)}; a lease must be at least ${seconds(MIN_LEASE_MS)}`);
  }
  if (!Number.isFinite(heartbeatMs) || heartbeatMs < MIN_HEARTBEAT_MS) {
    throw new ConfigError(HEARTBEAT_KEY, `is ${heartbeatMs} ms; renew at most once a second (set 1 or more)`);
  }
  // With the lease at least 30 s, a third of it plus a renewal (10 s) is always shorter than the lease.
  if (heartbeatMs * 3 > leaseMs) {
    const most = Math.floor(leaseMs / 3 / 1000);
    throw new ConfigError(
      HEARTBEAT_KEY,
      `is ${seconds(heartbeatMs)}, too long for a lease of ${seconds(leaseMs)}: a lease must outlive two missed ` +
        `heartbeats; set it to at most ${most} or raise ${LEASE_KEY}`,
    );
  }
  for (const cluster of clusters) {
    if (cluster.requestTimeoutMs + RENEWAL_BUDGET_MS < leaseMs) continue;
    const least = Math.ceil((cluster.requestTimeoutMs + RENEWAL_BUDGET_MS) / 1000) + 1;
    const most = Math.floor((leaseMs - RENEWAL_BUDGET_MS) / 1000) - 1;
    throw new ConfigError(
      `clusters.${cluster.alias}.request_timeout_seconds`,
      `is ${seconds(cluster.requestTimeoutMs)}, which a lease of ${seconds(leaseMs)} cannot cover with a renewal ` +
        `(${seconds(RENEWAL_BUDGET_MS)}): a call could still be under way when another worker takes the job; ` +
        `raise ${LEASE_KEY} to at least ${least} or lower request_timeout_seconds to at most ${most}`,
    );
  }
}

export type { LeaseTimings };
export { checkLeaseTimings, DEFAULT_LEASE_MS, HEARTBEAT_KEY, LEASE_KEY, MIN_LEASE_MS, RENEWAL_BUDGET_MS };
