import type { ClusterInfoApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';

function clusterInfoApi(call: ClusterCall): ClusterInfoApi {
  return {
    info: (options = {}) => read(call, { method: 'GET', path: '/', ...options }, (answers) => answers.info),
    health: (options = {}) =>
      read(call, { method: 'GET', path: '/_cluster/health', ...options }, (answers) => answers.health),
    diskAllocation: async () => {
      const query = (await call.dialect()).requests.allocationQuery;
      return read(call, { method: 'GET', path: '/_cat/allocation', query }, (answers) => answers.diskAllocation);
    },
    allocationSettings: async () => {
      const query = (await call.dialect()).requests.settingsQuery;
      return read(call, { method: 'GET', path: '/_cluster/settings', query }, (answers) => answers.allocationSettings);
    },
  };
}

export { clusterInfoApi };
