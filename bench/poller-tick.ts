import { performance } from 'node:perf_hooks';
import type { Job } from '../src/core/jobs/job.js';
import { pollActiveJobs } from '../src/usecases/poll-active-jobs.js';
import { createFixedClock } from '../test/fakes/fixed-clock.js';
import { createBulkyIndex, deleteIndexDirectly, registerFsRepository } from '../test/rig/seed-indices.js';
import { type BenchBot, startBenchBot } from './bench-bot.js';
import type { BenchClusters } from './bench-clusters.js';
import { countsSince } from './counted-dynamodb.js';
import type { BenchSection } from './section.js';
import { finishedJob, seedJobs, waitingRestoreJob, waitingSnapshotJob } from './seeded-jobs.js';

const ACTIVE_COUNTS = [10, 100, 1000];
const FINISHED_JOBS = 10_000;
const TARGETS = { thousandActiveTickMs: 10_000 };
/** A round trip to DynamoDB from a Lambda in the same region takes a few milliseconds; dynalite here takes none. */
const ADDED_TABLE_LATENCY_MS = 5;
/** The ticks taken at each count of active jobs; at the last, also ticks that show what resuming 16 at once buys. */
const TICKS = ['first', 'steady'] as const;
const COMPARED_TICKS = ['one at a time', '16 at once, +5 ms', 'one at a time, +5 ms'] as const;

/**
 * The clusters the bot knows: three aliases, each behind a gateway of its own, on the two engines (two managed
 * domains of one engine are as independent as two engines). Five repositories in all.
 */
const LAYOUT = [
  { alias: 'a1', engine: 'a', repositories: ['tick-a1-nightly', 'tick-a1-hourly'] },
  { alias: 'a2', engine: 'a', repositories: ['tick-a2-nightly'] },
  { alias: 'b1', engine: 'b', repositories: ['tick-b1-nightly', 'tick-b1-hourly'] },
] as const;

/** Where the next job goes: a repository's snapshot, or a cluster's restore. Jobs go round these in turn. */
type Slot = { alias: string; engine: 'a' | 'b'; repository: string | undefined };

const SLOTS: Slot[] = LAYOUT.flatMap(({ alias, engine, repositories }) => [
  ...repositories.map((repository) => ({ alias, engine, repository })),
  { alias, engine, repository: undefined },
]);

type TickFigures = {
  active: number;
  which: (typeof TICKS)[number] | (typeof COMPARED_TICKS)[number];
  wallMs: number;
  /** Time spent waiting on the table, added up over the requests (they overlap when jobs run at once). */
  tableMs: number;
  resumed: number;
  clusterRequests: number;
  refused: number;
  reads: number;
  readsByOperation: Record<string, number>;
  writes: number;
  scans: number;
  slackCalls: number;
};

async function direct(url: string, method: string, path: string, body?: object): Promise<void> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/**
 * Each repository throttled to 100 kB/s and busy with a first snapshot of a 30 MB index: every snapshot the jobs wait
 * on queues behind it (the engine has one snapshot thread on two cores) and stays IN_PROGRESS for the whole bench,
 * so that every tick sees the same waiting jobs. The index is written in 30 segments, so that an abort, which the
 * engine notices between files, is heard within seconds. All repositories are registered before any snapshot
 * starts: a registration is verified on the snapshot thread, which a running copy holds.
 */
async function prepareRepositories(clusters: BenchClusters): Promise<void> {
  for (const url of [clusters.a, clusters.b]) {
    await createBulkyIndex(url, 'tick-bulky', { docs: 15_000, bytesPerDoc: 2000, shards: 1, segments: 30 });
  }
  for (const { engine, repositories } of LAYOUT) {
    for (const repository of repositories) {
      const location = `${clusters.sharedRepoPath}/${repository}`;
      await registerFsRepository(clusters[engine], repository, { location, max_snapshot_bytes_per_sec: '100kb' });
    }
  }
  for (const { engine, repositories } of LAYOUT) {
    for (const repository of repositories) await startSnapshot(clusters[engine], repository, 'tick-first');
  }
}

function startSnapshot(url: string, repository: string, snapshot: string): Promise<void> {
  return direct(url, 'PUT', `/_snapshot/${repository}/${snapshot}`, {
    indices: 'tick-bulky',
    include_global_state: false,
  });
}

/**
 * Aborts every snapshot of the bench, all repositories at once: an abort waits on the engine's one snapshot thread,
 * which another repository's throttled copy would hold for minutes. Then removes what the bench made.
 */
async function cleanUp(clusters: BenchClusters): Promise<void> {
  const gone = (url: string, path: string) =>
    fetch(new URL(path, url), { method: 'DELETE', signal: AbortSignal.timeout(180_000) });
  const made = LAYOUT.flatMap(({ engine, repositories }) =>
    repositories.map((repository) => ({ url: clusters[engine], repository })),
  );
  await Promise.all(made.map(({ url, repository }) => gone(url, `/_snapshot/${repository}/*`)));
  await Promise.all(made.map(({ url, repository }) => gone(url, `/_snapshot/${repository}`)));
  for (const url of [clusters.a, clusters.b]) await deleteIndexDirectly(url, 'tick-bulky');
}

/** Restore targets named as restored daily indices are: what makes the `_recovery` request line long. */
function targetName(position: number): string {
  return `restored-logs-2026.11.03-${String(position).padStart(5, '0')}`;
}

/** The active jobs from `from` up to `to`, each one's snapshot started on its cluster first. */
async function addActiveJobs(clusters: BenchClusters, from: number, to: number, at: string): Promise<Job[]> {
  const jobs: Job[] = [];
  const snapshots: Array<() => Promise<void>> = [];
  for (let position = from; position < to; position += 1) {
    const slot = SLOTS[position % SLOTS.length] as Slot;
    const id = `tick${String(position).padStart(5, '0')}`;
    if (slot.repository === undefined) {
      jobs.push(waitingRestoreJob(id, slot.alias, targetName(position), at));
      continue;
    }
    const { repository } = slot;
    const snapshot = `tick-job-${position}`;
    snapshots.push(() => startSnapshot(clusters[slot.engine], repository, snapshot));
    jobs.push(waitingSnapshotJob(id, slot.alias, repository, snapshot, at));
  }
  // A few at a time: each start is a cluster state update, which the engine applies one after the other anyway.
  for (let first = 0; first < snapshots.length; first += 4) {
    await Promise.all(snapshots.slice(first, first + 4).map((start) => start()));
  }
  return jobs;
}

async function measureTick(bot: BenchBot, active: number, which: TickFigures['which']): Promise<TickFigures> {
  const options = which.startsWith('one at a time') ? { resumedAtOnce: 1 } : {};
  bot.table.addedMs.each = which.endsWith('+5 ms') ? ADDED_TABLE_LATENCY_MS : 0;
  await bot.tasks.idle();
  const requestsBefore = new Map([...bot.gateways].map(([alias, gateway]) => [alias, gateway.requests.length]));
  const slackBefore = bot.slack.calls.length;
  const tableBefore = new Map(bot.table.counts);
  const waitedBefore = bot.table.waitedMs.total;
  const started = performance.now();
  const summary = await pollActiveJobs(bot.context, options);
  await bot.tasks.idle();
  const wallMs = performance.now() - started;
  const sent = [...bot.gateways].flatMap(([alias, gateway]) => gateway.requests.slice(requestsBefore.get(alias)));
  const table = countsSince(bot.table.counts, tableBefore);
  return {
    active,
    which,
    wallMs,
    tableMs: bot.table.waitedMs.total - waitedBefore,
    resumed: summary.resumed,
    clusterRequests: sent.length,
    refused: sent.filter((request) => request.status >= 300).length,
    reads: table.reads,
    readsByOperation: table.byOperation,
    writes: table.writes,
    scans: table.scans,
    slackCalls: bot.slack.calls.length - slackBefore,
  };
}

/** One tick as the deployed poller runs it, a minute after the last, for 10, 100 and 1,000 active jobs. */
async function measureTicks(clusters: BenchClusters): Promise<{ ticks: TickFigures[]; stillActive: number }> {
  const clock = createFixedClock(new Date());
  const bot = await startBenchBot({
    clusters: Object.fromEntries(LAYOUT.map(({ alias, engine }) => [alias, clusters[engine]])),
    clock,
  });
  try {
    await prepareRepositories(clusters);
    const long = new Date(clock.now().getTime() - 30 * 86_400_000);
    const finished = Array.from({ length: FINISHED_JOBS }, (_, position) =>
      finishedJob(
        `done${String(position).padStart(5, '0')}`,
        SLOTS[position % SLOTS.length]?.alias ?? 'a1',
        long.toISOString(),
      ),
    );
    await seedJobs(bot.seedClient, bot.tableName, finished);
    // Each client learns its cluster's dialect (GET /) once in its life, not once per tick.
    for (const client of bot.context.clusters.values()) await client.health();
    const ticks: TickFigures[] = [];
    let seeded = 0;
    for (const active of ACTIVE_COUNTS) {
      await seedJobs(
        bot.seedClient,
        bot.tableName,
        await addActiveJobs(clusters, seeded, active, clock.now().toISOString()),
      );
      seeded = active;
      for (const tick of active === ACTIVE_COUNTS.at(-1) ? [...TICKS, ...COMPARED_TICKS] : TICKS) {
        clock.advance(60_000);
        ticks.push(await measureTick(bot, active, tick));
      }
    }
    return { ticks, stillActive: (await bot.context.jobs.listActive()).length };
  } finally {
    await bot.close();
    await cleanUp(clusters);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function tickRow(tick: TickFigures): string {
  const reads = Object.entries(tick.readsByOperation)
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
  const refused = tick.refused === 0 ? '' : ` (${tick.refused} refused)`;
  return `| ${tick.active} | ${tick.which} | ${seconds(tick.wallMs)} | ${seconds(tick.tableMs)} | ${tick.resumed} | ${tick.clusterRequests}${refused} | ${tick.reads} | ${tick.writes} | ${reads} | ${tick.slackCalls} |`;
}

/** The poller-tick section of docs/BENCHMARKS.md, targets included. */
async function pollerTickSection(clusters: BenchClusters): Promise<BenchSection> {
  const { ticks, stillActive } = await measureTicks(clusters);
  const steady = ticks.filter((tick) => tick.which === 'steady');
  const requestCounts = [...new Set(steady.map((tick) => `${tick.clusterRequests}${tick.refused > 0 ? '!' : ''}`))];
  const thousand = steady.find((tick) => tick.active === 1000);
  const slowest = Math.max(
    ...ticks
      .filter((tick) => tick.active === 1000 && (TICKS as readonly string[]).includes(tick.which))
      .map((tick) => tick.wallMs),
  );
  const scans = ticks.reduce((total, tick) => total + tick.scans, 0);
  const repositories = LAYOUT.reduce((total, cluster) => total + cluster.repositories.length, 0);
  const markdown = [
    '## Poller tick at scale',
    '',
    `One tick of the poller (\`pollActiveJobs\`, as the scheduled Lambda runs it) over ${LAYOUT.length} clusters (${LAYOUT.map((cluster) => cluster.alias).join(', ')}, each behind a SigV4 gateway of its own that counts what it forwards; a1 and a2 on engine A, b1 on B) and ${repositories} repositories, with ${FINISHED_JOBS.toLocaleString('en')} finished jobs in the dynalite table and 10, 100, then 1,000 active jobs: five in eight wait on their own snapshot (queued behind a copy throttled to 100 kB/s, so IN_PROGRESS throughout), three in eight on a restore whose target index (named like \`${targetName(1)}\`) does not exist yet. "first" is the tick right after the new jobs appear, "steady" the tick a minute later, both resuming 16 jobs at once (the poller's default); at 1,000 come three more ticks for comparison: "one at a time" with \`resumedAtOnce: 1\`, as the poller ran before, and both ways again with ${ADDED_TABLE_LATENCY_MS} ms added to every table request, as a round trip to DynamoDB itself would add (dynalite answers in process; the targets are checked on the ticks without it). DynamoDB requests are counted, and the time waited on them added up, by a middleware on the bot's own client (dynalite runs in the same process, so its own work is in that time); Slack calls are counted by the loopback Slack API, which is called only when a job's message has something new to show. The clock is the rig's: a minute passes between ticks without waiting for it.`,
    '',
    `Cluster requests are one \`_status\` per repository and one \`_recovery\` plus one \`_settings\` per cluster for all its restore targets, however many. At 1,000 jobs each cluster waits on 125 targets, whose names no longer fit in one request line (the engines refuse a line over 4 kB, \`http.max_initial_line_length\`, with 400): they are asked by index patterns that cover them, the names cut to the longest length at which the patterns fit, and only the targets are kept from the answer. A tick's table cost is one Query of the active-jobs index, whatever the table holds, then per waiting job two PutItem: the claim, conditional on the version the Query listed, and the write-back where the step waits. The checks for a cancel look at what those two writes wrote, since both are conditional on the version, instead of reading the job again.`,
    '',
    '| active jobs | tick | wall time | waited on DynamoDB (summed) | jobs resumed | cluster requests | DynamoDB reads | DynamoDB writes | reads by operation | Slack calls |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...ticks.map(tickRow),
    '',
    `Jobs still active after the last tick: ${stillActive} of 1000.`,
    '',
  ];
  const checks = [
    {
      target: `poller tick: cluster requests the same for 10, 100 and 1,000 active jobs at ${repositories} repositories, none refused`,
      measured: `steady ticks: ${steady.map((tick) => tick.clusterRequests).join(', ')}`,
      met: requestCounts.length === 1 && !requestCounts[0]?.endsWith('!'),
    },
    {
      target: `poller tick: 1,000 active jobs under ${seconds(TARGETS.thousandActiveTickMs)}`,
      measured: `slowest: ${seconds(slowest)}`,
      met: thousand !== undefined && slowest < TARGETS.thousandActiveTickMs,
    },
    { target: 'poller tick: no Scan', measured: String(scans), met: scans === 0 },
    {
      target: 'poller tick: every job still waiting after the ticks',
      measured: `${stillActive} of 1000`,
      met: stillActive === 1000,
    },
  ];
  return { markdown, checks };
}

export { pollerTickSection };
