import { ClusterErrorCode, isClusterError } from '../core/cluster-errors.js';
import { clustersOfPlan } from '../core/commands/clusters-named.js';
import type { RequestOfKind } from '../core/commands/index.js';
import { BotError, JobNotFoundError } from '../core/errors.js';
import type { RequestOf } from '../core/grammar/command-request.js';
import type { Job } from '../core/jobs/job.js';
import { isFinal } from '../core/jobs/job-states.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import {
  type ClusterOverview,
  clustersReply,
  jobDetailReply,
  jobsReply,
  recentJobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
} from '../core/messages/query-replies.js';
import { chooseRepository } from '../core/plans/repository-choice.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { assertChannelAllowed, mayUseChannel } from './channel-rules.js';

/** Read-only verbs: asked of the cluster or the job store, answered to the person who asked. */
type QueryRequest = RequestOfKind<'query'>;

/**
 * How long `clusters` waits for each cluster, all retries included: a hung cluster gets its line ("not answering")
 * in this time instead of holding every other cluster's line back for its full timeouts.
 */
const OVERVIEW_DEADLINE_MS = 5_000;

async function overview(context: BotContext, alias: string): Promise<ClusterOverview> {
  const { config, client } = clusterNamed(context, alias);
  const base = { alias, endpoint: config.endpoint.origin, defaultRepository: config.defaultRepository?.name };
  const within = { deadlineMs: OVERVIEW_DEADLINE_MS };
  try {
    const [info, health] = await Promise.all([client.info(within), client.health(within)]);
    return { ...base, answer: { info, health } };
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.UNREACHABLE) && error.evidence.reason === 'timeout') {
      return { ...base, answer: { error: context.catalog.notAnsweringWithin(OVERVIEW_DEADLINE_MS / 1000) } };
    }
    // One cluster that does not answer is a line of the reply, said like any error: never its raw message.
    if (error instanceof BotError) return { ...base, answer: { error: error.saidIn(context.catalog).text } };
    const reference = context.ids.newId();
    context.logger.error({ reference, cluster: alias, err: error }, 'asking a cluster for its overview failed');
    return { ...base, answer: { error: context.catalog.unexpected(reference).text } };
  }
}

/** The clusters this channel may use: another team's clusters are not shown, let alone asked. */
async function answerClusters(
  context: BotContext,
  _request: RequestOf<'clusters'>,
  { channelId }: Pick<CommandTask, 'channelId'>,
): Promise<SlackMessage> {
  const here = [...context.config.clusters.keys()].filter((alias) => mayUseChannel(context, alias, channelId));
  const overviews = await Promise.all(here.map((alias) => overview(context, alias)));
  return clustersReply(overviews, context.catalog);
}

async function answerRepositories(context: BotContext, request: RequestOf<'repos'>): Promise<SlackMessage> {
  const repositories = await clusterNamed(context, request.cluster).client.listRepositories();
  return repositoriesReply(request.cluster, repositories, context.catalog);
}

async function answerList(context: BotContext, request: RequestOf<'list'>): Promise<SlackMessage> {
  const { config, client } = clusterNamed(context, request.cluster);
  const repository = chooseRepository(request.cluster, request.repository, config.defaultRepository?.name, 'read');
  const snapshots = await client.listSnapshots(repository, { limit: request.limit });
  // Sizes and running snapshots' shards are `_status`'s, read for the listed snapshots only (at most `limit`).
  const totals = await client.snapshotsProgress(
    repository,
    snapshots.map((entry) => entry.snapshot),
  );
  return snapshotListReply(request.cluster, repository, snapshots, totals, context.catalog, context.clock.now());
}

async function answerStatus(context: BotContext, request: RequestOf<'status'>): Promise<SlackMessage> {
  const { client } = clusterNamed(context, request.cluster);
  const detail = await client.getSnapshot(request.repository, request.snapshot);
  // The bytes, running or ended, are `_status`'s: a person asked about this one snapshot.
  const progress = await client.snapshotProgress(request.repository, request.snapshot);
  return snapshotStatusReply(request.cluster, detail, progress, context.catalog);
}

/** Whether a job may be shown or acted on from this channel: every cluster it touches allows it. */
function isJobOfChannel(context: BotContext, job: Job, channelId: string): boolean {
  return clustersOfPlan(job.plan).every((alias) => mayUseChannel(context, alias, channelId));
}

/** How many finished jobs `jobs recent` reads to find the last ones this channel may see (of one cluster, if named). */
const RECENT_READ = 50;
const RECENT_SHOWN = 20;

/** The team's last finished jobs, from the sparse `finished-jobs` index (never a scan). */
async function answerRecentJobs(
  context: BotContext,
  cluster: string | undefined,
  { teamId, channelId }: Pick<CommandTask, 'teamId' | 'channelId'>,
): Promise<SlackMessage> {
  const finished = await context.jobs.listFinished(teamId, RECENT_READ);
  const shown = finished
    .filter((job) => isJobOfChannel(context, job, channelId))
    .filter((job) => cluster === undefined || clustersOfPlan(job.plan).includes(cluster))
    .slice(0, RECENT_SHOWN);
  return recentJobsReply(shown, cluster, context.catalog);
}

async function answerJobs(
  context: BotContext,
  request: RequestOf<'jobs'>,
  task: Pick<CommandTask, 'userId' | 'channelId' | 'teamId'>,
): Promise<SlackMessage> {
  const { userId, channelId } = task;
  if (request.filter === 'recent') return answerRecentJobs(context, request.cluster, task);
  const now = context.clock.now();
  const jobs =
    request.filter === 'mine'
      ? await context.jobs.listRequestedBy(userId, 20)
      : (await context.jobs.listActive()).filter((job) => !isFinal(job.state));
  return jobsReply(
    jobs.filter((job) => isJobOfChannel(context, job, channelId)),
    request.filter === 'mine' ? context.catalog.yourJobs : context.catalog.activeJobs,
    context.catalog,
    now,
  );
}

/** The reader's time zone as Slack has it; UTC (undefined) when the directory cannot say or does not answer. */
async function timeZoneOf(context: BotContext, userId: string): Promise<string | undefined> {
  try {
    return await context.directory.timeZoneOf?.(userId);
  } catch (error) {
    context.logger.warn({ userId, err: error }, 'the user directory did not give a time zone; showing UTC');
    return undefined;
  }
}

async function answerJob(
  context: BotContext,
  request: RequestOf<'job'>,
  { channelId, userId }: Pick<CommandTask, 'channelId' | 'userId'>,
): Promise<SlackMessage> {
  const now = context.clock.now();
  const job = await context.jobs.get(request.jobId);
  if (job === undefined) throw new JobNotFoundError(request.jobId);
  assertChannelAllowed(context, clustersOfPlan(job.plan), channelId);
  return jobDetailReply(job, context.catalog, now, await timeZoneOf(context, userId));
}

export type { QueryRequest };
export { answerClusters, answerJob, answerJobs, answerList, answerRepositories, answerStatus };
