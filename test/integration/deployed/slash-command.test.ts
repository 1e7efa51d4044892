import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { type DeployedStack, startDeployedStack } from '../../rig/aws/deployed-stack.js';
import { type Invocation, invokeFunction } from '../../rig/aws/lambda-runtime.js';
import { passesFilters, type StreamEventRecord } from '../../rig/aws/table-stream.js';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';

/**
 * The bundled functions as deployed, against moto: the slack bundle reads its secrets from moto's SSM and hands the
 * command to the worker through moto's Lambda API; the worker writes the job to moto's DynamoDB table, whose stream
 * (read from moto's DynamoDB Streams, filtered by serverless.yml's criteria) starts the worker again to run it.
 */

const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}`;
const REPOSITORY = `deployed-${randomBytes(3).toString('hex')}`;

let slack: LoopbackSlackApi;
let stack: DeployedStack;

function clustersYaml(): string {
  const rig = inject('rig');
  const cluster = (url: string) =>
    [
      `    endpoint: ${url}`,
      '    signing: none',
      '    default_repository:',
      `      name: ${REPOSITORY}`,
      '      type: fs',
      '      settings:',
      `        location: ${rig.sharedRepoPath}/${REPOSITORY}`,
      '    approval:',
      `      approvers: [${SLACK_TEST_IDS.approverId}]`,
      '      auto_run: [repo-register]',
    ].join('\n');
  return `language: en\nclusters:\n  a:\n${cluster(rig.clusters.a.url)}\n  b:\n${cluster(rig.clusters.b.url)}\n`;
}

function succeeded(invocation: Invocation): Extract<Invocation, { ok: true }> {
  if (!invocation.ok) {
    throw new Error(`${invocation.errorType}: ${invocation.errorMessage}\n${invocation.logs.slice(-3000)}`);
  }
  return invocation;
}

async function jobsInTable(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await stack.aws.dynamodb.send(new ScanCommand({ TableName: stack.tableName }));
  return Items.map((item) => unmarshall(item));
}

type StreamDelivery = { passed: StreamEventRecord[]; dropped: StreamEventRecord[]; workerLogs: string };

/**
 * Lambda's stream mapping until the stream is quiet: each record the filter passes goes to the worker as its own
 * event (batchSize 1); the others are dropped. Bounded: a job takes a few writes, not ten rounds of them.
 */
async function deliverStream(): Promise<StreamDelivery> {
  const delivery: StreamDelivery = { passed: [], dropped: [], workerLogs: '' };
  for (let round = 0; round < 10; round++) {
    const records = await stack.stream.read();
    if (records.length === 0) return delivery;
    for (const record of records) {
      if (!passesFilters(stack.workerFilterPatterns, record)) {
        delivery.dropped.push(record);
        continue;
      }
      delivery.passed.push(record);
      delivery.workerLogs += succeeded(await invokeFunction(stack.functions.worker, { Records: [record] })).logs;
    }
  }
  return delivery;
}

const stateOf = (record: StreamEventRecord) =>
  (record.dynamodb.NewImage as { state?: { S: string } } | undefined)?.state?.S ?? record.eventName;

beforeAll(async () => {
  slack = await startLoopbackSlackApi({ botToken: BOT_TOKEN });
  stack = await startDeployedStack({
    clustersYaml: clustersYaml(),
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    botId: slack.identity.botId,
    botUserId: slack.identity.botUserId,
    slackApiUrl: slack.url,
  });
});

afterAll(async () => {
  await stack?.stop();
  await slack?.close();
});

describe('the packaged functions on moto', () => {
  it('acks a signed slash command, hands it to the worker, and the stream runs the job it queued', async () => {
    // Prepare
    const fields = buildSlashCommand({
      text: `snapshot repo register a ${REPOSITORY}`,
      response_url: slack.responseUrl('register'),
    });
    const event = signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET });

    // Act
    const acked = await invokeFunction(stack.functions.slack, event);
    const handedOff = stack.lambdaFront.take();
    for (const invocation of handedOff) succeeded(await invokeFunction(stack.functions.worker, invocation.payload));
    const queued = await jobsInTable();
    const messagesWhenQueued = slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text);
    const stream = await deliverStream();

    // Assess
    expect(succeeded(acked).result).toMatchObject({ statusCode: 200 });
    expect(handedOff).toEqual([
      {
        functionName: stack.functions.worker.name,
        payload: expect.objectContaining({ type: 'command', text: fields.text, userId: SLACK_TEST_IDS.requesterId }),
      },
    ]);
    expect(queued).toEqual([expect.objectContaining({ state: 'QUEUED', requested_by: SLACK_TEST_IDS.requesterId })]);
    expect(messagesWhenQueued).toHaveLength(1);
    // Only writes that leave the job QUEUED pass the filter: the one that queued it, and the one that records its
    // Slack message (still QUEUED), so the worker is started twice for the job and the second start finds it done.
    expect(stream.passed.map((record) => [record.eventName, stateOf(record)])).toEqual([
      ['INSERT', 'QUEUED'],
      ['MODIFY', 'QUEUED'],
    ]);
    expect(stream.dropped.map(stateOf)).not.toContain('QUEUED');
    expect(stream.dropped.length).toBeGreaterThan(0);
    expect(await jobsInTable()).toEqual([expect.objectContaining({ state: 'SUCCEEDED' })]);
    expect(slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text)).toEqual([
      'Repository registration on a: Succeeded',
      expect.stringMatching(/^:white_check_mark: Repository registration succeeded in \d+ s\.$/),
    ]);
    // The worker's metrics are Embedded Metric Format lines in its log, as CloudWatch reads them.
    expect(stream.workerLogs).toMatch(/"_aws":\{"Timestamp":\d+,"CloudWatchMetrics":\[\{"Namespace":"EsSnapshotBot"/);
  });
});
