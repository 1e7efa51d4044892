import { JobNotFoundError } from '../core/errors.js';
import type { CommandRequest } from '../core/grammar/command-request.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import {
  type ClusterOverview,
  clustersReply,
  jobDetailReply,
  jobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
} from '../core/messages/query-replies.js';
import { chooseRepository } from '../core/plans/repository-choice.js';
import { type BotContext, clusterNamed } from './bot-context.js';

type QueryRequest = Extract<CommandRequest, { verb: 'clusters' | 'repos' | 'list' | 'status' | 'jobs' | 'job' }>;

const QUERY_VERBS: ReadonlyArray<CommandRequest['verb']> = ['clusters', 'repos', 'list', 'status', 'jobs', 'job'];

function isQuery(request: CommandRequest): request is QueryRequest {
  return QUERY_VERBS.includes(request.verb);
}

async function overview(context: BotContext, alias: string): Promise<ClusterOverview> {
  const { config, client } = clusterNamed(context, alias);
  const base = { alias, endpoint: config.endpoint.origin, defaultRepository: config.defaultRepository?.name };
  try {
    const [info, health] = await Promise.all([client.info(), client.health()]);
    return { ...base, answer: { info, health } };
  } catch (error) {
    return { ...base, answer: { error: (error as Error).message } };
  }
}

/** Read-only verbs: asked of the cluster or the job store, answered to the person who asked. */
async function answerQuery(context: BotContext, request: QueryRequest, userId: string): Promise<SlackMessage> {
  const now = context.clock.now();
  switch (request.verb) {
    case 'clusters':
      return clustersReply(
        await Promise.all([...context.config.clusters.keys()].map((alias) => overview(context, alias))),
        context.catalog,
      );
    case 'repos': {
      const repositories = await clusterNamed(context, request.cluster).client.listRepositories();
      return repositoriesReply(request.cluster, repositories, context.catalog);
    }
    case 'list': {
      const { config, client } = clusterNamed(context, request.cluster);
      const repository = chooseRepository(request.cluster, request.repository, config.defaultRepository?.name, 'read');
      return snapshotListReply(
        request.cluster,
        repository,
        await client.listSnapshots(repository, { limit: request.limit }),
        context.catalog,
      );
    }
    case 'status': {
      const { client } = clusterNamed(context, request.cluster);
      const detail = await client.getSnapshot(request.repository, request.snapshot);
      // `_status` reads every shard's files from the repository: only worth it while the snapshot runs.
      const progress =
        detail.state === 'IN_PROGRESS'
          ? await client.snapshotProgress(request.repository, request.snapshot)
          : undefined;
      return snapshotStatusReply(request.cluster, detail, progress, context.catalog);
    }
    case 'jobs': {
      const jobs =
        request.filter === 'mine' ? await context.jobs.listRequestedBy(userId, 20) : await context.jobs.listActive();
      return jobsReply(
        jobs,
        request.filter === 'mine' ? context.catalog.yourJobs : context.catalog.activeJobs,
        context.catalog,
        now,
      );
    }
    case 'job': {
      const job = await context.jobs.get(request.jobId);
      if (job === undefined) throw new JobNotFoundError(request.jobId);
      return jobDetailReply(job, context.catalog, now);
    }
  }
}

export type { QueryRequest };
export { answerQuery, isQuery };
