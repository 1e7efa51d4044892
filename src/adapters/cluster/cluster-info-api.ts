import type { ClusterInfoApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';

function clusterInfoApi(call: ClusterCall): ClusterInfoApi {
  const { answers } = call.dialect;
  return {
    info: (options = {}) => read(call, { method: 'GET', path: '/', ...options }, answers.info),
    health: (options = {}) => read(call, { method: 'GET', path: '/_cluster/health', ...options }, answers.health),
    diskAllocation: () =>
      read(
        call,
        { method: 'GET', path: '/_cat/allocation', query: call.dialect.requests.allocationQuery },
        answers.diskAllocation,
      ),
    allocationSettings: () =>
      read(
        call,
        { method: 'GET', path: '/_cluster/settings', query: call.dialect.requests.settingsQuery },
        answers.allocationSettings,
      ),
  };
}

export { clusterInfoApi };
