import * as z from 'zod';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../../../../core/model/cluster-info.js';
import type { Answer } from '../cluster-dialect.js';

// Elasticsearch has no `distribution`; OpenSearch says `opensearch`.
const info: Answer<ClusterInfo> = z
  .object({ cluster_name: z.string(), version: z.object({ number: z.string(), distribution: z.string().optional() }) })
  .transform((answer) => ({
    name: answer.cluster_name,
    distribution: answer.version.distribution ?? 'elasticsearch',
    version: answer.version.number,
  }));

const health: Answer<ClusterHealth> = z
  .object({ status: z.enum(['green', 'yellow', 'red']), number_of_nodes: z.number(), active_shards: z.number() })
  .transform((answer) => ({
    status: answer.status,
    nodes: answer.number_of_nodes,
    activeShards: answer.active_shards,
  }));

const repositories: Answer<RepositorySummary[]> = z
  .record(z.string(), z.object({ type: z.string(), settings: z.record(z.string(), z.unknown()).default({}) }))
  .transform((answer) =>
    Object.entries(answer)
      .map(([name, { type, settings }]) => ({ name, type, settings }))
      .sort((left, right) => left.name.localeCompare(right.name)),
  );

const verifiedNodes: Answer<string[]> = z
  .object({ nodes: z.record(z.string(), z.object({ name: z.string() })) })
  .transform((answer) =>
    Object.values(answer.nodes)
      .map((node) => node.name)
      .sort(),
  );

export { health, info, repositories, verifiedNodes };
