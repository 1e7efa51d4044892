import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApprovalAction } from '../../../src/core/messages/job-message.js';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import { signedBlockActionEvent, signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { FAKE_CREDENTIALS, MOTO_ACCOUNT } from '../../rig/aws/aws-clients.js';
import { scheduledEvent } from '../../rig/aws/deployed-functions.js';
import { type DeployedStack, REGION, startDeployedStack } from '../../rig/aws/deployed-stack.js';
import { deliverStream, runHandOffs, succeeded } from '../../rig/aws/event-sources.js';
import { invokeFunction } from '../../rig/aws/lambda-runtime.js';
import type { StreamEventRecord } from '../../rig/aws/table-stream.js';
import { createIndexWithDocs, deleteIndexDirectly, markerOf } from '../../rig/seed-indices.js';
import { type ManagedServiceGateway, startManagedServiceGateway } from '../../rig/sigv4-gateway.js';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../../rig/slack/loopback-slack-api.js';

/**
 * The bundled functions as deployed, against moto: the slack bundle reads its secrets from moto's SSM and hands the
 * command to the worker through moto's Lambda API; the worker writes the job to moto's DynamoDB table, whose stream
 * (read from moto's DynamoDB Streams, filtered by serverless.yml's criteria) starts the worker again to run it, and
 * the poller bundle ticks on serverless.yml's schedule. Both clusters sit behind the managed-service gateway, with
 * s3 repositories registered as the service registers them: A signed with the functions' own credentials, B with
 * the keys moto's STS issued for B's assume_role_arn, which is all B's gateway accepts.
 */

const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}`;
const REPOSITORY = `deployed-${randomBytes(3).toString('hex')}`;
const INDEX = `${REPOSITORY}-orders`;
const CLUSTER_B_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/es-snapshot-bot-cluster-b`;
const SNAPSHOT_BUCKET = 'es-snapshot-bot-deployed';
/** The stack's SnapshotRole (`<service>-<stage>-snapshot`): what each s3 repository's role_arn names. */
const SNAPSHOT_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/es-snapshot-bot-deployed-snapshot`;
const ON_CALL = 'U0ONCALL';
/** What DynamoDB answers when it fails on its side: the SDK retries it, then gives up. */
const TABLE_FAILING = {
  kind: 'answer' as const,
  status: 500,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: 'the table is failing',
  }),
};

let slack: LoopbackSlackApi;
let stack: DeployedStack;
const gateways: Partial<Record<'a' | 'b', ManagedServiceGateway>> = {};

function gatewayOf(alias: 'a' | 'b'): ManagedServiceGateway {
  const gateway = gateways[alias];
  if (gateway === undefined) throw new Error(`no gateway in front of ${alias}`);
  return gateway;
}

/** A's gateway knows the functions' own keys; B's knows only what moto's STS issued for B's role. */
async function startGateways(): Promise<void> {
  const rig = inject('rig');
  const start = (
    alias: 'a' | 'b',
    caller: string,
    credentials: Parameters<typeof startManagedServiceGateway>[0]['credentials'],
  ) =>
    startManagedServiceGateway({
      target: rig.clusters[alias].url,
      region: REGION,
      credentials,
      s3: { repoRoot: rig.sharedRepoPath, caller: { arn: caller, passableRoles: [SNAPSHOT_ROLE] } },
    });
  const bKeys = (accessKeyId: string) => stack.stsKeys.of(CLUSTER_B_ROLE)(accessKeyId);
  [gateways.a, gateways.b] = await Promise.all([
    start('a', `arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/es-snapshot-bot-deployed-worker/worker`, FAKE_CREDENTIALS),
    start('b', `arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/es-snapshot-bot-cluster-b/es-snapshot-bot`, bKeys),
  ]);
}

function clustersYaml(): string {
  const cluster = (alias: 'a' | 'b', access: string[]) =>
    [
      `    endpoint: ${gatewayOf(alias).url}`,
      '    signing: es',
      `    region: ${REGION}`,
      ...access,
      '    default_repository:',
      `      name: ${REPOSITORY}`,
      '      type: s3',
      '      settings:',
      `        bucket: ${SNAPSHOT_BUCKET}`,
      `        region: ${REGION}`,
      `        role_arn: ${SNAPSHOT_ROLE}`,
      `        base_path: ${REPOSITORY}`,
      '    approval:',
      `      approvers: [${SLACK_TEST_IDS.approverId}]`,
      '      auto_run: [repo-register]',
      '    on_call:',
      `      users: [${ON_CALL}]`,
    ].join('\n');
  const a = cluster('a', []);
  const b = cluster('b', [`    assume_role_arn: ${CLUSTER_B_ROLE}`]);
  return `language: en\nclusters:\n  a:\n${a}\n  b:\n${b}\n`;
}

type StoredJob = { id: string; state: string; job: { messageTs?: string; plan: { kind: string; cluster?: string } } };

async function jobsInTable(): Promise<StoredJob[]> {
  const { Items = [] } = await stack.aws.dynamodb.send(new ScanCommand({ TableName: stack.tableName }));
  return Items.map((item) => unmarshall(item) as StoredJob);
}

async function onlyJobOf(kind: string, cluster?: string): Promise<StoredJob> {
  const found = (await jobsInTable()).filter(
    (job) => job.job.plan.kind === kind && (cluster === undefined || job.job.plan.cluster === cluster),
  );
  if (found.length !== 1) throw new Error(`expected one ${kind} job, found ${found.length}`);
  return found[0] as StoredJob;
}

const stateOf = (record: StreamEventRecord) =>
  (record.dynamodb.NewImage as { state?: { S: string } } | undefined)?.state?.S ?? record.eventName;

const channelTexts = () => slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text);

/** What Slack's request does on AWS: the slack function, the worker invocations it caused, then the stream. */
async function throughTheStack(event: unknown) {
  const acked = succeeded(await invokeFunction(stack.functions.slack, event));
  const handedOff = await runHandOffs(stack);
  const queued = await jobsInTable();
  const messagesWhenQueued = channelTexts();
  const stream = await deliverStream(stack);
  return { acked, handedOff, queued, messagesWhenQueued, stream };
}

function command(text: string) {
  const fields = buildSlashCommand({ text, response_url: slack.responseUrl(text) });
  return throughTheStack(signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET }));
}

function approve(job: StoredJob) {
  const payload = buildBlockAction({
    action: { action_id: ApprovalAction.APPROVE, value: job.id },
    message: { type: 'message', ts: job.job.messageTs ?? '', text: '' } as never,
    response_url: slack.responseUrl(`approve-${job.id}`),
  });
  return throughTheStack(signedBlockActionEvent(payload, { signingSecret: SIGNING_SECRET }));
}

/** One tick of the poller bundle, as the schedule's EventBridge rule starts it. */
async function pollerTick() {
  const event = scheduledEvent(REGION, MOTO_ACCOUNT, 'poller-schedule');
  return succeeded(await invokeFunction(stack.functions.poller, event));
}

/** Poller ticks, a second apart in real time (the engines work on their own clock), until the job has ended. */
async function tickUntilEnded(jobId: string): Promise<{ job: StoredJob; pollerLogs: string }> {
  let pollerLogs = '';
  for (let tick = 0; tick < 30; tick++) {
    const job = (await jobsInTable()).find((candidate) => candidate.id === jobId);
    if (job !== undefined && ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(job.state)) {
      return { job, pollerLogs };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    pollerLogs += (await pollerTick()).logs;
  }
  const job = (await jobsInTable()).find((candidate) => candidate.id === jobId);
  const steps = (job?.job as { steps?: { name: string; status: string; detail?: string }[] } | undefined)?.steps;
  throw new Error(`job ${jobId} did not end in 30 poller ticks: ${job?.state} ${JSON.stringify(steps)}`);
}

beforeAll(async () => {
  await startGateways();
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
  const rig = inject('rig');
  await deleteIndexDirectly(rig.clusters.a.url, INDEX);
  await deleteIndexDirectly(rig.clusters.b.url, INDEX);
  await stack?.stop();
  await slack?.close();
  await Promise.all(Object.values(gateways).map((gateway) => gateway.close()));
});

describe('the packaged functions on moto', () => {
  it('acks a signed slash command, hands it to the worker, and the stream runs the job it queued', async () => {
    // Act
    const text = `snapshot repo register a ${REPOSITORY}`;
    const { acked, handedOff, queued, messagesWhenQueued, stream } = await command(text);

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
    expect(stream.setAside).toEqual([]);
    expect(await jobsInTable()).toEqual([expect.objectContaining({ state: 'SUCCEEDED' })]);
    expect(channelTexts()).toEqual([
      'Repository registration on a: Succeeded',
      expect.stringMatching(/^:white_check_mark: Repository registration succeeded in (<1|\d+) s\.\n<@U0ONCALL>$/),
    ]);
    // The registration reached the engine as the service makes it: an s3 repository of the stack's bucket.
    expect(gatewayOf('a').requests).toContainEqual(
      expect.objectContaining({ method: 'PUT', path: `/_snapshot/${REPOSITORY}`, status: 200 }),
    );
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

  it("calls B with the keys moto's STS issued for B's assume_role_arn, which B's gateway checks", async () => {
    // Act
    const { stream } = await command(`snapshot repo register b ${REPOSITORY}`);

    // Assess
    expect(stream.passed.length).toBeGreaterThan(0);
    expect(await onlyJobOf('repo-register', 'b')).toMatchObject({ state: 'SUCCEEDED' });
    // The gateway knows no other keys: a request signed with any but the assumed role's would have had a 403.
    const toB = gatewayOf('b').requests;
    expect(toB.length).toBeGreaterThan(0);
    expect(toB.filter((request) => request.status === 403)).toEqual([]);
  });

  it('migrates A to B through the packaged functions: approval, progress, the outcome and on-call', {
    timeout: 180_000,
  }, async () => {
    // Given A with the index and B with an older copy of it
    const rig = inject('rig');
    await createIndexWithDocs(rig.clusters.a.url, INDEX, { docs: 12, marker: 'from-a' });
    await createIndexWithDocs(rig.clusters.b.url, INDEX, { docs: 3, marker: 'old-b' });

    // When the migration is asked for, and the approver clicks Approve
    const asked = await command(`snapshot migrate a b indices=${INDEX} replace`);
    const waiting = await onlyJobOf('migrate');
    const approved = await approve(waiting);
    const { job: ended, pollerLogs } = await tickUntilEnded(waiting.id);

    // Then the request waited for approval, and only the approval's write started the worker
    expect(waiting.state).toBe('PENDING_APPROVAL');
    expect(asked.stream.passed).toEqual([]);
    expect(approved.acked.result).toMatchObject({ statusCode: 200 });
    expect(approved.stream.passed.map((record) => [record.eventName, stateOf(record)])).toEqual([['MODIFY', 'QUEUED']]);
    // and the job ended well, B holding A's copy
    expect(ended.state).toBe('SUCCEEDED');
    expect(await markerOf(rig.clusters.b.url, INDEX)).toBe('from-a');
    const message = slack.messages(SLACK_TEST_IDS.channelId).find((posted) => posted.ts === ended.job.messageTs);
    expect(message?.text).toBe('Migration on a → b: Succeeded');
    // and its message was redrawn as it went: approved, running its steps, then done
    const redrawn = slack.calls
      .filter((call) => call.method === 'chat.update' && call.args.ts === ended.job.messageTs)
      .map((call) => call.args.text);
    expect(redrawn).toContain('Migration on a → b: Running');
    expect(redrawn.at(-1)).toBe('Migration on a → b: Succeeded');
    expect(slack.messages(SLACK_TEST_IDS.channelId).map((posted) => posted.text)).toContainEqual(
      expect.stringMatching(/^:white_check_mark: Migration succeeded in .*\n<@U0ONCALL>$/),
    );
    // and the restore on B was a real one, behind its gateway, with the assumed role's keys
    expect(gatewayOf('b').requests).toContainEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringMatching(/\/_restore$/), status: 200 }),
    );
    // and the metrics of its end were written as EMF where the functions log
    expect(`${approved.stream.workerLogs}${pollerLogs}`).toMatch(/"JobsSucceeded":1/);
  });

  it('sets a stream record aside to the failed-records queue when the worker fails on it, and the poller runs its job', async () => {
    // Given a request queued by the slack function and the worker it handed off to
    const text = `snapshot repo register a ${REPOSITORY}-again`;
    const fields = buildSlashCommand({ text, response_url: slack.responseUrl(text) });
    succeeded(
      await invokeFunction(stack.functions.slack, signedSlashCommandEvent(fields, { signingSecret: SIGNING_SECRET })),
    );
    await runHandOffs(stack);
    const queued = (await jobsInTable()).find((job) => job.state === 'QUEUED');
    // and the jobs table failing for every function while the stream delivers
    stack.dynamodbFaults.strike(() => true, TABLE_FAILING, Number.POSITIVE_INFINITY);

    // When the stream delivers its records, and then the table answers again and the poller ticks
    const stream = await deliverStream(stack);
    stack.dynamodbFaults.clear();
    const { job: ended } = await tickUntilEnded(queued?.id ?? '');

    // Then the record was retried as the mapping says, and set aside with where it was in the stream
    expect(stream.setAside.map((record) => [record.eventName, stateOf(record)])).toEqual([['INSERT', 'QUEUED']]);
    const { Messages = [] } = await stack.aws.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.failedRecordsQueueUrl, MaxNumberOfMessages: 10 }),
    );
    const [setAside] = stream.setAside;
    const setAsideAt = (setAside?.dynamodb as { SequenceNumber?: string } | undefined)?.SequenceNumber;
    expect(Messages.map((entry) => JSON.parse(entry.Body ?? '{}'))).toEqual([
      expect.objectContaining({
        requestContext: expect.objectContaining({
          condition: 'RetryAttemptsExhausted',
          approximateInvokeCount: stack.workerStream.maximumRetryAttempts + 1,
        }),
        DDBStreamBatchInfo: expect.objectContaining({
          streamArn: setAside?.eventSourceARN,
          startSequenceNumber: setAsideAt,
          batchSize: 1,
        }),
      }),
    ]);
    // and the job the record was about was run by the poller all the same
    expect(ended.state).toBe('SUCCEEDED');
  });

  it("ticks the poller bundle on serverless.yml's schedule against moto's table", async () => {
    // Act
    const tick = await pollerTick();

    // Assess
    expect(stack.pollerSchedule).toBe('rate(1 minute)');
    // Every job of this file has ended: nothing to expire or resume, read from the active-jobs index.
    expect(tick.result).toEqual({ expired: 0, resumed: 0, clusterRequests: 0 });
    expect(tick.logs).toContain('"msg":"poll tick"');
  });
});
