import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePorts } from './free-ports.js';
import { ensureOpenSearchDistribution } from './opensearch-distribution.js';
import { type OpenSearchNode, startOpenSearchNode } from './opensearch-node.js';

type LocalClustersOptions = {
  /** @default see `ensureOpenSearchDistribution` */
  version?: string;
  /** @default see `ensureOpenSearchDistribution` */
  cacheDir?: string;
  /** Where this run's fresh work directory (data, logs, shared repository) is made. @default os.tmpdir() */
  workDir?: string;
  /** JVM heap of each node. @default '512m' */
  heap?: string;
};

type LocalClusters = {
  version: string;
  /** The `path.repo` both clusters share: an `fs` repository under it on A holds snapshots B can restore. */
  sharedRepoPath: string;
  clusters: { a: { url: string }; b: { url: string } };
  /** Stops both nodes and removes the work directory. */
  stop(): Promise<void>;
};

const CLUSTER_NAMES = ['a', 'b'] as const;

/**
 * Starts two single-node OpenSearch clusters, `a` and `b`, in parallel on free loopback ports. They share one
 * `path.repo`, so a snapshot taken on A restores on B, as between two domains that share an S3 bucket.
 *
 * @example
 * const rig = await startLocalClusters();
 * console.error(rig.clusters.a.url, rig.clusters.b.url);
 * await rig.stop();
 */
async function startLocalClusters(options: LocalClustersOptions = {}): Promise<LocalClusters> {
  const { version, cacheDir, workDir = tmpdir(), heap } = options;
  const home = await ensureOpenSearchDistribution({ version, cacheDir });
  const runDir = await mkdtemp(join(workDir, 'es-snapshot-bot-clusters-'));
  // mkdtemp makes the directory private; the nodes may run as another user and must reach their dirs below it.
  await chmod(runDir, 0o755);
  const sharedRepoPath = join(runDir, 'repo');
  const [httpA = 0, transportA = 0, httpB = 0, transportB = 0] = await findFreePorts(4);
  const ports = { a: [httpA, transportA], b: [httpB, transportB] } as const;

  const started = await Promise.allSettled(
    CLUSTER_NAMES.map((name) =>
      startOpenSearchNode({
        home,
        name,
        httpPort: ports[name][0],
        transportPort: ports[name][1],
        runDir: join(runDir, name),
        dataDir: join(runDir, name, 'data'),
        logsDir: join(runDir, name, 'logs'),
        repoPath: sharedRepoPath,
        heap,
      }),
    ),
  );
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // Registered after the nodes' own exit handlers, so it runs once they have been killed.
  const removeOnExit = () => rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  process.on('exit', removeOnExit);
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    process.off('exit', removeOnExit);
    await rm(runDir, { recursive: true, force: true });
  };
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  const [a, b] = nodes as [OpenSearchNode?, OpenSearchNode?];
  if (failures.length > 0 || a === undefined || b === undefined) {
    await stop();
    throw new Error(
      `local OpenSearch clusters did not start:\n${failures.map((error) => error.message).join('\n\n')}`,
      {
        cause: failures[0],
      },
    );
  }
  return { version: a.version, sharedRepoPath, clusters: { a: { url: a.url }, b: { url: b.url } }, stop };
}

export { type LocalClusters, type LocalClustersOptions, startLocalClusters };
