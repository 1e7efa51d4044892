import { startLocalClusters } from '../src/local/engines/local-clusters.js';

type BenchClusters = {
  a: string;
  b: string;
  /** The `path.repo` both clusters share. */
  sharedRepoPath: string;
  /** What the benches ran against, for the report. */
  origin: string;
  stop(): Promise<void>;
};

/**
 * The two engines the cluster benchmarks run against: the ones named by the integration tests' variables when all
 * three are set (clusters already up cost nothing to start), else a pair of the rig's own, stopped afterwards.
 */
async function benchClusters(): Promise<BenchClusters> {
  const a = process.env.ES_SNAPSHOT_BOT_TEST_CLUSTER_A;
  const b = process.env.ES_SNAPSHOT_BOT_TEST_CLUSTER_B;
  const sharedRepoPath = process.env.ES_SNAPSHOT_BOT_TEST_REPO_PATH;
  if (a && b && sharedRepoPath) {
    return {
      a,
      b,
      sharedRepoPath,
      origin: 'clusters given by ES_SNAPSHOT_BOT_TEST_CLUSTER_A/_B',
      stop: async () => {},
    };
  }
  const rig = await startLocalClusters();
  return {
    a: rig.clusters.a.url,
    b: rig.clusters.b.url,
    sharedRepoPath: rig.sharedRepoPath,
    origin: 'clusters started by the bench',
    stop: () => rig.stop(),
  };
}

/** `GET /` of a cluster: its engine and version, for the report. */
async function engineOf(url: string): Promise<string> {
  const body = (await (await fetch(url)).json()) as { version: { number: string; distribution?: string } };
  return `${body.version.distribution ?? 'elasticsearch'} ${body.version.number}`;
}

export type { BenchClusters };
export { benchClusters, engineOf };
