import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { DynamoDbJobStore } from '../src/adapters/dynamodb/dynamodb-job-store.js';
import { boltLogger } from '../src/adapters/slack/bolt-logger.js';
import { createSlackNotifier, createSlackUserDirectory } from '../src/adapters/slack/slack-notifier.js';
import { createInProcessTasks } from '../src/adapters/tasks/in-process-tasks.js';
import { parseBotConfig } from '../src/config/cluster-config.js';
import type { Job } from '../src/core/jobs/job.js';
import { ApprovalAction } from '../src/core/messages/job-message.js';
import { composeContext } from '../src/handlers/compose-context.js';
import { createSlackHandler } from '../src/handlers/slack-handler.js';
import { startLocalDynamoDb } from '../src/local/dynamodb/local-dynamodb.js';
import type { Clock } from '../src/ports/clock.js';
import { runBackgroundTask } from '../src/usecases/run-background-task.js';
import { silentLogger } from '../test/fakes/silent-logger.js';
import { buildBlockAction } from '../test/fixtures/slack/block-action-body.js';
import {
  lambdaContext,
  signedBlockActionEvent,
  signedSlashCommandEvent,
} from '../test/fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../test/fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../test/fixtures/slack/slash-command-body.js';
import { type ManagedServiceGateway, startManagedServiceGateway } from '../test/rig/sigv4-gateway.js';
import { startLoopbackSlackApi } from '../test/rig/slack/loopback-slack-api.js';
import { countedDynamoDbClient } from './counted-dynamodb.js';

const REGION = 'ap-northeast-1';

type BenchBotOptions = {
  /** Each alias the bot knows, and the plain cluster its own managed-service gateway forwards to. */
  clusters: Record<string, string>;
  /** An `fs` repository under the clusters' shared `path.repo`, every alias's default. */
  defaultRepository?: { name: string; location: string };
  /** @default the system clock */
  clock?: Clock;
};

/**
 * The whole bot as it runs deployed, on this machine, with what it costs counted at each edge: every alias behind a
 * SigV4 gateway of its own that records the requests it forwards, jobs in dynalite through a client that counts its
 * commands, and the Web API calls going to a loopback Slack that records them. Slack's requests reach the real
 * Lambda handler, signed.
 */
async function startBenchBot(options: BenchBotOptions) {
  const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: randomBytes(20).toString('base64') };
  const gateways = new Map<string, ManagedServiceGateway>();
  for (const [alias, target] of Object.entries(options.clusters)) {
    gateways.set(alias, await startManagedServiceGateway({ target, region: REGION, credentials }));
  }
  const botToken = `xoxb-${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const slack = await startLoopbackSlackApi({ botToken, userGroups: {} });
  const dynamo = await startLocalDynamoDb({ tableName: `bench-jobs-${randomBytes(4).toString('hex')}` });
  const table = countedDynamoDbClient(dynamo.endpoint);
  const repository = options.defaultRepository;
  const config = parseBotConfig(
    {
      clusters: Object.fromEntries(
        [...gateways].map(([alias, gateway]) => [
          alias,
          {
            endpoint: gateway.url,
            region: REGION,
            ...(repository === undefined
              ? {}
              : {
                  default_repository: {
                    name: repository.name,
                    type: 'fs',
                    settings: { location: repository.location },
                  },
                }),
            approval: { approvers: [SLACK_TEST_IDS.approverId], required: 1 },
          },
        ]),
      ),
    },
    'bench',
  );
  const web = new WebClient(botToken, { slackApiUrl: slack.url, logger: boltLogger(silentLogger) });
  const tasks = createInProcessTasks(silentLogger);
  const store = new DynamoDbJobStore({ tableName: dynamo.tableName, client: table.client });
  const context = composeContext({
    config,
    jobs: store,
    chat: createSlackNotifier(web),
    directory: createSlackUserDirectory(web),
    tasks,
    logger: silentLogger,
    clock: options.clock,
    credentials: async () => credentials,
  });
  tasks.runWith((task) => runBackgroundTask(context, task));
  const identity = { botToken, botId: SLACK_TEST_IDS.botId, botUserId: SLACK_TEST_IDS.botUserId };
  const handler = await createSlackHandler({
    context,
    identity,
    signingSecret,
    logger: silentLogger,
    slackApiUrl: slack.url,
  });

  /** Types `/es <text>` as the requester; resolves once Slack has its acknowledgement. */
  async function command(text: string): Promise<void> {
    const fields = buildSlashCommand({
      text,
      user_id: SLACK_TEST_IDS.requesterId,
      response_url: slack.responseUrl('c'),
    });
    const response = await handler(signedSlashCommandEvent(fields, { signingSecret }), lambdaContext());
    if (response.statusCode !== 200) throw new Error(`/es ${text} answered ${response.statusCode}`);
  }

  /** Clicks Approve on the job's message, as the approver. */
  async function approve(job: Job): Promise<void> {
    const payload = buildBlockAction({
      user: {
        id: SLACK_TEST_IDS.approverId,
        username: SLACK_TEST_IDS.approverName,
        name: SLACK_TEST_IDS.approverName,
        team_id: SLACK_TEST_IDS.teamId,
      },
      action: { action_id: ApprovalAction.APPROVE, value: job.id },
      message: { type: 'message', ts: job.messageTs ?? '', text: '' } as never,
      response_url: slack.responseUrl('a'),
    });
    const response = await handler(signedBlockActionEvent(payload, { signingSecret }), lambdaContext());
    if (response.statusCode !== 200) throw new Error(`approving ${job.id} answered ${response.statusCode}`);
  }

  return {
    context,
    gateways,
    slack,
    /** The bot's own DynamoDB requests, by operation, and the time it waited on them. */
    table: table.tally,
    /** An uncounted client of the same table, for seeding it. */
    seedClient: dynamo.client,
    tableName: dynamo.tableName,
    tasks,
    command,
    approve,
    async close() {
      await tasks.idle();
      table.client.destroy();
      await Promise.allSettled([
        ...[...gateways.values()].map((gateway) => gateway.close()),
        slack.close(),
        dynamo.close(),
      ]);
    },
  };
}

type BenchBot = Awaited<ReturnType<typeof startBenchBot>>;

export type { BenchBot };
export { startBenchBot };
