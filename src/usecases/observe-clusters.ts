import { ClusterError, ClusterErrorCode, isClusterError } from '../core/cluster-errors.js';
import { type Job, StepName } from '../core/jobs/job.js';
import { JobState } from '../core/jobs/job-states.js';
import { currentStep } from '../core/jobs/job-steps.js';
import { hasLiveLease } from '../core/jobs/transitions.js';
import type { IndexRecovery } from '../core/model/recovery.js';
import type { SnapshotDetail, SnapshotProgress } from '../core/model/snapshot.js';
import { restoresOf, snapshotOf } from '../core/plans/plan-targets.js';
import { summarizeRecovery } from '../core/restore/recovery-summary.js';
import type { ClusterClient } from '../ports/cluster-client.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import type { ClusterLookup } from './steps/run-step.js';

type Unreachable = ClusterError<typeof ClusterErrorCode.UNREACHABLE>;

/** A batched read's answer, or the error it ended in, kept for the jobs that depend on it. */
type Fetched<T> = { value: T } | { error: unknown };

/** What one job waits for on one cluster. */
type Waiting = { cluster: string; repository: string; snapshot: string } | { cluster: string; targets: string[] };

/** What the waiting jobs of one cluster wait for: snapshot names by repository, and restore targets. */
type Awaited = { snapshots: Map<string, Set<string>>; targets: Set<string> };

type RepositoryAnswers = {
  /** The awaited snapshots: only these are answered from the batch, any other goes to the cluster. */
  asked: ReadonlySet<string>;
  running: Fetched<Map<string, SnapshotProgress>>;
  /** The asked snapshots that are not running, as `GET _snapshot` describes them; a missing one is absent. */
  ended: Fetched<Map<string, SnapshotDetail>>;
};

type ClusterAnswers = {
  /** Set when the cluster stopped answering: its waiting reads throw this, so its jobs wait. */
  unreachable: Unreachable | undefined;
  repositories: Map<string, RepositoryAnswers>;
  recovery: { targets: ReadonlySet<string>; answer: Fetched<IndexRecovery[]> } | undefined;
};

type Tally = { requests: number };

/** One tick's view of the clusters that jobs wait on. */
type ClusterObservation = {
  /**
   * The client the steps of this tick use for a cluster: the waiting reads (`getSnapshot`, `snapshotProgress`,
   * `restoreProgress`) of what was observed are answered from the batch, everything else goes to the cluster.
   */
  clientFor: ClusterLookup;
  /** How many reads the observation asked of the clusters, all together (one read may take several requests). */
  requests: number;
  /** The clusters that did not answer, with why. */
  unreachable: ReadonlyMap<string, Unreachable>;
};

/** What a running job that nobody holds waits for, when its next step only watches the cluster. */
function waitingFor(job: Job, now: Date): Waiting | undefined {
  if (job.state !== JobState.RUNNING || hasLiveLease(job, now)) return undefined;
  const step = currentStep(job);
  if (step?.name === StepName.AWAIT_SNAPSHOT) {
    const { repository, snapshot } = snapshotOf(job.plan);
    return { cluster: step.cluster, repository, snapshot };
  }
  if (step?.name === StepName.AWAIT_RESTORE) {
    return { cluster: step.cluster, targets: restoresOf(job.plan).restores.map((entry) => entry.target) };
  }
  return undefined;
}

function addWaiting(awaited: Awaited, waiting: Waiting): void {
  if ('targets' in waiting) {
    for (const target of waiting.targets) awaited.targets.add(target);
    return;
  }
  const names = awaited.snapshots.get(waiting.repository) ?? new Set<string>();
  names.add(waiting.snapshot);
  awaited.snapshots.set(waiting.repository, names);
}

function groupByCluster(jobs: readonly Job[], now: Date): Map<string, Awaited> {
  const clusters = new Map<string, Awaited>();
  for (const job of jobs) {
    const waiting = waitingFor(job, now);
    if (waiting === undefined) continue;
    const awaited = clusters.get(waiting.cluster) ?? { snapshots: new Map(), targets: new Set() };
    addWaiting(awaited, waiting);
    clusters.set(waiting.cluster, awaited);
  }
  return clusters;
}

/** Sends one read. A cluster that does not answer stops its observation; any other error is kept. */
async function ask<T>(tally: Tally, read: () => Promise<T>): Promise<Fetched<T>> {
  tally.requests += 1;
  try {
    return { value: await read() };
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.UNREACHABLE)) throw error;
    return { error };
  }
}

function bySnapshot<Entry extends { snapshot: string }>(entries: readonly Entry[]): Map<string, Entry> {
  return new Map(entries.map((entry) => [entry.snapshot, entry]));
}

/** `_status` of the repository's running snapshots, then one `GET _snapshot` for the asked ones that are not. */
async function observeRepository(
  client: ClusterClient,
  repository: string,
  asked: ReadonlySet<string>,
  tally: Tally,
): Promise<RepositoryAnswers> {
  const running = await ask(tally, async () => bySnapshot(await client.runningSnapshots(repository)));
  if ('error' in running) return { asked, running, ended: running };
  const notRunning = [...asked].filter((name) => !running.value.has(name));
  if (notRunning.length === 0) return { asked, running, ended: { value: new Map() } };
  const ended = await ask(tally, async () => bySnapshot(await client.getSnapshots(repository, notRunning)));
  return { asked, running, ended };
}

async function observeCluster(client: ClusterClient, awaited: Awaited, tally: Tally): Promise<ClusterAnswers> {
  const answers: ClusterAnswers = { unreachable: undefined, repositories: new Map(), recovery: undefined };
  try {
    for (const [repository, asked] of awaited.snapshots) {
      answers.repositories.set(repository, await observeRepository(client, repository, asked, tally));
    }
    if (awaited.targets.size > 0) {
      // Sorted, so that the same waiting jobs make the same request whatever order the table lists them in.
      const targets = [...awaited.targets].sort();
      const answer = await ask(tally, async () => (await client.restoreProgress(targets)).indices);
      answers.recovery = { targets: awaited.targets, answer };
    }
  } catch (error) {
    // `ask` lets only an unreachable cluster through.
    answers.unreachable = error as Unreachable;
  }
  return answers;
}

function unwrap<T>(fetched: Fetched<T>): T {
  if ('error' in fetched) throw fetched.error;
  return fetched.value;
}

/**
 * How the batch saw one snapshot: running (with its progress) or ended (with its detail); undefined when it was
 * not asked about. Throws what the cluster answered instead, or `snapshot_missing` when it does not exist.
 */
function lookUpSnapshot(
  alias: string,
  answers: ClusterAnswers,
  repository: string,
  snapshot: string,
): { running: SnapshotProgress } | { ended: SnapshotDetail } | undefined {
  if (answers.unreachable !== undefined) throw answers.unreachable;
  const found = answers.repositories.get(repository);
  if (found === undefined || !found.asked.has(snapshot)) return undefined;
  const progress = unwrap(found.running).get(snapshot);
  if (progress !== undefined) return { running: progress };
  const detail = unwrap(found.ended).get(snapshot);
  if (detail === undefined) {
    throw new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster: alias, repository, snapshot });
  }
  return { ended: detail };
}

/**
 * A running snapshot as `GET _snapshot` reports it: IN_PROGRESS for as long as `_status` lists it. `_status`
 * does not give its index list, metadata or failures, which nobody reads while it runs.
 */
function runningDetail(progress: SnapshotProgress): SnapshotDetail {
  return {
    repository: progress.repository,
    snapshot: progress.snapshot,
    uuid: '',
    state: 'IN_PROGRESS',
    indices: [],
    startTime: undefined,
    endTime: undefined,
    shards: { total: progress.shardsTotal, successful: progress.shardsDone, failed: progress.shardsFailed },
    failures: [],
    metadata: {},
  };
}

function viewOf(real: ClusterClient, answers: ClusterAnswers): ClusterClient {
  return {
    ...real,
    getSnapshot: async (repository, snapshot) => {
      const found = lookUpSnapshot(real.alias, answers, repository, snapshot);
      if (found === undefined) return real.getSnapshot(repository, snapshot);
      return 'running' in found ? runningDetail(found.running) : found.ended;
    },
    snapshotProgress: async (repository, snapshot) => {
      const found = lookUpSnapshot(real.alias, answers, repository, snapshot);
      // An ended snapshot's `_status` reads its files from the repository: only asked for when someone needs it.
      if (found !== undefined && 'running' in found) return found.running;
      return real.snapshotProgress(repository, snapshot);
    },
    restoreProgress: async (targets) => {
      if (answers.unreachable !== undefined) throw answers.unreachable;
      const { recovery } = answers;
      if (recovery === undefined || !targets.every((target) => recovery.targets.has(target))) {
        return real.restoreProgress(targets);
      }
      return summarizeRecovery(targets, unwrap(recovery.answer));
    },
  };
}

/**
 * Reads, in as few requests as it takes, what the jobs of one poller tick wait for: per cluster and repository
 * one `_status` for all running snapshots and one `GET _snapshot` for the awaited ones that are no longer
 * running, and per cluster one `_recovery` and one `_settings` for every awaited restore target (covered by
 * patterns when their names are many). Only running jobs nobody holds, whose next step waits on a snapshot or a
 * restore, are looked at: the requests follow the repositories and clusters waited on, never the number of jobs,
 * the size of the table or of a repository. A cluster that does not answer is remembered, not thrown: its jobs
 * wait, the others go on.
 *
 * @example
 * const observation = await observeClusters(context, await context.jobs.listActive(), context.clock.now());
 * await runJob(context, job.id, { clusterFor: observation.clientFor });
 */
async function observeClusters(context: BotContext, jobs: readonly Job[], now: Date): Promise<ClusterObservation> {
  const tally: Tally = { requests: 0 };
  const awaitedByCluster = [...groupByCluster(jobs, now)].flatMap(([alias, awaited]) => {
    const client = context.clusters.get(alias);
    return client === undefined ? [] : [{ alias, client, awaited }];
  });
  const observed = await Promise.all(
    awaitedByCluster.map(
      async ({ alias, client, awaited }) => [alias, await observeCluster(client, awaited, tally)] as const,
    ),
  );
  const answersByCluster = new Map(observed);
  const unreachable = new Map<string, Unreachable>();
  for (const [alias, answers] of observed)
    if (answers.unreachable !== undefined) unreachable.set(alias, answers.unreachable);
  return {
    clientFor: (alias) => {
      const real = clusterNamed(context, alias).client;
      const answers = answersByCluster.get(alias);
      return answers === undefined ? real : viewOf(real, answers);
    },
    requests: tally.requests,
    unreachable,
  };
}

export type { ClusterObservation };
export { observeClusters };
