import type { Job } from '../jobs/job.js';
import { effectiveState } from '../jobs/transitions.js';
import type { ClusterHealth, ClusterInfo, RepositorySummary } from '../model/cluster-info.js';
import type { SnapshotDetail, SnapshotListEntry, SnapshotProgress } from '../model/snapshot.js';
import type { Catalog } from '../words/catalog.js';
import { type Block, context, header, type SlackMessage, sectionsOf, withinBlockLimit } from './blocks.js';
import { formatBytes, formatDuration, formatPercent, progressBar, slackDate } from './format.js';
import { planCluster, planLines } from './plan-lines.js';

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

function clustersReply(clusters: readonly ClusterOverview[]): SlackMessage {
  const lines = clusters.map((cluster) => {
    const repository =
      cluster.defaultRepository === undefined
        ? 'no default repository'
        : `default repository \`${cluster.defaultRepository}\``;
    if ('error' in cluster.answer) return `:warning: *${cluster.alias}* — ${cluster.answer.error}`;
    const { info, health } = cluster.answer;
    return `${HEALTH_ICON[health.status]} *${cluster.alias}* — ${info.distribution} ${info.version}, ${health.status}, ${health.nodes} node(s), ${repository}`;
  });
  return reply('Clusters', sectionsOf(lines));
}

function repositoriesReply(cluster: string, repositories: readonly RepositorySummary[]): SlackMessage {
  const lines = repositories.map((repository) => {
    const where = repository.settings.bucket ?? repository.settings.location ?? '';
    const note = repository.name.startsWith('cs-automated') ? ' (automated snapshots: list and restore only)' : '';
    return `• \`${repository.name}\` — ${repository.type} ${where}${note}`;
  });
  return reply(`Repositories on ${cluster}`, sectionsOf(lines.length > 0 ? lines : ['No repository is registered.']));
}

function snapshotListReply(cluster: string, repository: string, snapshots: readonly SnapshotListEntry[]): SlackMessage {
  const lines = snapshots.map((entry) => {
    const when = entry.startTime === undefined ? '' : ` · ${slackDate(entry.startTime.toISOString())}`;
    const took =
      entry.startTime !== undefined && entry.endTime !== undefined
        ? ` · ${formatDuration(entry.endTime.getTime() - entry.startTime.getTime())}`
        : '';
    return `• \`${entry.snapshot}\` — *${entry.state}* · ${entry.indexCount} indices · ${entry.shards.successful}/${entry.shards.total} shards${when}${took}`;
  });
  return reply(
    `Snapshots in ${repository} on ${cluster} (newest first)`,
    sectionsOf(lines.length > 0 ? lines : ['No snapshots yet.']),
  );
}

function snapshotStatusReply(
  cluster: string,
  detail: SnapshotDetail,
  progress: SnapshotProgress | undefined,
): SlackMessage {
  const lines = [
    `*State:* ${detail.state} · ${detail.shards.successful}/${detail.shards.total} shards (${detail.shards.failed} failed)`,
    ...(progress === undefined
      ? []
      : [
          `${progressBar(progress.percent)} ${formatPercent(progress.percent)} · ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`,
        ]),
    ...(detail.startTime === undefined ? [] : [`*Started:* ${slackDate(detail.startTime.toISOString())}`]),
    ...(detail.startTime !== undefined && detail.endTime !== undefined
      ? [`*Took:* ${formatDuration(detail.endTime.getTime() - detail.startTime.getTime())}`]
      : []),
    `*Indices (${detail.indices.length}):* ${detail.indices.map((index) => `\`${index}\``).join(', ')}`,
    ...detail.failures
      .slice(0, 10)
      .map((failure) => `:x: ${failure.index}[${failure.shardId ?? '?'}]: ${failure.reason}`),
  ];
  return reply(`Snapshot ${detail.snapshot} in ${detail.repository} on ${cluster}`, sectionsOf(lines));
}

function jobsReply(jobs: readonly Job[], title: string, catalog: Catalog, now: Date): SlackMessage {
  const lines = jobs.map((job) => {
    const state = catalog.state[effectiveState(job, now)];
    return `• \`${job.id}\` — ${catalog.kind[job.kind]} on ${planCluster(job.plan)} · *${state}* · <@${job.requestedBy}> · ${slackDate(job.createdAt)}`;
  });
  return reply(title, sectionsOf(lines.length > 0 ? lines : ['No jobs.']));
}

/** Everything recorded about a job: the full plan, each step with its times, and every transition with who. */
function jobDetailReply(job: Job, catalog: Catalog, now: Date): SlackMessage {
  const state = catalog.state[effectiveState(job, now)];
  const steps = job.steps.map((step) => {
    const times = [step.startedAt, step.endedAt]
      .filter((time) => time !== undefined)
      .map((time) => slackDate(time as string));
    return `• ${catalog.step[step.name]} (${step.cluster}): *${step.status}*${times.length > 0 ? ` · ${times.join(' → ')}` : ''}${step.detail === undefined ? '' : ` — ${step.detail}`}`;
  });
  const history = job.history.map(
    (entry) =>
      `• ${slackDate(entry.at)} *${entry.event}*${entry.by === undefined ? '' : ` by <@${entry.by}>`}${entry.detail === undefined ? '' : ` — ${entry.detail}`}`,
  );
  return reply(`Job ${job.id}: ${catalog.kind[job.kind]} on ${planCluster(job.plan)}, ${state}`, [
    context(`\`/es ${job.requestText}\``),
    ...sectionsOf(planLines(job.plan, catalog, job.id, true)),
    ...sectionsOf(['*Steps*', ...steps]),
    ...sectionsOf(['*History*', ...history]),
  ]);
}

export type { ClusterOverview };
export { clustersReply, jobDetailReply, jobsReply, repositoriesReply, snapshotListReply, snapshotStatusReply };
