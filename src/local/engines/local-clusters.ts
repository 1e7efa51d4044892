import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EnginePair, enginesFromEnv } from './engine.js';
import { ensureEngineDistribution } from './engine-distribution.js';
import { type EngineNode, startEngineNode } from './engine-node.js';
import { findFreePorts } from './free-ports.js';

type LocalClustersOptions = {
  /** Each cluster's engine and version. @default see `enginesFromEnv` */
  engines?: EnginePair;
  /** @default see `ensureEngineDistribution` */
  cacheDir?: string;
  /** Where this run's fresh work directory (data, logs, shared repository) is made. @default os.tmpdir() */
  workDir?: string;
  /** JVM heap of each node. @default '512m' */
  heap?: string;
};

type LocalClusters = {
  /** What each cluster runs, as its `GET /` answered. */
  engines: EnginePair;
  /** The `path.repo` both clusters share: an `fs` repository under it on A holds snapshots B can restore. */
  sharedRepoPath: string;
  clusters: { a: { url: string }; b: { url: string } };
  /** Stops both nodes and removes the work directory. */
  stop(): Promise<void>;
};

const CLUSTER_NAMES = ['a', 'b'] as const;

/**
 * Starts two single-node clusters, `a` and `b`, each of its own engine and version, in parallel on free loopback
 * ports. They share one `path.repo`, so a snapshot taken on A restores on B (when B's engine can read it), as
 * between two domains that share an S3 bucket.
 *
 * @example
 * const rig = await startLocalClusters();
 * console.error(rig.clusters.a.url, rig.clusters.b.url);
 * await rig.stop();
 */
async function startLocalClusters(options: LocalClustersOptions = {}): Promise<LocalClusters> {
  const { engines = enginesFromEnv(), cacheDir, workDir = tmpdir(), heap } = options;
  // One after the other: two downloads of the same zip into one cache would race for nothing.
  const homeA = await ensureEngineDistribution({ engine: engines.a, cacheDir });
  const homes = { a: homeA, b: await ensureEngineDistribution({ engine: engines.b, cacheDir }) };
  const runDir = await mkdtemp(join(workDir, 'es-snapshot-bot-clusters-'));
  // mkdtemp makes the directory private; the nodes may run as another user and must reach their dirs below it.
  await chmod(runDir, 0o755);
  const sharedRepoPath = join(runDir, 'repo');
  const [httpA = 0, transportA = 0, httpB = 0, transportB = 0] = await findFreePorts(4);
  const ports = { a: [httpA, transportA], b: [httpB, transportB] } as const;

  const started = await Promise.allSettled(
    CLUSTER_NAMES.map((name) =>
      startEngineNode({
        engine: engines[name],
        home: homes[name],
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
  const [a, b] = nodes as [EngineNode?, EngineNode?];
  if (failures.length > 0 || a === undefined || b === undefined) {
    await stop();
    throw new Error(`local clusters did not start:\n${failures.map((error) => error.message).join('\n\n')}`, {
      cause: failures[0],
    });
  }
  return {
    engines: { a: a.engine, b: b.engine },
    sharedRepoPath,
    clusters: { a: { url: a.url }, b: { url: b.url } },
    stop,
  };
}

export { type LocalClusters, type LocalClustersOptions, startLocalClusters };
