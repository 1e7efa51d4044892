import type { TestProject } from 'vitest/node';
import { type Distribution, type Engine, engineLabel } from '../../src/local/engines/engine.js';
import { type LocalClusters, startLocalClusters } from '../../src/local/engines/local-clusters.js';

/** What integration tests get from `inject('rig')`. */
type RigContext = {
  /** What each cluster runs, as its `GET /` answers. */
  engines: { a: Engine; b: Engine };
  /** A directory both clusters list in `path.repo`: an `fs` repository under it is shared by A and B. */
  sharedRepoPath: string;
  /** Plain, unsigned HTTP endpoints; tests that need the managed service's behaviour put a gateway in front. */
  clusters: { a: { url: string }; b: { url: string } };
};

declare module 'vitest' {
  export interface ProvidedContext {
    rig: RigContext;
  }
}

const USER_CLUSTER_ENV = {
  a: 'ES_SNAPSHOT_BOT_TEST_CLUSTER_A',
  b: 'ES_SNAPSHOT_BOT_TEST_CLUSTER_B',
  repoPath: 'ES_SNAPSHOT_BOT_TEST_REPO_PATH',
} as const;

let localClusters: LocalClusters | undefined;

/** Elasticsearch names no `version.distribution`; OpenSearch always does. */
async function engineOf(url: string, envName: string): Promise<Engine> {
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { version?: { number?: string; distribution?: string } };
    if (!response.ok || body.version?.number === undefined) throw new Error(`HTTP ${response.status}`);
    const distribution: Distribution = body.version.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch';
    return { distribution, version: body.version.number };
  } catch (error) {
    throw new Error(`${envName}=${url}: GET / did not answer with a version (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** The user's own clusters, when all three variables are set; they must accept unsigned requests. */
async function userClusters(): Promise<RigContext | undefined> {
  const a = process.env[USER_CLUSTER_ENV.a];
  const b = process.env[USER_CLUSTER_ENV.b];
  const repoPath = process.env[USER_CLUSTER_ENV.repoPath];
  if (!a && !b && !repoPath) return undefined;
  if (!a || !b || !repoPath) {
    throw new Error(
      `set all of ${Object.values(USER_CLUSTER_ENV).join(', ')} to test against your own clusters, or none`,
    );
  }
  const [engineA, engineB] = await Promise.all([engineOf(a, USER_CLUSTER_ENV.a), engineOf(b, USER_CLUSTER_ENV.b)]);
  const engines = { a: engineA, b: engineB };
  return { engines, sharedRepoPath: repoPath, clusters: { a: { url: a }, b: { url: b } } };
}

async function startRig(): Promise<RigContext> {
  localClusters = await startLocalClusters();
  const { engines, sharedRepoPath, clusters } = localClusters;
  return { engines, sharedRepoPath, clusters };
}

/**
 * Starts clusters A and B once for the integration project. A cluster that cannot start fails the suite with the
 * reason; it never skips tests.
 */
async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const rig = (await userClusters()) ?? (await startRig());
  project.provide('rig', rig);
  const origin = localClusters === undefined ? 'your clusters' : `local, up in ${Date.now() - started} ms`;
  process.stdout.write(
    `rig: A ${engineLabel(rig.engines.a)} at ${rig.clusters.a.url}, B ${engineLabel(rig.engines.b)} at ` +
      `${rig.clusters.b.url} (${origin}), ` +
      `shared repo ${rig.sharedRepoPath}\n`,
  );
}

async function teardown(): Promise<void> {
  await localClusters?.stop();
  localClusters = undefined;
}

export { type RigContext, setup, teardown };
