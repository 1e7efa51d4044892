import type { ClusterInfoApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';

function clusterInfoApi(call: ClusterCall): ClusterInfoApi {
  const { answers } = call.dialect;
  return {
    info: () => read(call, { method: 'GET', path: '/' }, answers.info),
    health: () => read(call, { method: 'GET', path: '/_cluster/health' }, answers.health),
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
