import type { ClusterInfo } from '../../core/model/cluster-info.js';
import type { ClusterCall } from './cluster-call.js';
import { read } from './cluster-call.js';
import type { ClusterDialect } from './dialects/cluster-dialect.js';
import { dialectFor } from './dialects/index.js';
import type { ClusterRequest, ClusterTransport } from './signed-transport.js';

// `GET /` reads alike in every dialect; the one it names reads everything else.
const ROOT_READER = dialectFor(undefined);

function isRoot(request: ClusterRequest | undefined): boolean {
  return request?.method === 'GET' && request?.path === '/';
}

/**
 * The cluster's dialect, asked of `GET /` (distribution and version; the managed service passes it through) on
 * the first call that needs it and kept for the client's life. The ask keeps that call's deadline, so a hung
 * cluster holds a call no longer than before. A failed ask is not kept: the next call asks again.
 */
function detectedDialect(
  cluster: string,
  transport: ClusterTransport,
): (request?: ClusterRequest) => Promise<ClusterDialect> {
  let detected: Promise<ClusterDialect> | undefined;
  const asking: ClusterCall = { cluster, transport, dialect: () => Promise.resolve(ROOT_READER) };
  return (request) => {
    if (isRoot(request)) return Promise.resolve(ROOT_READER);
    const root = { method: 'GET' as const, path: '/', deadlineMs: request?.deadlineMs };
    detected ??= read(asking, root, (answers) => answers.info).then(
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
