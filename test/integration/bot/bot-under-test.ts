import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { DynamoDbJobStore } from '../../../src/adapters/dynamodb/dynamodb-job-store.js';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { createSlackNotifier, createSlackUserDirectory } from '../../../src/adapters/slack/slack-notifier.js';
import { createInProcessTasks } from '../../../src/adapters/tasks/in-process-tasks.js';
import { parseBotConfig } from '../../../src/config/cluster-config.js';
import type { Job } from '../../../src/core/jobs/job.js';
import type { JobKind } from '../../../src/core/jobs/job-states.js';
import { awaitsTelling } from '../../../src/core/jobs/outcome-telling.js';
import { ApprovalAction } from '../../../src/core/messages/job-message.js';
import type { Language } from '../../../src/core/words/language.js';
import { composeContext } from '../../../src/handlers/compose-context.js';
import { createSlackHandler } from '../../../src/handlers/slack-handler.js';
import { startLocalDynamoDb } from '../../../src/local/dynamodb/local-dynamodb.js';
import type { JobStore } from '../../../src/ports/job-store.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../../../src/usecases/run-background-task.js';
import { createFixedClock } from '../../fakes/fixed-clock.js';
import { silentLogger } from '../../fakes/silent-logger.js';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import {
  type Forgery,
  lambdaContext,
  signedBlockActionEvent,
  signedSlashCommandEvent,
} from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { type FaultProxy, startFaultProxy } from '../../rig/fault-proxy.js';
import { REGION, sharedS3Repository, startGatewayClusters } from '../../rig/gateway-clusters.js';
import { startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';
import type { RateLimits } from '../../rig/slack/rate-limits.js';

type BotOptions = {
  approvers?: string[];
  approverGroups?: Record<string, string[]>;
  required?: number;
  /** Slack's answers 429 past these (off by default). */
  rateLimits?: RateLimits;
  /** Job kinds that run without approval. @default the config's default */
  autoRun?: JobKind[];
  /** Where the bot's log lines go. @default nowhere */
  logger?: Logger;
  /** The language of the bot's messages. @default 'en' */
  language?: Language;
  /** Users' Slack time zones, as users.info gives them. @default none */
  timeZones?: Record<string, string>;
  /** Wraps the job store the bot uses (to inject faults); `store` stays the plain one. @default as it is */
  jobStoreThrough?: (store: JobStore) => JobStore;
  /** More keys of each cluster's config, as written in the file (`requesters`, `request_timeout_seconds` …). */
  clusterConfig?: Record<string, unknown>;
  /** Puts a fault proxy in front of each cluster's gateway, the table and Slack: `bot.faults`. @default false */
  throughFaultProxies?: boolean;
};

/** Fault proxies in front of what the bot talks to, so that a test can strike a request on its way. */
async function startFaultProxies(gateways: { a: string; b: string }, table: string, slackOrigin: string) {
  const [a, b, dynamodb, slack] = await Promise.all(
    [gateways.a, gateways.b, table, slackOrigin].map((url) => startFaultProxy(url)),
  );
  return { a, b, dynamodb, slack } as Record<'a' | 'b' | 'dynamodb' | 'slack', FaultProxy>;
}

const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}`;

/**
 * The whole bot as Slack and AWS would run it, on this machine: the Lambda Slack handler fed signed requests,
 * the worker and poller in process, jobs in dynalite, clusters A and B behind the managed-service gateway, and
 * the bot's Web API calls going to a loopback Slack that enforces Slack's limits.
 */
async function startBotUnderTest(options: BotOptions = {}) {
  // As in production: an s3 repository, registered through the gateway exactly as the service takes it.
  const defaultRepository = sharedS3Repository('e2e');
  const repository = defaultRepository.name;
  const clusters = await startGatewayClusters();
  const approverGroups = options.approverGroups ?? { S0SRE: [SLACK_TEST_IDS.approverId] };
  const slack = await startLoopbackSlackApi({
    botToken: BOT_TOKEN,
    userGroups: approverGroups,
    timeZones: options.timeZones,
    rateLimits: options.rateLimits,
  });
  const dynamo = await startLocalDynamoDb({ tableName: `jobs-${randomBytes(4).toString('hex')}` });
  const faults =
    options.throughFaultProxies === true
      ? await startFaultProxies(
          { a: clusters.a.gateway.url, b: clusters.b.gateway.url },
          dynamo.endpoint,
          new URL(slack.url).origin,
        )
      : undefined;
  const slackApiUrl = faults === undefined ? slack.url : `${faults.slack.url}/api/`;
  const cluster = (url: string) => ({
    endpoint: url,
    region: REGION,
    default_repository: defaultRepository,
    approval: {
      approvers: options.approvers ?? [SLACK_TEST_IDS.requesterId],
      approver_groups: Object.keys(approverGroups),
      required: options.required ?? 1,
      ...(options.autoRun === undefined ? {} : { auto_run: options.autoRun }),
    },
    on_call: { users: ['U0ONCALL'] },
    ...options.clusterConfig,
  });
  const config = parseBotConfig(
    {
      language: options.language ?? 'en',
      clusters: {
        a: cluster(faults?.a.url ?? clusters.a.gateway.url),
        b: cluster(faults?.b.url ?? clusters.b.gateway.url),
      },
    },
    'e2e',
  );
  const logger = options.logger ?? silentLogger;
  const web = new WebClient(BOT_TOKEN, { slackApiUrl, logger: boltLogger(logger) });
  const tasks = createInProcessTasks(logger);
  const clock = createFixedClock(new Date());
  const tableClient =
    faults === undefined
      ? dynamo.client
      : new DynamoDBClient({
          endpoint: faults.dynamodb.url,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        });
  const store = new DynamoDbJobStore({ tableName: dynamo.tableName, client: tableClient });
  const context = composeContext({
    config,
    jobs: options.jobStoreThrough?.(store) ?? store,
    chat: createSlackNotifier(web),
    directory: createSlackUserDirectory(web),
    tasks,
    logger,
    clock,
    credentials: clusters.credentials,
  });
  tasks.runWith((task) => runBackgroundTask(context, task));
  const identity = { botToken: BOT_TOKEN, botId: SLACK_TEST_IDS.botId, botUserId: SLACK_TEST_IDS.botUserId };
  const handler = await createSlackHandler({
    context,
    identity,
    signingSecret: SIGNING_SECRET,
    logger,
    slackApiUrl,
  });
  let responseCount = 0;

  /** Types `/es <text>` as `userId`; resolves when Slack has its answer (the acknowledgement). */
  async function command(
    text: string,
    userId: string = SLACK_TEST_IDS.requesterId,
    signing: { forge?: Forgery; retryNum?: number; triggerId?: string; channelId?: string } = {},
  ) {
    responseCount += 1;
    const responseId = `command-${responseCount}`;
    const fields = buildSlashCommand({
      text,
      user_id: userId,
      response_url: slack.responseUrl(responseId),
      ...(signing.triggerId === undefined ? {} : { trigger_id: signing.triggerId }),
      ...(signing.channelId === undefined ? {} : { channel_id: signing.channelId }),
    });
    const event = signedSlashCommandEvent(fields, {
      signingSecret: SIGNING_SECRET,
      forge: signing.forge,
      retryNum: signing.retryNum,
    });
    const response = await handler(event, lambdaContext());
    return {
      response,
      responseId,
      triggerId: fields.trigger_id,
      body: response.body === undefined || response.body === '' ? undefined : JSON.parse(response.body as string),
    };
  }

  /** Clicks Approve or Reject on a job's message as `userId`. */
  async function click(job: Job, decision: 'approve' | 'reject', userId: string) {
    responseCount += 1;
    const responseId = `click-${responseCount}`;
    const payload = buildBlockAction({
      user: { id: userId, username: userId, name: userId, team_id: SLACK_TEST_IDS.teamId },
      action: { action_id: decision === 'approve' ? ApprovalAction.APPROVE : ApprovalAction.REJECT, value: job.id },
      message: { type: 'message', ts: job.messageTs ?? '', text: '' } as never,
      response_url: slack.responseUrl(responseId),
    });
    const response = await handler(signedBlockActionEvent(payload, { signingSecret: SIGNING_SECRET }), lambdaContext());
    return { response, responseId };
  }

  function responsesTo(responseId: string) {
    return slack.responses.filter((post) => post.id === responseId);
  }

  /**
   * Types `/es <text>` as the requester and returns the job it made. The rig's clock stands still unless moved: it
   * moves a second first, so that the new job is the newest in the requester's list.
   */
  async function requestJob(text: string): Promise<Job> {
    clock.advance(1000);
    await command(text);
    return newestJobOf(text);
  }

  /** The requester's newest job, which must be the one `text` asked for: active or already ended. */
  async function newestJobOf(text: string): Promise<Job> {
    await tasks.idle();
    const [job] = await context.jobs.listRequestedBy(SLACK_TEST_IDS.requesterId, 1);
    if (job === undefined || job.requestText !== text) throw new Error(`${text} made no job`);
    return job;
  }

  async function onlyActiveJob(): Promise<Job> {
    await tasks.idle();
    const active = await context.jobs.listActive();
    if (active.length !== 1) throw new Error(`expected one active job, found ${active.length}`);
    return active[0] as Job;
  }

  /** Runs poller ticks (the clock moving a minute each) until the job ends. */
  async function untilEnded(jobId: string, maxTicks = 60): Promise<Job> {
    for (let tick = 0; tick < maxTicks; tick += 1) {
      await tasks.idle();
      const job = await context.jobs.get(jobId);
      const ended = job !== undefined && ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(job.state);
      if (ended && !awaitsTelling(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
      clock.advance(1000);
      await pollActiveJobs(context);
    }
    throw new Error(`job ${jobId} did not end after ${maxTicks} ticks`);
  }

  return {
    /** The Lambda handler itself and its secrets, for tests that build requests byte by byte or look for leaks. */
    handler,
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    repository,
    clusters,
    slack,
    /** Present with `throughFaultProxies`. */
    faults,
    context,
    store,
    clock,
    tasks,
    command,
    click,
    responsesTo,
    requestJob,
    newestJobOf,
    onlyActiveJob,
    untilEnded,
    async close() {
      await tasks.idle();
      const proxies = Object.values(faults ?? {}).map((proxy) => proxy.close());
      if (tableClient !== dynamo.client) tableClient.destroy();
      await Promise.allSettled([...proxies, clusters.close(), slack.close(), dynamo.close()]);
    },
  };
}

type BotUnderTest = Awaited<ReturnType<typeof startBotUnderTest>>;

export type { BotUnderTest };
export { startBotUnderTest };
