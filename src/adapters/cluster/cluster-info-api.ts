import type { ClusterInfoApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';

function clusterInfoApi(call: ClusterCall): ClusterInfoApi {
  const { answers } = call.dialect;
  return {
    info: () => read(call, { method: 'GET', path: '/' }, answers.info),
    health: () => read(call, { method: 'GET', path: '/_cluster/health' }, answers.health),
  };
}

export { clusterInfoApi };
