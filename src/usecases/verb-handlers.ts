import { clustersNamedIn } from '../core/commands/clusters-named.js';
import type { RequestOf, Verb } from '../core/grammar/command-request.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import type { CommandTask } from '../ports/background-tasks.js';
import { answerClusters, answerJob, answerJobs, answerList, answerRepositories, answerStatus } from './answer-query.js';
import type { BotContext } from './bot-context.js';
import { cancelJob } from './cancel-job.js';
import { assertChannelAllowed } from './channel-rules.js';
import { explainApproval, rejectTyped } from './decide-approval.js';
import { helpReply } from './help-reply.js';
import type { JobRequest } from './plan-request.js';
import { requestJob } from './request-job.js';

/**
 * What one verb does in the background, with its request as parsed: the reply to the asker, or nothing when the
 * answer is posted in the channel (a job's message).
 */
type VerbHandler<V extends Verb> = (
  context: BotContext,
  request: RequestOf<V>,
  task: CommandTask,
) => Promise<SlackMessage | undefined>;

/** A job verb answers with the job's message in the channel, not to the asker. */
async function submitJob(context: BotContext, request: JobRequest, task: CommandTask): Promise<undefined> {
  await requestJob(context, request, task);
  return undefined;
}

/** Every verb has its handler: the type makes a verb without one a compile error. */
const VERB_HANDLERS: { readonly [V in Verb]: VerbHandler<V> } = {
  help: async (context, request) => helpReply(context, request.topic),
  clusters: answerClusters,
  repos: answerRepositories,
  'repo-register': submitJob,
  create: submitJob,
  list: answerList,
  status: answerStatus,
  delete: submitJob,
  'delete-index': submitJob,
  restore: submitJob,
  migrate: submitJob,
  jobs: answerJobs,
  job: answerJob,
  cancel: (context, request, task) => cancelJob(context, request.jobId, task),
  approve: (context, request, task) => explainApproval(context, request.jobId, task),
  reject: (context, request, task) => rejectTyped(context, request, task),
};

/**
 * Runs the verb's handler for a request, once the channel may be used for every cluster it names; requests about
 * a job (`job`, `cancel`) are checked against the job's clusters once it is read.
 */
async function handleRequest<V extends Verb>(context: BotContext, task: CommandTask & { request: RequestOf<V> }) {
  assertChannelAllowed(context, clustersNamedIn(task.request), task.channelId);
  // A request's verb is its own V; the compiler cannot narrow a property of a generic union to it.
  const handler = VERB_HANDLERS[task.request.verb as V];
  return handler(context, task.request, task);
}

export type { VerbHandler };
export { handleRequest };
