// The entry point of `npm start`. Its folder, src/local/, holds everything that only `npm start` and the tests need
// and is never bundled for Lambda: this file with its Slack and terminal listeners (local-slack.ts,
// local-console.ts), the terminal chat that stands in for Slack (console/), the embedded DynamoDB on dynalite
// (dynamodb/), and the launcher of the local Elasticsearch/OpenSearch clusters with their JVM, service user and distribution
// download (engines/). scripts/bundle.mjs refuses a Lambda bundle that pulls in any file from here, and dynalite
// is a dev dependency; the wiring shared with the Lambda handlers stays in handlers/compose-context.ts.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { type Logger, pino } from 'pino';
import { DynamoDbJobStore } from '../adapters/dynamodb/dynamodb-job-store.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { buildApp } from '../adapters/slack/build-app.js';
import { createSlackNotifier, createSlackUserDirectory } from '../adapters/slack/slack-notifier.js';
import { createInProcessTasks } from '../adapters/tasks/in-process-tasks.js';
import { loadBotConfig, parseBotConfig } from '../config/cluster-config.js';
import { optionalString, readCommonEnvironment } from '../config/env.js';
import { BotError } from '../core/errors.js';
import type { BotConfig } from '../core/model/configured-cluster.js';
import { shownEngine } from '../core/preflight/engine-version.js';
import { composeContext } from '../handlers/compose-context.js';
import { createLogger } from '../logging/logger.js';
import type { BotContext } from '../usecases/bot-context.js';
import { pollActiveJobs } from '../usecases/poll-active-jobs.js';
import { runBackgroundTask } from '../usecases/run-background-task.js';
import { blocksAsText, createConsoleChat } from './console/console-chat.js';
import { startLocalDynamoDb } from './dynamodb/local-dynamodb.js';
import { type LocalClusters, startLocalClusters } from './engines/local-clusters.js';
import { CONSOLE_USER, runConsole } from './local-console.js';
import { type LocalSlackSettings, localSlack } from './local-slack.js';

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

/** A hung cluster must not hold the start (and Ctrl-C's handlers) back for its full timeouts and retries. */
const START_CHECK_DEADLINE_MS = 5_000;

/** Each configured cluster's answer and where it is, so a person can also reach it with curl. */
async function describeClusters(context: BotContext): Promise<string> {
  const within = { deadlineMs: START_CHECK_DEADLINE_MS };
  const lines = await Promise.all(
    [...context.clusters.values()].map(async (client) => {
      const at = context.config.clusters.get(client.alias)?.endpoint.origin;
      try {
        const [info, health] = await Promise.all([client.info(within), client.health(within)]);
        return `${client.alias}: ${shownEngine(info.distribution, info.version)}, health ${health.status}, at ${at}`;
      } catch (error) {
        // A cluster error's words name the cluster already.
        const said = error instanceof BotError ? error.message : `${client.alias}: ${(error as Error).message}`;
        return `${said}, at ${at}`;
      }
    }),
  );
  return lines.join('\n');
}

/**
 * Without Slack the terminal is the channel: the JSON logs go to a file instead (at LOG_LEVEL, info by default),
 * so what the bot says and what it logs never mix. With Slack they go to standard output, as for any server.
 */
function loggerFor(env: NodeJS.ProcessEnv, terminalOnly: boolean, level: string) {
  if (!terminalOnly) return { logger: createLogger({ level }), logFile: undefined };
  const logFile = optionalString(env, 'ES_SNAPSHOT_BOT_LOG_FILE') ?? join(tmpdir(), 'es-snapshot-bot.log');
  const destination = pino.destination({ dest: logFile, append: true, mkdir: true, sync: true });
  return { logger: createLogger({ level, destination }), logFile };
}

/** What `npm start` has started so far, stopped in reverse on Ctrl-C, SIGTERM or a closed terminal (SIGHUP). */
type Running = { stop: Array<() => Promise<unknown> | undefined> };

/**
 * Ctrl-C stops what was started, clusters included, even halfway through the start: the first signal stops in
 * order (a paused or hung node is SIGKILLed after its deadline), a second one exits at once, and the exit handlers
 * of the node processes SIGKILL whatever is still running. Installed first, so no signal finds the process
 * without them and leaves the clusters behind.
 */
function stopOnSignals(running: Running): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stdout.write('Stopping at once.\n');
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the bot and what it started (Ctrl-C again stops at once)…\n`);
    Promise.allSettled(running.stop.reverse().map((stop) => stop())).finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

/** The chat the bot talks through: Slack's Web API with tokens, the terminal without. */
function chatFor(slack: LocalSlackSettings | undefined, logger: Logger) {
  const terminal = createConsoleChat((text) => process.stdout.write(text));
  if (slack === undefined) return { chat: terminal, directory: terminal };
  const web = new WebClient(slack.botToken, { slackApiUrl: slack.slackApiUrl, logger: boltLogger(logger) });
  return { chat: createSlackNotifier(web), directory: createSlackUserDirectory(web) };
}

/** Starts listening to Slack, or to the terminal when there are no Slack tokens, and says which. */
async function listen(context: BotContext, slack: LocalSlackSettings | undefined, approversListed: boolean) {
  if (slack === undefined) {
    process.stdout.write(
      'Slack is not configured: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_BOT_ID, SLACK_BOT_USER_ID (and SLACK_APP_TOKEN for Socket Mode). See README.\n' +
        'Meanwhile, type commands here as you would after /es (e.g. `snapshot clusters`); `approve <job>` clicks Approve and `reject <job> ["reason"]` rejects.\n',
    );
    runConsole(context, (message) => process.stdout.write(`\n${blocksAsText(message.blocks)}\n`));
    return;
  }
  const { receiver, slackApiUrl } = slack;
  const app = buildApp({ receiver, identity: slack, context, logger: context.logger, slackApiUrl });
  await app.start();
  process.stdout.write(`The bot is listening: ${slack.describe}.\n`);
  if (!approversListed) {
    process.stdout.write('Nobody may approve yet: set ES_SNAPSHOT_BOT_APPROVERS to the Slack user IDs of approvers.\n');
  }
}

async function main(): Promise<void> {
  const running: Running = { stop: [] };
  stopOnSignals(running);
  const env = process.env;
  // The AWS SDK warns on every start under Node 20 that its releases from 2027 need Node 22; Lambda runs the
  // bot on the runtime serverless.yml names, so the local stand-in turns off exactly that warning (the SDK's own
  // switch), unless the person set it.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const common = readCommonEnvironment(env);
  const terminalOnly = optionalString(env, 'SLACK_BOT_TOKEN') === undefined;
  const { logger, logFile } = loggerFor(env, terminalOnly, common.logLevel);
  const slack = localSlack(env, logger, common.slackApiUrl);
  const listed = (optionalString(env, 'ES_SNAPSHOT_BOT_APPROVERS') ?? '').split(',').filter((id) => id !== '');
  const approvers = slack === undefined ? [...listed, CONSOLE_USER] : listed;
  if (common.configPath === undefined) {
    process.stdout.write(
      'No ES_SNAPSHOT_BOT_CONFIG: starting two local OpenSearch clusters, a and b (the first start downloads OpenSearch)…\n',
    );
  }
  const local = common.configPath === undefined ? await startLocalClusters() : undefined;
  running.stop.push(() => local?.stop());
  const config =
    local === undefined ? await loadBotConfig(common.configPath as string) : localClustersConfig(local, approvers);
  const dynamo = await startLocalDynamoDb({
    tableName: 'es-snapshot-bot-jobs',
    path: optionalString(env, 'ES_SNAPSHOT_BOT_DATA_DIR'),
  });
  running.stop.push(() => dynamo.close());
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
  running.stop.push(async () => clearInterval(poller));
  process.stdout.write(`${await describeClusters(context)}\n`);
  if (local !== undefined) {
    process.stdout.write(`Local clusters are up (shared repository path ${local.sharedRepoPath}).\n`);
  }
  if (logFile !== undefined) process.stdout.write(`The bot's JSON logs go to ${logFile} (tail -f it to follow).\n`);
  running.stop.push(() => slack?.receiver.stop?.());
  await listen(context, slack, local === undefined || listed.length > 0);
  process.stdout.write('Ctrl-C stops everything.\n');
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
