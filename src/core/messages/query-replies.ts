import { approvalsOfPlan } from '../approval/plan-approvals.js';
import type { Job, JobEvent, JobStep } from '../jobs/job.js';
import { isFinal } from '../jobs/job-states.js';
import { effectiveState } from '../jobs/transitions.js';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../model/cluster-info.js';
import type { SnapshotDetail, SnapshotListEntry, SnapshotProgress } from '../model/snapshot.js';
import { shownEngine } from '../preflight/engine-version.js';
import type { Catalog } from '../words/catalog.js';
import { type Block, context, header, type SlackMessage, sectionsOf, withinBlockLimit } from './blocks.js';
import { formatAge, formatBytes, formatDuration, formatPercent, progressBar, slackDate, slackTime } from './format.js';
import { isSlackUser } from './mentions.js';
import { planCluster, planLines } from './plan-lines.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;
/** How the transitions record an approval's count. */
const APPROVAL_COUNT = /^(\d+) of (\d+)$/;

function reply(title: string, blocks: Block[]): SlackMessage {
  return { text: title, blocks: withinBlockLimit([header(title), ...blocks]) };
}

type ClusterOverview = {
  alias: string;
  endpoint: string;
  defaultRepository: string | undefined;
  answer: { info: ClusterInfo; health: ClusterHealth } | { error: string };
};

const HEALTH_ICON = { green: ':large_green_circle:', yellow: ':large_yellow_circle:', red: ':red_circle:' } as const;

function clustersReply(clusters: readonly ClusterOverview[], catalog: Catalog): SlackMessage {
  const lines = clusters.map((cluster) => {
    if ('error' in cluster.answer) return `:warning: *${cluster.alias}* — ${cluster.answer.error}`;
    const { info, health } = cluster.answer;
    const engine = shownEngine(info.distribution, info.version);
    const icon = HEALTH_ICON[health.status];
    return catalog.clusterLine(icon, cluster.alias, engine, health.status, health.nodes, cluster.defaultRepository);
  });
  return reply(catalog.clustersTitle, sectionsOf(lines));
}

function repositoriesReply(
  cluster: string,
  repositories: readonly RepositorySummary[],
  catalog: Catalog,
): SlackMessage {
  const lines = repositories.map((repository) => {
    const where = repository.settings.bucket ?? repository.settings.location ?? '';
    const note = repository.name.startsWith('cs-automated') ? catalog.automatedNote : '';
    return `• \`${repository.name}\` — ${repository.type} ${where}${note}`;
  });
  return reply(catalog.repositoriesTitle(cluster), sectionsOf(lines.length > 0 ? lines : [catalog.noRepositories]));
}

/**
 * What a finished snapshot holds, with what it copied when that is less: a snapshot that found every file in an
 * earlier one copied 0 B but is not empty.
 */
function heldSize(progress: SnapshotProgress, catalog: Catalog): string {
  const held = formatBytes(progress.bytesHeld);
  return progress.bytesTotal < progress.bytesHeld ? catalog.heldWithNew(held, formatBytes(progress.bytesTotal)) : held;
}

/** A snapshot's size as `_status` counts it: what it holds, or done of total while it runs. */
function sizeOf(progress: SnapshotProgress | undefined, catalog: Catalog): string | undefined {
  if (progress === undefined) return undefined;
  if (!progress.totalsKnown) return catalog.snapshotStarting;
  if (progress.percent >= 100) return heldSize(progress, catalog);
  return catalog.bytesOf(formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal));
}

/**
 * To the millisecond from `_status` where it said, else from the list's whole seconds. Either may say 0 for a
 * snapshot that took under a second, which is shown as such rather than as "0 s".
 */
function tookOf(entry: SnapshotListEntry, progress: SnapshotProgress | undefined): string | undefined {
  if (progress?.tookMs !== undefined) return formatDuration(Math.max(progress.tookMs, 1));
  if (entry.startTime === undefined || entry.endTime === undefined) return undefined;
  return formatDuration(Math.max(entry.endTime.getTime() - entry.startTime.getTime(), 1));
}

/**
 * One line per snapshot: state, indices, shards, size, how long it took and how long ago it started. `totals` is
 * the snapshots' `_status`: a running snapshot's shards come from there too, as in its job's message and `status`.
 */
function snapshotListReply(
  cluster: string,
  repository: string,
  snapshots: readonly SnapshotListEntry[],
  totals: readonly SnapshotProgress[],
  catalog: Catalog,
  now: Date,
): SlackMessage {
  const bySnapshot = new Map(totals.map((entry) => [entry.snapshot, entry]));
  const lines = snapshots.map((entry) => {
    const progress = bySnapshot.get(entry.snapshot);
    const running = entry.state === 'IN_PROGRESS' && progress !== undefined;
    const successful = running ? progress.shardsDone : entry.shards.successful;
    const total = running ? progress.shardsTotal : entry.shards.total;
    const age = entry.startTime === undefined ? undefined : formatAge(entry.startTime, now);
    const facts = catalog.snapshotFacts(sizeOf(progress, catalog), tookOf(entry, progress), age);
    return `${catalog.snapshotListLine(entry.snapshot, entry.state, entry.indexCount, successful, total)}${facts}`;
  });
  return reply(
    catalog.snapshotsTitle(repository, cluster),
    sectionsOf(lines.length > 0 ? lines : [catalog.noSnapshots]),
  );
}

function progressReading(progress: SnapshotProgress, catalog: Catalog): string {
  if (!progress.totalsKnown) return `${progressBar(0)} ${catalog.snapshotStarting}`;
  const bytes =
    progress.percent >= 100
      ? heldSize(progress, catalog)
      : catalog.bytesOf(formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal));
  return `${progressBar(progress.percent)} ${formatPercent(progress.percent)} · ${bytes}`;
}

function snapshotStatusReply(
  cluster: string,
  detail: SnapshotDetail,
  progress: SnapshotProgress | undefined,
  catalog: Catalog,
): SlackMessage {
  // A running snapshot's `GET _snapshot` counts no shards yet: `_status` does, as the job's message shows them.
  const shards =
    detail.state === 'IN_PROGRESS' && progress !== undefined
      ? { successful: progress.shardsDone, total: progress.shardsTotal, failed: progress.shardsFailed }
      : detail.shards;
  const lines = [
    catalog.snapshotState(detail.state, shards.successful, shards.total, shards.failed),
    ...(progress === undefined ? [] : [progressReading(progress, catalog)]),
    ...(detail.startTime === undefined ? [] : [catalog.startedAt(slackDate(detail.startTime.toISOString()))]),
    ...(detail.startTime !== undefined && detail.endTime !== undefined
      ? [catalog.took(formatDuration(detail.endTime.getTime() - detail.startTime.getTime()))]
      : []),
    catalog.snapshotIndices(detail.indices.length, detail.indices.map((index) => `\`${index}\``).join(', ')),
    ...detail.failures
      .slice(0, 10)
      .map((failure) => `:x: ${catalog.shardFailure(failure.index, failure.shardId, failure.reason)}`),
  ];
  return reply(catalog.snapshotTitle(detail.snapshot, detail.repository, cluster), sectionsOf(lines));
}

function jobsReply(jobs: readonly Job[], title: string, catalog: Catalog, now: Date): SlackMessage {
  const lines = jobs.map((job) => {
    const state = catalog.state[effectiveState(job, now)];
    const kind = catalog.kind[job.kind];
    return catalog.jobsLine(job.id, kind, planCluster(job.plan), state, job.requestedBy, slackDate(job.createdAt));
  });
  return reply(title, sectionsOf(lines.length > 0 ? lines : [catalog.noJobs]));
}

/**
 * What a history entry says beside its event, in the reader's language. An expiry records its deadline alone
 * (jobs stored before that recorded a sentence, shown as it is); an approval records `1 of 2`.
 */
function historyDetail(entry: JobEvent, catalog: Catalog): string | undefined {
  const { event, detail } = entry;
  if (detail === undefined) return undefined;
  if (event === 'expired' && ISO_TIME.test(detail)) return catalog.notApprovedBy(detail);
  const count = APPROVAL_COUNT.exec(detail);
  if ((event === 'approved' || event === 'approval-recorded') && count !== null) {
    return catalog.approvalCount(count[1] as string, count[2] as string);
  }
  return detail;
}

/**
 * Recorded events that are not news to a person: a `resumed` written by workers of an older release at every pick-up
 * of a waiting job (thirty of them for a four-minute snapshot). A worker that stopped is recorded under its own
 * event (`TAKEN_OVER` in transitions.ts) and is shown.
 */
const ROUTINE_EVENTS = new Set(['resumed']);

/** The events that end a job: written in the same instant as its last step's end, and read after it. */
const ENDINGS = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

/**
 * `order` breaks ties of one instant (a quick step starts, ends and the next starts in one write): the job's
 * events first, then the steps in their order, each start before its end, and the job's ending last.
 */
type TimelineEntry = { at: string; order: number; line: string };

function stepTimeline(step: JobStep, position: number, catalog: Catalog): TimelineEntry[] {
  const name = `${catalog.step[step.name]} (${step.cluster})`;
  const entries: TimelineEntry[] = [];
  if (step.startedAt !== undefined) {
    entries.push({ at: step.startedAt, order: 2 * position + 1, line: catalog.stepEvent('started', name) });
  }
  if (step.endedAt !== undefined)
    entries.push({ at: step.endedAt, order: 2 * position + 2, line: catalog.stepEvent(step.status, name) });
  return entries;
}

function eventLine(entry: JobEvent, catalog: Catalog): string {
  const detail = historyDetail(entry, catalog);
  // Only people are mentioned: `by` of older records may name a worker, which is no Slack user.
  const by = isSlackUser(entry.by) ? catalog.historyBy(entry.by) : '';
  return `*${catalog.historyEvent(entry.event)}*${by}${detail === undefined ? '' : ` — ${detail}`}`;
}

/**
 * One line per real event, oldest first: the recorded transitions (requested, approvals, notices, cancel, outcome,
 * a take-over after a worker stopped) and each step's start and end, to the second in `timeZone`.
 */
function historyLines(job: Job, catalog: Catalog, timeZone: string | undefined): string[] {
  const events = job.history
    .filter((entry) => !ROUTINE_EVENTS.has(entry.event))
    .map((entry) => ({
      at: entry.at,
      order: ENDINGS.has(entry.event) ? Number.MAX_SAFE_INTEGER : 0,
      line: eventLine(entry, catalog),
    }));
  const steps = job.steps.flatMap((step, position) => stepTimeline(step, position, catalog));
  return [...events, ...steps]
    .sort((left, right) => Date.parse(left.at) - Date.parse(right.at) || left.order - right.order)
    .map((entry) => `• ${slackTime(entry.at, timeZone)} ${entry.line}`);
}

/** A step as `job <id>` shows it; a step a finished job never reached was not run, not pending. */
function stepDetailLine(step: JobStep, jobEnded: boolean, catalog: Catalog, timeZone?: string): string {
  const times = [step.startedAt, step.endedAt]
    .filter((time) => time !== undefined)
    .map((time) => slackTime(time as string, timeZone));
  const status = jobEnded && step.status === 'pending' ? catalog.stepNotRun : catalog.stepStatus[step.status];
  const shownTimes = times.length > 0 ? ` · ${times.join(' → ')}` : '';
  return `• ${catalog.step[step.name]} (${step.cluster}): *${status}*${shownTimes}${step.detail === undefined ? '' : ` — ${step.detail}`}`;
}

/**
 * Everything recorded about a job: the full plan, each step with its times, and its history. Times are to the
 * second, in `timeZone` (the reader's, where Slack gave it; UTC otherwise).
 */
function jobDetailReply(job: Job, catalog: Catalog, now: Date, timeZone?: string): SlackMessage {
  const state = catalog.state[effectiveState(job, now)];
  const steps = job.steps.map((step) => stepDetailLine(step, isFinal(job.state), catalog, timeZone));
  const history = historyLines(job, catalog, timeZone);
  const title = catalog.jobDetailTitle(job.id, catalog.kind[job.kind], planCluster(job.plan), state);
  return reply(title, [
    context(`\`/es ${job.requestText}\``),
    ...sectionsOf(planLines(job.plan, catalog, job.id, true)),
    ...sectionsOf([catalog.stepsHeading, ...steps]),
    ...sectionsOf([catalog.historyHeading, ...history]),
  ]);
}

/** The team's last finished jobs, newest first: outcome, who asked, who approved, when it ended. */
function recentJobsReply(jobs: readonly Job[], cluster: string | undefined, catalog: Catalog): SlackMessage {
  const lines = jobs.map((job) => {
    const approvers = approvalsOfPlan(job).map((approval) => `<@${approval.userId}>`);
    const rejecter = job.history.find((entry) => entry.event === 'rejected')?.by;
    return catalog.recentJobLine(
      job.id,
      catalog.kind[job.kind],
      planCluster(job.plan),
      catalog.state[job.state],
      `<@${job.requestedBy}>`,
      {
        approvers: approvers.length === 0 ? undefined : approvers.join(', '),
        rejecter: rejecter === undefined ? undefined : `<@${rejecter}>`,
      },
      slackDate(job.updatedAt),
    );
  });
  return reply(catalog.recentJobs(cluster), sectionsOf(lines.length > 0 ? lines : [catalog.noJobs]));
}

export type { ClusterOverview };
export {
  clustersReply,
  jobDetailReply,
  jobsReply,
  recentJobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
};
