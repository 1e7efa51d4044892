import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { clusterClientFor } from '../../src/handlers/compose-context.js';
import type { ClusterClient } from '../../src/ports/cluster-client.js';
import { silentLogger } from '../fakes/silent-logger.js';
import { buildClusterConfig } from '../fixtures/cluster-config.js';
import { startManagedServiceGateway } from './sigv4-gateway.js';

const REGION = 'ap-northeast-1';

type GatewayCluster = {
  alias: 'a' | 'b';
  /** The cluster itself, for fixtures that build data. */
  directUrl: string;
  gateway: Awaited<ReturnType<typeof startManagedServiceGateway>>;
  client: ClusterClient;
};

/**
 * Clusters A and B as production sees them: behind a gateway that checks SigV4 like the managed service, with a
 * client that signs with credentials the gateway knows.
 */
async function startGatewayClusters(): Promise<{
  a: GatewayCluster;
  b: GatewayCluster;
  /** The keys the gateways accept, for other clients of these clusters. */
  credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string }>;
  close(): Promise<void>;
}> {
  const rig = inject('rig');
  const credentials = { accessKeyId: 'AKIDRIGTEST', secretAccessKey: randomBytes(20).toString('base64') };
  const start = async (alias: 'a' | 'b'): Promise<GatewayCluster> => {
    const directUrl = rig.clusters[alias].url;
    const gateway = await startManagedServiceGateway({ target: directUrl, region: REGION, credentials });
    const config = buildClusterConfig({ alias, endpoint: new URL(gateway.url), signing: 'es', region: REGION });
    const client = clusterClientFor(config, silentLogger, async () => credentials);
    return { alias, directUrl, gateway, client };
  };
  const [a, b] = await Promise.all([start('a'), start('b')]);
  return {
    a,
    b,
    credentials: async () => credentials,
    close: async () => {
      await Promise.all([a.gateway.close(), b.gateway.close()]);
    },
  };
}

/** A repository name and location unique to one test file, under the path both clusters share. */
function sharedFsRepository(prefix: string) {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  return { name, type: 'fs' as const, settings: { location: `${inject('rig').sharedRepoPath}/${name}` } };
}

export type { GatewayCluster };
export { REGION, sharedFsRepository, startGatewayClusters };
