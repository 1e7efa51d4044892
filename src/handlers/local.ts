import type { Logger } from 'pino';
import { createClusterClient } from '../adapters/cluster/cluster-client.js';
import { type LocalClusters, startLocalClusters } from '../adapters/local-opensearch/local-clusters.js';
import { type BotConfig, loadBotConfig, parseBotConfig } from '../config/cluster-config.js';
import { readCommonEnvironment } from '../config/env.js';
import { createLogger } from '../logging/logger.js';

/** The config `npm start` uses when none is given: the two local clusters, sharing an `fs` repository. */
function localClustersConfig(local: LocalClusters): BotConfig {
  const cluster = (url: string) => ({
    endpoint: url,
    signing: 'none',
    default_repository: { name: 'local', type: 'fs', settings: { location: `${local.sharedRepoPath}/local` } },
  });
  return parseBotConfig({ clusters: { a: cluster(local.clusters.a.url), b: cluster(local.clusters.b.url) } }, 'local');
}

async function describeClusters(config: BotConfig, logger: Logger): Promise<string[]> {
  return Promise.all(
    [...config.clusters.values()].map(async (clusterConfig) => {
      const client = createClusterClient({ config: clusterConfig, logger });
      try {
        const [info, health, repositories] = await Promise.all([
          client.info(),
          client.health(),
          client.listRepositories(),
        ]);
        const names = repositories.map((repository) => repository.name).join(', ') || 'none';
        return `${clusterConfig.alias}: ${info.distribution} ${info.version} at ${clusterConfig.endpoint.origin}, health ${health.status}, repositories: ${names}`;
      } catch (error) {
        return `${clusterConfig.alias}: ${(error as Error).message}`;
      }
    }),
  );
}

async function main(): Promise<void> {
  const environment = readCommonEnvironment();
  const logger = createLogger({ level: environment.logLevel });
  const local = environment.configPath === undefined ? await startLocalClusters() : undefined;
  const config =
    local === undefined ? await loadBotConfig(environment.configPath as string) : localClustersConfig(local);
  const lines = await describeClusters(config, logger);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (local === undefined) return;
  process.stdout.write(`Local clusters are up (shared repository path ${local.sharedRepoPath}). Ctrl-C stops them.\n`);
  const stop = async () => {
    await local.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
