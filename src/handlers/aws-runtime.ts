import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SSMClient } from '@aws-sdk/client-ssm';
import { WebClient } from '@slack/web-api';
import { DynamoDbJobStore } from '../adapters/dynamodb/dynamodb-job-store.js';
import { createEmfMetrics } from '../adapters/metrics/emf-metrics.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { createSlackNotifier, createSlackUserDirectory } from '../adapters/slack/slack-notifier.js';
import { createLambdaTasks } from '../adapters/tasks/lambda-tasks.js';
import { loadBotConfig } from '../config/cluster-config.js';
import { readCommonEnvironment, requiredString } from '../config/env.js';
import { readSecretParameter } from '../config/secrets.js';
import { createLogger } from '../logging/logger.js';
import type { BotContext } from '../usecases/bot-context.js';
import { composeContext } from './compose-context.js';

type AwsRuntime = {
  context: BotContext;
  signingSecret: string;
  botToken: string;
  botId: string;
  botUserId: string;
  /** Unset: slack.com. */
  slackApiUrl?: string;
};

/**
 * Everything a Lambda function needs, read once per cold start: the environment (errors name the variable), the
 * cluster config bundled with the function, and the Slack secrets from SSM Parameter Store.
 */
async function loadAwsRuntime(env: NodeJS.ProcessEnv = process.env): Promise<AwsRuntime> {
  const common = readCommonEnvironment(env);
  const logger = createLogger({ level: common.logLevel });
  const tableName = requiredString(env, 'JOBS_TABLE', 'the DynamoDB jobs table');
  const configPath = requiredString(env, 'ES_SNAPSHOT_BOT_CONFIG', 'the cluster config file');
  const workerFunction = requiredString(env, 'WORKER_FUNCTION_NAME', 'the worker function to hand work to');
  const signingSecretParameter = requiredString(
    env,
    'SLACK_SIGNING_SECRET_PARAMETER',
    'SSM name of the signing secret',
  );
  const botTokenParameter = requiredString(env, 'SLACK_BOT_TOKEN_PARAMETER', 'SSM name of the bot token');
  const botId = requiredString(env, 'SLACK_BOT_ID', "the bot's id (B…), so Bolt skips auth.test");
  const botUserId = requiredString(env, 'SLACK_BOT_USER_ID', "the bot's user id (U…)");
  const ssm = new SSMClient({});
  const [config, signingSecret, botToken] = await Promise.all([
    loadBotConfig(configPath),
    readSecretParameter(ssm, signingSecretParameter),
    readSecretParameter(ssm, botTokenParameter),
  ]);
  // The Web API client logs through the product logger too, so that its lines are JSON and redacted like ours.
  const { slackApiUrl } = common;
  const web = new WebClient(botToken, { slackApiUrl, logger: boltLogger(logger) });
  const context = composeContext({
    config,
    jobs: new DynamoDbJobStore({ tableName, client: new DynamoDBClient({}), retentionDays: common.retentionDays }),
    chat: createSlackNotifier(web),
    directory: createSlackUserDirectory(web),
    tasks: createLambdaTasks(new LambdaClient({}), workerFunction),
    logger,
    leaseMs: common.leaseMs,
    heartbeatMs: common.heartbeatMs,
    metrics: createEmfMetrics(),
  });
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
