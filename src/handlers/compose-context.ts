import type { Logger } from 'pino';
import { createClusterClient } from '../adapters/cluster/cluster-client.js';
import {
  awsCredentials,
  type CredentialsProvider,
  none,
  type RequestAuthenticator,
  sigV4,
} from '../adapters/cluster/request-authenticator.js';
import { createLoggedMetrics } from '../adapters/metrics/logged-metrics.js';
import { randomIdSource } from '../adapters/system/random-id-source.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { ConfigError } from '../config/errors.js';
import { checkLeaseTimings, DEFAULT_LEASE_MS } from '../config/lease-timings.js';
import type { BotConfig, ClusterConfig } from '../core/model/configured-cluster.js';
import { catalogFor } from '../core/words/catalog.js';
import type { BackgroundTasks } from '../ports/background-tasks.js';
import type { ChatNotifier, UserDirectory } from '../ports/chat-notifier.js';
import type { Clock } from '../ports/clock.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import type { IdSource } from '../ports/id-source.js';
import type { JobStore } from '../ports/job-store.js';
import type { MetricsSink } from '../ports/metrics.js';
import type { BotContext } from '../usecases/bot-context.js';

type ContextParts = {
  config: BotConfig;
  jobs: JobStore;
  chat: ChatNotifier;
  directory: UserDirectory;
  tasks: BackgroundTasks;
  logger: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** @default random ids */
  ids?: IdSource;
  /** Signing credentials for every cluster; @default each cluster's own (AWS default chain or assumed role) */
  credentials?: CredentialsProvider;
  /** How long a worker holds a job before another may resume it; checked against the clusters' timeouts. @default 5 minutes */
  leaseMs?: number;
  /** How often a worker renews its lease while it runs a job. @default a third of `leaseMs` */
  heartbeatMs?: number;
  /** @default metrics as log lines */
  metrics?: MetricsSink;
};

/** `signing: es` is SigV4 with the given credentials, or the AWS default chain (and the configured role). */
function authenticatorFor(cluster: ClusterConfig, credentials: CredentialsProvider | undefined): RequestAuthenticator {
  if (cluster.signing === 'none') return none;
  const { region, assumeRoleArn } = cluster;
  // The config schema refuses `signing: es` without a region; this keeps the type honest.
  if (region === undefined)
    throw new ConfigError(`clusters.${cluster.alias}.region`, 'is required when signing is "es"');
  return sigV4({ region, credentials: credentials ?? awsCredentials({ assumeRoleArn, region }) });
}

function clusterClientFor(cluster: ClusterConfig, logger: Logger, credentials?: CredentialsProvider): ClusterClient {
  return createClusterClient({
    alias: cluster.alias,
    endpoint: cluster.endpoint,
    authenticator: authenticatorFor(cluster, credentials),
    timeoutMs: cluster.requestTimeoutMs,
    protectedIndices: cluster.protectedIndices,
    logger: logger.child({ cluster: cluster.alias }),
  });
}

/** Wires the ports into the context every use case receives: one cluster client per configured cluster. */
function composeContext(parts: ContextParts): BotContext {
  const { config, logger, clock = systemClock, ids = randomIdSource, credentials, leaseMs = DEFAULT_LEASE_MS } = parts;
  const { heartbeatMs = Math.floor(leaseMs / 3) } = parts;
  // A lease too short for its heartbeat or for a cluster's call is refused here, before any worker relies on it.
  checkLeaseTimings({ leaseMs, heartbeatMs }, config.clusters.values());
  const clusters = new Map(
    [...config.clusters.values()].map((cluster) => [cluster.alias, clusterClientFor(cluster, logger, credentials)]),
  );
  return {
    config,
    clusters,
    jobs: parts.jobs,
    chat: parts.chat,
    directory: parts.directory,
    tasks: parts.tasks,
    clock,
    ids,
    catalog: catalogFor(config.language),
    logger,
    metrics: parts.metrics ?? createLoggedMetrics(logger),
    workerId: `worker-${ids.newId()}`,
    leaseMs,
    heartbeatMs,
  };
}

export type { ContextParts };
export { clusterClientFor, composeContext };
