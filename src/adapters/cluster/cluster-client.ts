import type { Logger } from 'pino';
import type { ClusterClient } from '../../ports/cluster-client.js';
import type { ClusterCall } from './cluster-call.js';
import { clusterInfoApi } from './cluster-info-api.js';
import { detectedDialect } from './dialect-detection.js';
import { type DialectName, dialectNamed } from './dialects/index.js';
import { indexApi } from './index-api.js';
import { repositoryApi } from './repository-api.js';
import type { RequestAuthenticator } from './request-authenticator.js';
import { restoreApi } from './restore-api.js';
import { type ClusterTransport, createSignedTransport } from './signed-transport.js';
import { snapshotApi } from './snapshot-api.js';

/** Where the cluster is and how to reach it; or a ready transport instead (a recording one, in tests). */
type Connection =
  | {
      endpoint: URL;
      /** How requests prove who sends them: `sigV4(…)` for Amazon OpenSearch Service. @default none */
      authenticator?: RequestAuthenticator;
      /** Per attempt. @default 30_000 */
      timeoutMs?: number;
      transport?: never;
    }
  | { transport: ClusterTransport; endpoint?: never; authenticator?: never; timeoutMs?: never };

type ClusterClientOptions = Connection & {
  /** The cluster's alias, used in errors and logs. */
  alias: string;
  /** Index patterns never deleted, whatever a plan says. @default [] */
  protectedIndices?: readonly string[];
  /** How the engine's answers read. @default the one `GET /` names, asked once */
  dialect?: DialectName;
  logger: Logger;
};

function transportFor(options: ClusterClientOptions): ClusterTransport {
  if (options.transport !== undefined) return options.transport;
  const { alias, endpoint, authenticator, timeoutMs, logger } = options;
  return createSignedTransport({ cluster: alias, endpoint, authenticator, timeoutMs, logger });
}

/**
 * A {@link ClusterClient} for one cluster: each capability built over the same transport and dialect, composed
 * as one plain object (so a caller can override a few calls with a spread).
 *
 * @example
 * createClusterClient({ alias: 'logs', endpoint, authenticator: sigV4({ region, credentials }), logger })
 */
function createClusterClient(options: ClusterClientOptions): ClusterClient {
  const { alias, protectedIndices = [], dialect } = options;
  const transport = transportFor(options);
  const pinned = dialect === undefined ? undefined : dialectNamed(dialect);
  const call: ClusterCall = {
    cluster: alias,
    transport,
    dialect: pinned === undefined ? detectedDialect(alias, transport) : () => Promise.resolve(pinned),
  };
  return {
    alias,
    ...clusterInfoApi(call),
    ...repositoryApi(call),
    ...snapshotApi(call),
    ...restoreApi(call),
    ...indexApi(call, protectedIndices),
  };
}

export type { ClusterClientOptions };
export { createClusterClient };
