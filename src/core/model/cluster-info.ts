import * as z from 'zod';

/**
 * What `/es clusters` and `/es snapshot repos` show about a cluster: built by the cluster adapter from `GET /`,
 * `_cluster/health` and `GET _snapshot`; the schemas are what the port's contract suite checks.
 */

const clusterInfo = z.object({ name: z.string(), distribution: z.string(), version: z.string() });

/** A cluster's engine as a plan records it: the alias, with `GET /`'s distribution and version when planned. */
const clusterEngine = z.object({ cluster: z.string(), distribution: z.string(), version: z.string() });

const ClusterHealthStatus = { GREEN: 'green', YELLOW: 'yellow', RED: 'red' } as const;

type ClusterHealthStatus = (typeof ClusterHealthStatus)[keyof typeof ClusterHealthStatus];

const clusterHealth = z.object({
  status: z.enum(ClusterHealthStatus),
  nodes: z.number().int(),
  activeShards: z.number().int(),
});

/**
 * A repository as the cluster lists it, of any type (hdfs, azure … too). The engines answer every setting as a
 * string, whatever type it was registered with; the type stays open for settings we never read.
 */
const repositorySummary = z.object({
  name: z.string(),
  type: z.string(),
  settings: z.record(z.string(), z.unknown()),
});

type ClusterInfo = z.infer<typeof clusterInfo>;
type ClusterEngine = z.infer<typeof clusterEngine>;
type ClusterHealth = z.infer<typeof clusterHealth>;
type RepositorySummary = z.infer<typeof repositorySummary>;

export type { ClusterEngine, ClusterHealth, ClusterInfo, RepositorySummary };
export { ClusterHealthStatus, clusterEngine, clusterHealth, clusterInfo, repositorySummary };
