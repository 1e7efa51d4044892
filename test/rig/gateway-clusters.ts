import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { clusterClientFor } from '../../src/handlers/compose-context.js';
import type { ClusterClient } from '../../src/ports/cluster-client.js';
import { silentLogger } from '../fakes/silent-logger.js';
import { buildClusterConfig } from '../fixtures/cluster-config.js';
import { bucketFolder } from './s3-repository-contract.js';
import { startManagedServiceGateway } from './sigv4-gateway.js';

const REGION = 'ap-northeast-1';

/** The rig's AWS account, the bot's signing identity in it, and the snapshot role that identity may pass. */
const RIG_IAM = {
  callerArn: 'arn:aws:sts::123456789012:assumed-role/es-snapshot-bot/rig',
  snapshotRoleArn: 'arn:aws:iam::123456789012:role/rig-snapshot-role',
  /** A well-formed role of the same account that the bot's identity may not pass. */
  otherRoleArn: 'arn:aws:iam::123456789012:role/someone-elses-role',
} as const;

/** The bucket the rig's s3 repositories live in, each under a base path of its own. */
const RIG_BUCKET = 'rig-snapshots';

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
    const gateway = await startManagedServiceGateway({
      target: directUrl,
      region: REGION,
      credentials,
      s3: {
        repoRoot: rig.sharedRepoPath,
        caller: { arn: RIG_IAM.callerArn, passableRoles: [RIG_IAM.snapshotRoleArn] },
      },
    });
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

/**
 * An s3 repository unique to one test file, registered as the service registers it: the rig's bucket, a base path
 * of its own, the snapshot role the bot may pass. A and B registering it see the same snapshots.
 */
function sharedS3Repository(prefix: string) {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const settings = { bucket: RIG_BUCKET, region: REGION, role_arn: RIG_IAM.snapshotRoleArn, base_path: name };
  return { name, type: 's3' as const, settings };
}

/** The folder under the shared `path.repo` where the gateways keep an s3 repository's files. */
function s3RepositoryFolder(settings: { bucket: string; base_path?: string }): string {
  return bucketFolder(inject('rig').sharedRepoPath, settings.bucket, settings.base_path);
}

export type { GatewayCluster };
export {
  REGION,
  RIG_BUCKET,
  RIG_IAM,
  s3RepositoryFolder,
  sharedFsRepository,
  sharedS3Repository,
  startGatewayClusters,
};
