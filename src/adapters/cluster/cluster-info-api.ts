import { z } from 'zod';
import type { ClusterHealth, ClusterInfo } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';

const infoAnswer = z.object({
  cluster_name: z.string(),
  version: z.object({ number: z.string(), distribution: z.string().optional() }),
});

const healthAnswer = z.object({
  status: z.enum(['green', 'yellow', 'red']),
  number_of_nodes: z.number(),
  active_shards: z.number(),
});

async function clusterInfo(call: ClusterCall): Promise<ClusterInfo> {
  const answer = await read(call, { method: 'GET', path: '/' }, infoAnswer);
  return {
    name: answer.cluster_name,
    distribution: answer.version.distribution ?? 'elasticsearch',
    version: answer.version.number,
  };
}

async function clusterHealth(call: ClusterCall): Promise<ClusterHealth> {
  const answer = await read(call, { method: 'GET', path: '/_cluster/health' }, healthAnswer);
  return { status: answer.status, nodes: answer.number_of_nodes, activeShards: answer.active_shards };
}

export { clusterHealth, clusterInfo };
