import type { ClusterInfo } from '../../core/model/cluster-info.js';
import type { ClusterCall } from './cluster-call.js';
import { read } from './cluster-call.js';
import type { ClusterDialect } from './dialects/cluster-dialect.js';
import { dialectFor } from './dialects/index.js';
import type { ClusterTransport } from './signed-transport.js';

/**
 * The cluster's dialect, asked of `GET /` (distribution and version; the managed service passes it through) on
 * the first call that needs it and kept for the client's life. A failed ask is not kept: the next call asks again.
 */
function detectedDialect(cluster: string, transport: ClusterTransport): () => Promise<ClusterDialect> {
  let detected: Promise<ClusterDialect> | undefined;
  // `GET /` reads alike in every dialect; the one it names reads everything else.
  const asking: ClusterCall = { cluster, transport, dialect: () => Promise.resolve(dialectFor(undefined)) };
  return () => {
    detected ??= read(asking, { method: 'GET', path: '/' }, (answers) => answers.info).then(
      (info: ClusterInfo) => dialectFor(info),
      (error: unknown) => {
        detected = undefined;
        throw error;
      },
    );
    return detected;
  };
}

export { detectedDialect };
