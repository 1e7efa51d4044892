import type { Logger } from 'pino';
import { createClusterClient } from '../adapters/cluster/cluster-client.js';
import type { CredentialsProvider } from '../adapters/cluster/signed-transport.js';
import { randomIdSource } from '../adapters/system/random-id-source.js';
import { systemClock } from '../adapters/system/system-clock.js';
import type { BotConfig } from '../config/cluster-config.js';
import { catalogFor } from '../core/words/catalog.js';
import type { BackgroundTasks } from '../ports/background-tasks.js';
import type { ChatNotifier, UserDirectory } from '../ports/chat-notifier.js';
import type { Clock } from '../ports/clock.js';
import type { IdSource } from '../ports/id-source.js';
import type { JobStore } from '../ports/job-store.js';
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
  /** @default 5 minutes */
  leaseMs?: number;
};

/** Wires the ports into the context every use case receives: one cluster client per configured cluster. */
function composeContext(parts: ContextParts): BotContext {
  const { config, logger, clock = systemClock, ids = randomIdSource, credentials, leaseMs = 5 * 60_000 } = parts;
  const clusters = new Map(
    [...config.clusters.values()].map((cluster) => [
      cluster.alias,
      createClusterClient({ config: cluster, logger: logger.child({ cluster: cluster.alias }), credentials }),
    ]),
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
    workerId: `worker-${ids.newId()}`,
    leaseMs,
  };
}

export type { ContextParts };
export { composeContext };
