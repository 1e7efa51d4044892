import { WebClient } from '@slack/web-api';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { readCommonEnvironment, requiredString } from '../config/env.js';
import { createLogger } from '../logging/logger.js';
import type { BotContext } from '../usecases/bot-context.js';

type AwsRuntime = {
  context: BotContext;
  signingSecret: string;
  botToken: string;
  botId: string;
  botUserId: string;
  /** Unset: slack.com. */
  slackApiUrl?: string;
};

/** The Lambda environment, every variable checked before anything is loaded or asked for. */
function readAwsEnvironment(env: NodeJS.ProcessEnv) {
  const common = readCommonEnvironment(env);
  return {
    common,
    tableName: requiredString(env, 'JOBS_TABLE', 'the DynamoDB jobs table'),
    configPath: requiredString(env, 'ES_SNAPSHOT_BOT_CONFIG', 'the cluster config file'),
    workerFunction: requiredString(env, 'WORKER_FUNCTION_NAME', 'the worker function to hand work to'),
    signingSecretParameter: requiredString(env, 'SLACK_SIGNING_SECRET_PARAMETER', 'SSM name of the signing secret'),
    botTokenParameter: requiredString(env, 'SLACK_BOT_TOKEN_PARAMETER', 'SSM name of the bot token'),
    botId: requiredString(env, 'SLACK_BOT_ID', "the bot's id (B…), so Bolt skips auth.test"),
    botUserId: requiredString(env, 'SLACK_BOT_USER_ID', "the bot's user id (U…)"),
  };
}

/** Both SSM reads at once, through a client loaded on first use like the other adapters. */
async function readSlackSecrets(signingSecretParameter: string, botTokenParameter: string) {
  const [{ SSMClient }, { readSecretParameter }] = await Promise.all([
    import('@aws-sdk/client-ssm'),
    import('../config/secrets.js'),
  ]);
  const ssm = new SSMClient({});
  return Promise.all([readSecretParameter(ssm, signingSecretParameter), readSecretParameter(ssm, botTokenParameter)]);
}

/**
 * Everything a Lambda function needs, read once per cold start: the environment (errors name the variable), the
 * cluster config bundled with the function, and the Slack secrets from SSM Parameter Store.
 *
 * The adapters are imported here, not at the top of the file: importing the bundle evaluates only the handler and
 * what it needs to check and answer a request, and the AWS SDK clients, the YAML parser and the cluster wiring are
 * evaluated on the first event. That moves work, it does not remove it: docs/BENCHMARKS.md counts both halves.
 */
async function loadAwsRuntime(env: NodeJS.ProcessEnv = process.env): Promise<AwsRuntime> {
  const settings = readAwsEnvironment(env);
  const { common } = settings;
  const logger = createLogger({ level: common.logLevel });
  const [[signingSecret, botToken], dynamodb, lambda, store, metrics, slackAdapters, tasks, clusterConfig, wiring] =
    await Promise.all([
      readSlackSecrets(settings.signingSecretParameter, settings.botTokenParameter),
      import('@aws-sdk/client-dynamodb'),
      import('@aws-sdk/client-lambda'),
      import('../adapters/dynamodb/dynamodb-job-store.js'),
      import('../adapters/metrics/emf-metrics.js'),
      import('../adapters/slack/slack-notifier.js'),
      import('../adapters/tasks/lambda-tasks.js'),
      import('../config/cluster-config.js'),
      import('./compose-context.js'),
    ]);
  const config = await clusterConfig.loadBotConfig(settings.configPath);
  // The Web API client logs through the product logger too, so that its lines are JSON and redacted like ours.
  const { slackApiUrl } = common;
  const client = new WebClient(botToken, { slackApiUrl, logger: boltLogger(logger) });
  const context = wiring.composeContext({
    config,
    jobs: new store.DynamoDbJobStore({
      tableName: settings.tableName,
      client: new dynamodb.DynamoDBClient({}),
      retentionDays: common.retentionDays,
    }),
    chat: slackAdapters.createSlackNotifier(client),
    directory: slackAdapters.createSlackUserDirectory(client),
    tasks: tasks.createLambdaTasks(new lambda.LambdaClient({}), settings.workerFunction),
    logger,
    leaseMs: common.leaseMs,
    heartbeatMs: common.heartbeatMs,
    metrics: metrics.createEmfMetrics(),
  });
  const { botId, botUserId } = settings;
  return { context, signingSecret, botToken, botId, botUserId, slackApiUrl };
}

let runtime: Promise<AwsRuntime> | undefined;

/** One runtime per Lambda container, shared by its invocations. */
function awsRuntime(): Promise<AwsRuntime> {
  runtime ??= loadAwsRuntime();
  return runtime;
}

export type { AwsRuntime };
export { awsRuntime, loadAwsRuntime };
