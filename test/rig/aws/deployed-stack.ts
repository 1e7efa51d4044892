import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { jobsTableDefinition, jobsTableTimeToLive } from '../../../src/adapters/dynamodb/jobs-table.js';
import { readTemplate } from '../deploy/cloudformation-template.js';
import { type FunctionName, packageService } from '../deploy/osls-package.js';
import { createTemplateEvaluator } from '../deploy/template-evaluator.js';
import { type FaultProxy, startFaultProxy } from '../fault-proxy.js';
import { FAKE_CREDENTIALS, MOTO_ACCOUNT, type MotoClients, motoClients } from './aws-clients.js';
import { deployedFunction, LOGICAL_IDS, type StreamMapping, scheduleOf, streamMapping } from './deployed-functions.js';
import { type LambdaInvokeFront, startLambdaInvokeFront } from './lambda-invoke-front.js';
import type { LambdaFunction } from './lambda-runtime.js';
import { type MotoServer, startMotoServer } from './moto-server.js';
import { type StsIssuedKeys, startStsIssuedKeys } from './sts-issued-keys.js';
import { openTableStream, type TableStream } from './table-stream.js';

/**
 * The stack as `osls deploy` would leave it, on moto: serverless.yml packaged by `osls package` (which runs
 * `npm run bundle`'s script), the jobs table with its stream, the Slack secrets as SecureString parameters, and the
 * worker function that the slack function hands commands to. The functions' environment is the packaged
 * template's, plus what the Lambda runtime sets and the endpoints that lead the SDK to moto.
 */

type StackOptions = {
  /** config/clusters.yml as the function packages carry it. */
  clustersYaml: string;
  signingSecret: string;
  botToken: string;
  botId: string;
  botUserId: string;
  /** The stack parameter SlackApiUrl: here the loopback Slack API. */
  slackApiUrl: string;
};

type DeployedStack = {
  moto: MotoServer;
  lambdaFront: LambdaInvokeFront;
  aws: MotoClients;
  functions: Record<FunctionName, LambdaFunction>;
  tableName: string;
  /** The worker's stream, read as its event source mapping reads it. */
  stream: TableStream;
  /** The worker's stream event source mapping from the packaged template: filters, retries, failure queue. */
  workerStream: StreamMapping;
  /** Where failed stream records are set aside: the queue URL in moto. */
  failedRecordsQueueUrl: string;
  /** Between every function and moto's DynamoDB: strike it to make the jobs table fail. */
  dynamodbFaults: FaultProxy;
  /** The keys moto's STS issued the functions, by role: what a domain behind a role-checking gateway accepts. */
  stsKeys: StsIssuedKeys;
  /** The poller's schedule from the packaged template, e.g. `rate(1 minute)`. */
  pollerSchedule: string;
  stop(): Promise<void>;
};

const STAGE = 'deployed';
const REGION = 'ap-northeast-1';
const DOMAIN_ARN = `arn:aws:es:${REGION}:${MOTO_ACCOUNT}:domain/logs-deployed`;
const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** What every function gets besides its template environment: Lambda's credentials, and moto's endpoints. */
function endpointEnvironment(
  moto: MotoServer,
  lambdaFront: LambdaInvokeFront,
  dynamodbFaults: FaultProxy,
  stsKeys: StsIssuedKeys,
): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: FAKE_CREDENTIALS.sessionToken,
    AWS_ENDPOINT_URL_SSM: moto.url,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbFaults.url,
    AWS_ENDPOINT_URL_STS: stsKeys.url,
    AWS_ENDPOINT_URL_LAMBDA: lambdaFront.url,
  };
}

async function seedSecrets(aws: MotoClients, worker: LambdaFunction, options: StackOptions): Promise<void> {
  const secrets = [
    [worker.environment.SLACK_SIGNING_SECRET_PARAMETER, options.signingSecret],
    [worker.environment.SLACK_BOT_TOKEN_PARAMETER, options.botToken],
  ];
  for (const [name, value] of secrets) {
    await aws.ssm.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString' }));
  }
}

async function createJobsTable(aws: MotoClients, tableName: string): Promise<string> {
  await aws.dynamodb.send(new CreateTableCommand(jobsTableDefinition(tableName)));
  await aws.dynamodb.send(new UpdateTimeToLiveCommand(jobsTableTimeToLive(tableName)));
  const { Table } = await aws.dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.LatestStreamArn === undefined) throw new Error(`moto created ${tableName} without a stream`);
  return Table.LatestStreamArn;
}

/** The worker as a Lambda function in moto, from its packaged zip, so that an Invoke of its name is accepted. */
async function createWorkerFunction(aws: MotoClients, worker: LambdaFunction, zipPath: string): Promise<void> {
  const { Role } = await aws.iam.send(
    new CreateRoleCommand({ RoleName: `${worker.name}-role`, AssumeRolePolicyDocument: LAMBDA_TRUST }),
  );
  await aws.lambda.send(
    new CreateFunctionCommand({
      FunctionName: worker.name,
      Runtime: 'nodejs22.x',
      Handler: 'dist/lambda/worker.handler',
      Role: Role?.Arn,
      Code: { ZipFile: await readFile(zipPath) },
      Timeout: worker.timeoutSeconds,
    }),
  );
}

/** The queue a stream mapping sets failed records aside to, made in moto under the name its ARN ends with. */
async function createQueueOf(aws: MotoClients, queueArn: string | undefined): Promise<string> {
  const name = queueArn?.startsWith('arn:aws:sqs:') ? queueArn.split(':').at(-1) : undefined;
  if (name === undefined) throw new Error(`the worker's stream sets failed records aside to no queue (${queueArn})`);
  const { QueueUrl } = await aws.sqs.send(new CreateQueueCommand({ QueueName: name }));
  if (QueueUrl === undefined) throw new Error(`moto made no queue ${name}`);
  return QueueUrl;
}

async function startDeployedStack(options: StackOptions): Promise<DeployedStack> {
  const taskRoot = await mkdtemp(join(tmpdir(), 'deployed-stack-'));
  const [moto, packaged] = await Promise.all([
    startMotoServer(),
    packageService(taskRoot, {
      stage: STAGE,
      region: REGION,
      params: {
        domainArns: DOMAIN_ARN,
        snapshotBucketName: 'es-snapshot-bot-deployed',
        slackBotId: options.botId,
        slackBotUserId: options.botUserId,
      },
    }),
  ]);
  if (packaged.bundleFailure !== undefined) throw packaged.bundleFailure;
  const [lambdaFront, dynamodbFaults, stsKeys] = await Promise.all([
    startLambdaInvokeFront(moto.url),
    startFaultProxy(moto.url),
    startStsIssuedKeys(moto.url),
  ]);
  // What the packages carry is config/clusters.yml: the one this stack's clusters need replaces the example.
  await writeFile(join(taskRoot, 'config/clusters.yml'), options.clustersYaml);
  const template = await readTemplate(packaged.templatePath);
  const evaluator = createTemplateEvaluator(template, {
    region: REGION,
    account: MOTO_ACCOUNT,
    parameters: { SlackApiUrl: options.slackApiUrl },
  });
  const endpoints = endpointEnvironment(moto, lambdaFront, dynamodbFaults, stsKeys);
  const functionOf = (name: FunctionName) => {
    const fn = deployedFunction(template, evaluator, { name, taskRoot, region: REGION });
    return { ...fn, environment: { ...fn.environment, ...endpoints } };
  };
  const functions = { slack: functionOf('slack'), worker: functionOf('worker'), poller: functionOf('poller') };
  const aws = motoClients(moto.url, REGION);
  const tableName = functions.worker.environment.JOBS_TABLE ?? '';
  await seedSecrets(aws, functions.worker, options);
  const streamArn = await createJobsTable(aws, tableName);
  await createWorkerFunction(aws, functions.worker, packaged.zipPath('worker'));
  const workerStream = streamMapping(template, evaluator, LOGICAL_IDS.worker);
  const failedRecordsQueueUrl = await createQueueOf(aws, workerStream.onFailureDestination);
  return {
    moto,
    lambdaFront,
    aws,
    functions,
    tableName,
    stream: openTableStream(aws.streams, streamArn, REGION),
    workerStream,
    failedRecordsQueueUrl,
    dynamodbFaults,
    stsKeys,
    pollerSchedule: scheduleOf(template, LOGICAL_IDS.poller),
    async stop() {
      await Promise.all([lambdaFront.close(), dynamodbFaults.close(), stsKeys.close()]);
      await moto.stop();
      await rm(taskRoot, { recursive: true, force: true });
    },
  };
}

export { type DeployedStack, REGION, type StackOptions, startDeployedStack };
