import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { Logger } from 'pino';
import type { ClusterConfig } from '../../config/cluster-config.js';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { ClusterCall } from './cluster-call.js';
import { clusterHealth, clusterInfo } from './cluster-info-api.js';
import { deleteIndices, docCounts, resolveIndices } from './index-api.js';
import { listRepositories, registerRepository, verifyRepository } from './repository-api.js';
import { restore, restoreProgress } from './restore-api.js';
import { type ClusterTransport, type CredentialsProvider, createSignedTransport } from './signed-transport.js';
import {
  createSnapshot,
  deleteSnapshot,
  getSnapshot,
  getSnapshots,
  listSnapshots,
  runningSnapshots,
  snapshotProgress,
} from './snapshot-api.js';

type ClusterClientOptions = {
  config: ClusterConfig;
  logger: Logger;
  /** Overrides the AWS default credential chain (and the configured assume-role); tests pass fixed keys. */
  credentials?: CredentialsProvider;
  /** Overrides the transport entirely, e.g. a recording one. */
  transport?: ClusterTransport;
};

/** The default chain (env, SSO, profile, container/instance role), then the configured role when there is one. */
function defaultCredentials(config: ClusterConfig): CredentialsProvider {
  const base = fromNodeProviderChain();
  if (config.assumeRoleArn === undefined) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: config.assumeRoleArn, RoleSessionName: 'es-snapshot-bot' },
    clientConfig: { region: config.region },
  });
}

function transportFor(options: ClusterClientOptions): ClusterTransport {
  const { config, logger } = options;
  return createSignedTransport({
    cluster: config.alias,
    endpoint: config.endpoint,
    signing: config.signing,
    region: config.region,
    credentials: config.signing === 'es' ? (options.credentials ?? defaultCredentials(config)) : undefined,
    timeoutMs: config.requestTimeoutMs,
    logger,
  });
}

/** A {@link ClusterClient} for one configured cluster, over SigV4-signed (or plain, for local clusters) HTTP. */
function createClusterClient(options: ClusterClientOptions): ClusterClient {
  const { config } = options;
  const call: ClusterCall = { cluster: config.alias, transport: options.transport ?? transportFor(options) };
  return {
    alias: config.alias,
    info: () => clusterInfo(call),
    health: () => clusterHealth(call),
    registerRepository: (repository) => registerRepository(call, repository),
    verifyRepository: (name) => verifyRepository(call, name),
    listRepositories: () => listRepositories(call),
    createSnapshot: (request) => createSnapshot(call, request),
    getSnapshot: (repository, snapshot) => getSnapshot(call, repository, snapshot),
    getSnapshots: (repository, snapshots) => getSnapshots(call, repository, snapshots),
    listSnapshots: (repository, listOptions) => listSnapshots(call, repository, listOptions?.limit),
    snapshotProgress: (repository, snapshot) => snapshotProgress(call, repository, snapshot),
    runningSnapshots: (repository) => runningSnapshots(call, repository),
    deleteSnapshot: (repository, snapshot) => deleteSnapshot(call, repository, snapshot),
    resolveIndices: (patterns) => resolveIndices(call, patterns),
    deleteIndices: (indices) => deleteIndices(call, indices, config.protectedIndices),
    restore: (request) => restore(call, request),
    restoreProgress: (indices) => restoreProgress(call, indices),
    docCounts: (indices) => docCounts(call, indices),
  };
}

export type { ClusterClientOptions };
export { createClusterClient };
