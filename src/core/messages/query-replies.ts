import type { Job, JobEvent } from '../jobs/job.js';
import { effectiveState } from '../jobs/transitions.js';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../model/cluster-info.js';
import type { SnapshotDetail, SnapshotListEntry, SnapshotProgress } from '../model/snapshot.js';
import type { Catalog } from '../words/catalog.js';
import { type Block, context, header, type SlackMessage, sectionsOf, withinBlockLimit } from './blocks.js';
import { formatBytes, formatDuration, formatPercent, progressBar, slackDate } from './format.js';
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
    const engine = `${info.distribution} ${info.version}`;
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

function snapshotListReply(
  cluster: string,
  repository: string,
  snapshots: readonly SnapshotListEntry[],
  catalog: Catalog,
): SlackMessage {
  const lines = snapshots.map((entry) => {
    const when = entry.startTime === undefined ? '' : ` · ${slackDate(entry.startTime.toISOString())}`;
    const took =
      entry.startTime !== undefined && entry.endTime !== undefined
        ? ` · ${formatDuration(entry.endTime.getTime() - entry.startTime.getTime())}`
        : '';
    const { successful, total } = entry.shards;
    return `${catalog.snapshotListLine(entry.snapshot, entry.state, entry.indexCount, successful, total)}${when}${took}`;
  });
  return reply(
    catalog.snapshotsTitle(repository, cluster),
    sectionsOf(lines.length > 0 ? lines : [catalog.noSnapshots]),
  );
}

function snapshotStatusReply(
  cluster: string,
  detail: SnapshotDetail,
  progress: SnapshotProgress | undefined,
  catalog: Catalog,
): SlackMessage {
  const { shards } = detail;
  const lines = [
    catalog.snapshotState(detail.state, shards.successful, shards.total, shards.failed),
    ...(progress === undefined
      ? []
      : [
          `${progressBar(progress.percent)} ${formatPercent(progress.percent)} · ${catalog.bytesOf(formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal))}`,
        ]),
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

/** Everything recorded about a job: the full plan, each step with its times, and every transition with who. */
function jobDetailReply(job: Job, catalog: Catalog, now: Date): SlackMessage {
  const state = catalog.state[effectiveState(job, now)];
  const steps = job.steps.map((step) => {
    const times = [step.startedAt, step.endedAt]
      .filter((time) => time !== undefined)
      .map((time) => slackDate(time as string));
    return `• ${catalog.step[step.name]} (${step.cluster}): *${catalog.stepStatus[step.status]}*${times.length > 0 ? ` · ${times.join(' → ')}` : ''}${step.detail === undefined ? '' : ` — ${step.detail}`}`;
  });
  const history = job.history.map((entry) => {
    const detail = historyDetail(entry, catalog);
    return `• ${slackDate(entry.at)} *${catalog.historyEvent(entry.event)}*${entry.by === undefined ? '' : catalog.historyBy(entry.by)}${detail === undefined ? '' : ` — ${detail}`}`;
  });
  const title = catalog.jobDetailTitle(job.id, catalog.kind[job.kind], planCluster(job.plan), state);
  return reply(title, [
    context(`\`/es ${job.requestText}\``),
    ...sectionsOf(planLines(job.plan, catalog, job.id, true)),
    ...sectionsOf([catalog.stepsHeading, ...steps]),
    ...sectionsOf([catalog.historyHeading, ...history]),
  ]);
}

export type { ClusterOverview };
export { clustersReply, jobDetailReply, jobsReply, repositoriesReply, snapshotListReply, snapshotStatusReply };
