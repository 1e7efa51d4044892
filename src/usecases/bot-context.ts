import type { Logger } from 'pino';
import { UsageError } from '../core/errors.js';
import type { BotConfig, ClusterConfig } from '../core/model/configured-cluster.js';
import type { Catalog } from '../core/words/catalog.js';
import type { BackgroundTasks } from '../ports/background-tasks.js';
import type { ChatNotifier, UserDirectory } from '../ports/chat-notifier.js';
import type { Clock } from '../ports/clock.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import type { IdSource } from '../ports/id-source.js';
import type { JobStore } from '../ports/job-store.js';
import type { MetricsSink } from '../ports/metrics.js';

/** Everything a use case may touch, built once per process by the entry point. */
type BotContext = {
  config: BotConfig;
  clusters: ReadonlyMap<string, ClusterClient>;
  jobs: JobStore;
  chat: ChatNotifier;
  directory: UserDirectory;
  tasks: BackgroundTasks;
  clock: Clock;
  ids: IdSource;
  catalog: Catalog;
  logger: Logger;
  /** Counts and durations an operator alarms on (see `core/metrics`). */
  metrics: MetricsSink;
  /** Identifies this process in job leases. */
  workerId: string;
  /** How long a worker holds a job before another may resume it. @default 5 minutes */
  leaseMs: number;
  /** How often a worker renews the lease of the job it runs. @default a third of `leaseMs` */
  heartbeatMs: number;
  /**
   * The token of the lease this context acts under: set only in the context a worker builds for a job it has
   * claimed (job-lease.ts `underLease`), whose clusters are fenced by that lease.
   */
  leaseToken?: string;
};

type ClusterHandle = { config: ClusterConfig; client: ClusterClient };

/** A configured cluster by alias, or an error that lists the ones there are. */
function clusterNamed(context: BotContext, alias: string): ClusterHandle {
  const config = context.config.clusters.get(alias);
  const client = context.clusters.get(alias);
  if (config === undefined || client === undefined) {
    const known = [...context.config.clusters.keys()];
    throw new UsageError((words) => words.noSuchCluster(alias, known));
  }
  return { config, client };
}

export type { BotContext, ClusterHandle };
export { clusterNamed };
