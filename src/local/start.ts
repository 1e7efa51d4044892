// The entry point of `npm start`. Its folder, src/local/, holds everything that only `npm start` and the tests need
// and is never bundled for Lambda: this file with its Slack and terminal listeners (local-slack.ts,
// local-console.ts), the terminal chat that stands in for Slack (console/), the embedded DynamoDB on dynalite
// (dynamodb/), and the launcher of the local OpenSearch clusters with their JVM, service user and distribution
// download (opensearch/). scripts/bundle.mjs refuses a Lambda bundle that pulls in any file from here, and dynalite
// is a dev dependency; the wiring shared with the Lambda handlers stays in handlers/compose-context.ts.
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { DynamoDbJobStore } from '../adapters/dynamodb/dynamodb-job-store.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { buildApp } from '../adapters/slack/build-app.js';
import { createSlackNotifier, createSlackUserDirectory } from '../adapters/slack/slack-notifier.js';
import { createInProcessTasks } from '../adapters/tasks/in-process-tasks.js';
import { loadBotConfig, parseBotConfig } from '../config/cluster-config.js';
import { optionalString, readCommonEnvironment } from '../config/env.js';
import type { BotConfig } from '../core/model/configured-cluster.js';
import { composeContext } from '../handlers/compose-context.js';
import { createLogger } from '../logging/logger.js';
import type { BotContext } from '../usecases/bot-context.js';
import { pollActiveJobs } from '../usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../usecases/run-background-task.js';
import { blocksAsText, createConsoleChat } from './console/console-chat.js';
import { startLocalDynamoDb } from './dynamodb/local-dynamodb.js';
import { CONSOLE_USER, runConsole } from './local-console.js';
import { type LocalSlackSettings, localSlack } from './local-slack.js';
import { type LocalClusters, startLocalClusters } from './opensearch/local-clusters.js';

/**
 * The config `npm start` uses when none is given: the two local clusters sharing an `fs` repository. Approvers
 * come from ES_SNAPSHOT_BOT_APPROVERS (Slack user IDs); on local clusters a requester may approve their own job.
 */
function localClustersConfig(local: LocalClusters, approvers: string[]): BotConfig {
  const cluster = (url: string) => ({
    endpoint: url,
    signing: 'none',
    default_repository: { name: 'local', type: 'fs', settings: { location: `${local.sharedRepoPath}/local` } },
    approval: { approvers, allow_self_approval: true },
  });
  return parseBotConfig({ clusters: { a: cluster(local.clusters.a.url), b: cluster(local.clusters.b.url) } }, 'local');
}

async function describeClusters(context: BotContext): Promise<string> {
  const lines = await Promise.all(
    [...context.clusters.values()].map(async (client) => {
      try {
        const [info, health] = await Promise.all([client.info(), client.health()]);
        return `${client.alias}: ${info.distribution} ${info.version}, health ${health.status}`;
      } catch (error) {
        return `${client.alias}: ${(error as Error).message}`;
      }
    }),
  );
  return lines.join('\n');
}

/** The chat the bot talks through: Slack's Web API with tokens, the terminal without. */
function chatFor(slack: LocalSlackSettings | undefined, logger: Logger) {
  const terminal = createConsoleChat((text) => process.stdout.write(text));
  if (slack === undefined) return { chat: terminal, directory: terminal };
  const web = new WebClient(slack.botToken, { logger: boltLogger(logger) });
  return { chat: createSlackNotifier(web), directory: createSlackUserDirectory(web) };
}

/** Starts listening to Slack, or to the terminal when there are no Slack tokens, and says which. */
async function listen(context: BotContext, slack: LocalSlackSettings | undefined, approversListed: boolean) {
  if (slack === undefined) {
    process.stdout.write(
      'Slack is not configured: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_BOT_ID, SLACK_BOT_USER_ID (and SLACK_APP_TOKEN for Socket Mode). See README.\n' +
        'Meanwhile, type commands here as you would after /es (e.g. `snapshot clusters`); `approve <job>` and `reject <job>` click the buttons.\n',
    );
    runConsole(context, (message) => process.stdout.write(`\n${blocksAsText(message.blocks)}\n`));
    return;
  }
  const app = buildApp({ receiver: slack.receiver, identity: slack, context, logger: context.logger });
  await app.start();
  process.stdout.write(`The bot is listening: ${slack.describe}.\n`);
  if (!approversListed) {
    process.stdout.write('Nobody may approve yet: set ES_SNAPSHOT_BOT_APPROVERS to the Slack user IDs of approvers.\n');
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const common = readCommonEnvironment(env);
  // Without Slack the terminal is the chat: keep the JSON log to warnings there unless LOG_LEVEL says otherwise.
  const terminalOnly =
    optionalString(env, 'SLACK_BOT_TOKEN') === undefined && optionalString(env, 'LOG_LEVEL') === undefined;
  const logger = createLogger({ level: terminalOnly ? 'warn' : common.logLevel });
  const slack = localSlack(env, logger);
  const listed = (optionalString(env, 'ES_SNAPSHOT_BOT_APPROVERS') ?? '').split(',').filter((id) => id !== '');
  const approvers = slack === undefined ? [...listed, CONSOLE_USER] : listed;
  const local = common.configPath === undefined ? await startLocalClusters() : undefined;
  const config =
    local === undefined ? await loadBotConfig(common.configPath as string) : localClustersConfig(local, approvers);
  const dynamo = await startLocalDynamoDb({
    tableName: 'es-snapshot-bot-jobs',
    path: optionalString(env, 'ES_SNAPSHOT_BOT_DATA_DIR'),
  });
  const tasks = createInProcessTasks(logger);
  const jobs = new DynamoDbJobStore({
    tableName: dynamo.tableName,
    client: dynamo.client,
    retentionDays: common.retentionDays,
  });
  const { leaseMs, heartbeatMs } = common;
  const context = composeContext({ config, jobs, ...chatFor(slack, logger), tasks, logger, leaseMs, heartbeatMs });
  tasks.runWith((task) => runBackgroundTask(context, task));
  const pollSeconds = Number(optionalString(env, 'ES_SNAPSHOT_BOT_POLL_SECONDS') ?? '10');
  const poller = setInterval(() => {
    pollActiveJobs(context).catch((error: unknown) => logger.error({ err: error }, 'poll tick failed'));
  }, pollSeconds * 1000);
  process.stdout.write(`${await describeClusters(context)}\n`);
  await listen(context, slack, local === undefined || listed.length > 0);
  if (local !== undefined) {
    process.stdout.write(`Local clusters are up (shared repository path ${local.sharedRepoPath}).\n`);
  }
  const stop = async () => {
    clearInterval(poller);
    await Promise.allSettled([slack?.receiver.stop?.(), dynamo.close(), local?.stop()]);
    process.exit(0);
  };
  // Listening before saying so: a Ctrl-C right after the line below would otherwise kill the process outright and
  // leave the local clusters running.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A closed terminal (or tmux session) sends SIGHUP: the local clusters must not outlive it.
  process.once('SIGHUP', stop);
  process.stdout.write('Ctrl-C stops everything.\n');
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
