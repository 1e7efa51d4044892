import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { MOTO_ACCOUNT } from '../../rig/aws/aws-clients.js';
import { scheduledEvent } from '../../rig/aws/deployed-functions.js';
import { type DeployedStack, REGION, startDeployedStack } from '../../rig/aws/deployed-stack.js';
import { deliverStream, runHandOffs, succeeded } from '../../rig/aws/event-sources.js';
import { invokeFunction } from '../../rig/aws/lambda-runtime.js';
import type { StreamEventRecord } from '../../rig/aws/table-stream.js';
import { type FaultProxy, type SeenRequest, startFaultProxy } from '../../rig/fault-proxy.js';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';

/**
 * The bundled functions as deployed, against moto: the slack bundle reads its secrets from moto's SSM and hands the
 * command to the worker through moto's Lambda API; the worker writes the job to moto's DynamoDB table, whose stream
 * (read from moto's DynamoDB Streams, filtered by serverless.yml's criteria) starts the worker again to run it.
 */

const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}`;
const REPOSITORY = `deployed-${randomBytes(3).toString('hex')}`;
const CLUSTER_B_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/es-snapshot-bot-cluster-b`;

let slack: LoopbackSlackApi;
let stack: DeployedStack;
/** In front of cluster B: a rule that never strikes sees every request the bot sends there. */
let clusterB: FaultProxy;
const requestsToB: SeenRequest[] = [];

/**
 * A plain and unsigned; B signed with credentials from assuming its role. No gateway checks B's signatures (the
 * plain cluster ignores them): what is proven there is that the worker signs with credentials from moto's STS.
 */
function clustersYaml(): string {
  const rig = inject('rig');
  const cluster = (url: string, access: string[]) =>
    [
      `    endpoint: ${url}`,
      ...access,
      '    default_repository:',
      `      name: ${REPOSITORY}`,
      '      type: fs',
      '      settings:',
      `        location: ${rig.sharedRepoPath}/${REPOSITORY}`,
      '    approval:',
      `      approvers: [${SLACK_TEST_IDS.approverId}]`,
      '      auto_run: [repo-register]',
    ].join('\n');
  const a = cluster(rig.clusters.a.url, ['    signing: none']);
  const b = cluster(clusterB.url, [
    '    signing: es',
    `    region: ${REGION}`,
    `    assume_role_arn: ${CLUSTER_B_ROLE}`,
  ]);
  return `language: en\nclusters:\n  a:\n${a}\n  b:\n${b}\n`;
}

async function jobsInTable(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await stack.aws.dynamodb.send(new ScanCommand({ TableName: stack.tableName }));
  return Items.map((item) => unmarshall(item));
}

const stateOf = (record: StreamEventRecord) =>
  (record.dynamodb.NewImage as { state?: { S: string } } | undefined)?.state?.S ?? record.eventName;

/** What Slack's request does on AWS: the slack function, the worker invocations it caused, then the stream. */
async function commandThroughTheStack(text: string) {
  const fields = buildSlashCommand({ text, response_url: slack.responseUrl(text) });
  const acked = succeeded(
    await invokeFunction(stack.functions.slack, signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET })),
  );
  const handedOff = await runHandOffs(stack);
  const queued = await jobsInTable();
  const messagesWhenQueued = slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text);
  const stream = await deliverStream(stack);
  return { acked, handedOff, queued, messagesWhenQueued, stream };
}

/** Who moto's STS says the access key belongs to (moto names the caller from the key, whatever the signature). */
async function callerOf(accessKeyId: string): Promise<string | undefined> {
  const sts = new STSClient({
    endpoint: stack.moto.url,
    region: REGION,
    credentials: { accessKeyId, secretAccessKey: 'not-checked' },
  });
  return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
}

const accessKeyOf = (request: SeenRequest) => /Credential=([^/]+)\//.exec(String(request.headers.authorization))?.[1];

beforeAll(async () => {
  clusterB = await startFaultProxy(inject('rig').clusters.b.url);
  clusterB.strike(
    (request) => {
      requestsToB.push(request);
      return false;
    },
    { kind: 'answer', status: 500, body: '' },
  );
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
  await clusterB?.close();
});

describe('the packaged functions on moto', () => {
  it('acks a signed slash command, hands it to the worker, and the stream runs the job it queued', async () => {
    // Prepare
    const text = `snapshot repo register a ${REPOSITORY}`;

    // Act
    const { acked, handedOff, queued, messagesWhenQueued, stream } = await commandThroughTheStack(text);

    // Assess
    expect(acked.result).toMatchObject({ statusCode: 200 });
    // The Web API base URL came to both functions as the stack parameter SlackApiUrl, through SLACK_API_URL.
    expect(stack.functions.slack.environment.SLACK_API_URL).toBe(slack.url);
    expect(stack.functions.worker.environment.SLACK_API_URL).toBe(slack.url);
    expect(handedOff).toEqual([expect.objectContaining({ type: 'command', text, userId: SLACK_TEST_IDS.requesterId })]);
    expect(queued).toEqual([expect.objectContaining({ state: 'QUEUED', requested_by: SLACK_TEST_IDS.requesterId })]);
    expect(messagesWhenQueued).toHaveLength(1);
    // Only the write that made the job QUEUED passes the filter; the one that records its Slack message while it
    // is still QUEUED does not, so one worker starts for it.
    expect(stream.passed.map((record) => [record.eventName, stateOf(record)])).toEqual([['INSERT', 'QUEUED']]);
    expect(stream.dropped.map((record) => [record.eventName, stateOf(record)])).toContainEqual(['MODIFY', 'QUEUED']);
    expect(stream.dropped.length).toBeGreaterThan(0);
    expect(await jobsInTable()).toEqual([expect.objectContaining({ state: 'SUCCEEDED' })]);
    expect(slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text)).toEqual([
      'Repository registration on a: Succeeded',
      expect.stringMatching(/^:white_check_mark: Repository registration succeeded in (<1|\d+) s\.$/),
    ]);
    // The worker's metrics are Embedded Metric Format lines in its log, as CloudWatch reads them.
    expect(stream.workerLogs).toMatch(/"_aws":\{"Timestamp":\d+,"CloudWatchMetrics":\[\{"Namespace":"EsSnapshotBot"/);
  });

  it('refuses a request not signed with the signing secret in SSM, and hands nothing to the worker', async () => {
    // Prepare
    const fields = buildSlashCommand({ text: `snapshot repo register a ${REPOSITORY}` });
    const forged = signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET, forge: 'bad-signature' });

    // Act
    const answer = succeeded(await invokeFunction(stack.functions.slack, forged));

    // Assess
    expect(answer.result).toMatchObject({ statusCode: 401 });
    expect(stack.lambdaFront.take()).toEqual([]);
  });

  it("signs a cluster's requests with credentials from moto's STS AssumeRole of its assume_role_arn", async () => {
    // Act
    const { stream } = await commandThroughTheStack(`snapshot repo register b ${REPOSITORY}`);

    // Assess
    expect(stream.passed.length).toBeGreaterThan(0);
    const jobOnB = (await jobsInTable()).find(
      (job) => (job.job as { plan?: { cluster?: string } }).plan?.cluster === 'b',
    );
    expect(jobOnB).toEqual(expect.objectContaining({ state: 'SUCCEEDED' }));
    expect(requestsToB.length).toBeGreaterThan(0);
    expect(requestsToB.every((request) => request.headers['x-amz-security-token'] !== undefined)).toBe(true);
    const keys = [...new Set(requestsToB.map(accessKeyOf))];
    const callers = await Promise.all(keys.map((key) => callerOf(key ?? '')));
    expect(new Set(callers)).toEqual(
      new Set([`arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/es-snapshot-bot-cluster-b/es-snapshot-bot`]),
    );
  });

  it("ticks the poller bundle on serverless.yml's schedule against moto's table", async () => {
    // Act
    const tick = succeeded(
      await invokeFunction(stack.functions.poller, scheduledEvent(REGION, MOTO_ACCOUNT, 'poller-schedule')),
    );

    // Assess
    expect(stack.pollerSchedule).toBe('rate(1 minute)');
    // Both jobs of this file have ended: nothing to expire or resume, read from the active-jobs index.
    expect(tick.result).toEqual({ expired: 0, resumed: 0, clusterRequests: 0 });
    expect(tick.logs).toContain('"msg":"poll tick"');
  });
});
