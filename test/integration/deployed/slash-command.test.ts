import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { type DeployedBot, startDeployedBot, stateOf } from '../../rig/aws/deployed-bot.js';
import { deliverStream, succeeded } from '../../rig/aws/event-sources.js';
import { invokeFunction } from '../../rig/aws/lambda-runtime.js';
import { createIndexWithDocs, deleteIndexDirectly, markerOf } from '../../rig/seed-indices.js';

/**
 * The bundled functions as deployed, against moto: the slack bundle reads its secrets from moto's SSM and hands the
 * command to the worker through moto's Lambda API; the worker writes the job to moto's DynamoDB table, whose stream
 * (read from moto's DynamoDB Streams, filtered by serverless.yml's criteria) starts the worker again to run it, and
 * the poller bundle ticks on serverless.yml's schedule. Both clusters sit behind the managed-service gateway, with
 * s3 repositories registered as the service registers them: A signed with the functions' own credentials, B with
 * the keys moto's STS issued for B's assume_role_arn, which are all B's gateway accepts.
 */

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

let bot: DeployedBot;
let index: string;

beforeAll(async () => {
  const rig = inject('rig');
  bot = await startDeployedBot({
    clusters: { a: rig.clusters.a.url, b: rig.clusters.b.url },
    sharedRepoPath: rig.sharedRepoPath,
  });
  index = `${bot.repository}-orders`;
});

afterAll(async () => {
  const rig = inject('rig');
  await deleteIndexDirectly(rig.clusters.a.url, index);
  await deleteIndexDirectly(rig.clusters.b.url, index);
  await bot?.stop();
});

describe('the packaged functions on moto', () => {
  it('acks a signed slash command, hands it to the worker, and the stream runs the job it queued', async () => {
    // When the requester asks for a registration, and the stream delivers what the worker wrote
    const text = `snapshot repo register a ${bot.repository}`;
    const handedOff = await bot.handOff(text);
    const queued = await bot.jobsInTable();
    const messagesWhenQueued = bot.channelTexts();
    const stream = await deliverStream(bot.stack);

    // Then the worker was handed the command, and queued the job in the table
    const { functions } = bot.stack;
    // The Web API base URL came to both functions as the stack parameter SlackApiUrl, through SLACK_API_URL.
    expect(functions.slack.environment.SLACK_API_URL).toBe(bot.slack.url);
    expect(functions.worker.environment.SLACK_API_URL).toBe(bot.slack.url);
    expect(handedOff).toEqual([expect.objectContaining({ type: 'command', text, userId: SLACK_TEST_IDS.requesterId })]);
    expect(queued).toEqual([expect.objectContaining({ state: 'QUEUED', requested_by: SLACK_TEST_IDS.requesterId })]);
    expect(messagesWhenQueued).toHaveLength(1);
    // and only the write that made the job QUEUED passed the filter; the one that records its Slack message while it
    // is still QUEUED did not, so one worker started for it
    expect(stream.passed.map((record) => [record.eventName, stateOf(record)])).toEqual([['INSERT', 'QUEUED']]);
    expect(stream.dropped.map((record) => [record.eventName, stateOf(record)])).toContainEqual(['MODIFY', 'QUEUED']);
    expect(stream.setAside).toEqual([]);
    expect(await bot.jobsInTable()).toEqual([expect.objectContaining({ state: 'SUCCEEDED' })]);
    expect(bot.channelTexts()).toEqual([
      'Repository registration on a: Succeeded',
      expect.stringMatching(/^:white_check_mark: Repository registration succeeded in (<1|\d+) s\.\n<@U0ONCALL>$/),
    ]);
    // and the registration reached the engine as the service makes it: an s3 repository of the stack's bucket
    expect(bot.gateways.a.requests).toContainEqual(
      expect.objectContaining({ method: 'PUT', path: `/_snapshot/${bot.repository}`, status: 200 }),
    );
    // and the worker's metrics are Embedded Metric Format lines in its log, as CloudWatch reads them
    expect(stream.workerLogs).toMatch(/"_aws":\{"Timestamp":\d+,"CloudWatchMetrics":\[\{"Namespace":"EsSnapshotBot"/);
  });

  it('refuses a request not signed with the signing secret in SSM, and hands nothing to the worker', async () => {
    // Prepare
    const fields = buildSlashCommand({ text: `snapshot repo register a ${bot.repository}` });
    const forged = signedSlashCommandEvent(fields, { signingSecret: bot.signingSecret, forge: 'bad-signature' });

    // Act
    const answer = succeeded(await invokeFunction(bot.stack.functions.slack, forged));

    // Assess
    expect(answer.result).toMatchObject({ statusCode: 401 });
    expect(bot.stack.lambdaFront.take()).toEqual([]);
  });

  it("calls B with the keys moto's STS issued for B's assume_role_arn, which B's gateway checks", async () => {
    // Act
    const { stream } = await bot.command(`snapshot repo register b ${bot.repository}`);

    // Assess
    expect(stream.passed.length).toBeGreaterThan(0);
    expect(await bot.onlyJobOf('repo-register', 'b')).toMatchObject({ state: 'SUCCEEDED' });
    // The gateway knows no other keys: a request signed with any but the assumed role's would have had a 403.
    const toB = bot.gateways.b.requests;
    expect(toB.length).toBeGreaterThan(0);
    expect(toB.filter((request) => request.status === 403)).toEqual([]);
  });

  it('migrates A to B through the packaged functions: approval, progress, the outcome and on-call', {
    timeout: 180_000,
  }, async () => {
    // Given A with the index and B with an older copy of it
    const rig = inject('rig');
    await createIndexWithDocs(rig.clusters.a.url, index, { docs: 12, marker: 'from-a' });
    await createIndexWithDocs(rig.clusters.b.url, index, { docs: 3, marker: 'old-b' });

    // When the migration is asked for, and the approver clicks Approve
    const asked = await bot.command(`snapshot migrate a b indices=${index} replace`);
    const waiting = await bot.onlyJobOf('migrate');
    const approved = await bot.approve(waiting);
    const { job: ended, pollerLogs } = await bot.tickUntilEnded(waiting.id);

    // Then the request waited for approval, and only the approval's write started the worker
    expect(waiting.state).toBe('PENDING_APPROVAL');
    expect(asked.stream.passed).toEqual([]);
    expect(approved.acked.result).toMatchObject({ statusCode: 200 });
    expect(approved.stream.passed.map((record) => [record.eventName, stateOf(record)])).toEqual([['MODIFY', 'QUEUED']]);
    // and the job ended well, B holding A's copy
    expect(ended.state).toBe('SUCCEEDED');
    expect(await markerOf(rig.clusters.b.url, index)).toBe('from-a');
    const message = bot.slack.messages(SLACK_TEST_IDS.channelId).find((posted) => posted.ts === ended.job.messageTs);
    expect(message?.text).toBe('Migration on a → b: Succeeded');
    // and its message was redrawn as it went: approved, running its steps, then done
    const redrawn = bot.slack.calls
      .filter((call) => call.method === 'chat.update' && call.args.ts === ended.job.messageTs)
      .map((call) => call.args.text);
    expect(redrawn).toContain('Migration on a → b: Running');
    expect(redrawn.at(-1)).toBe('Migration on a → b: Succeeded');
    expect(bot.slack.messages(SLACK_TEST_IDS.channelId).map((posted) => posted.text)).toContainEqual(
      expect.stringMatching(/^:white_check_mark: Migration succeeded in .*\n<@U0ONCALL>$/),
    );
    // and the restore on B was a real one, behind its gateway, with the assumed role's keys
    expect(bot.gateways.b.requests).toContainEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringMatching(/\/_restore$/), status: 200 }),
    );
    // and the metrics of its end were written as EMF where the functions log
    expect(`${approved.stream.workerLogs}${pollerLogs}`).toMatch(/"JobsSucceeded":1/);
  });

  it('sets a stream record aside to the failed-records queue when the worker fails on it, and the poller runs its job', async () => {
    // Given a request queued by the slack function and the worker it handed off to
    await bot.handOff(`snapshot repo register a ${bot.repository}-again`);
    const queued = (await bot.jobsInTable()).find((job) => job.state === 'QUEUED');
    // and the jobs table failing for every function while the stream delivers
    bot.stack.dynamodbFaults.strike(() => true, TABLE_FAILING, Number.POSITIVE_INFINITY);

    // When the stream delivers its records, and then the table answers again and the poller ticks
    const stream = await deliverStream(bot.stack);
    bot.stack.dynamodbFaults.clear();
    const { job: ended } = await bot.tickUntilEnded(queued?.id ?? '');

    // Then the record was retried as the mapping says, and set aside with where it was in the stream
    expect(stream.setAside.map((record) => [record.eventName, stateOf(record)])).toEqual([['INSERT', 'QUEUED']]);
    const { Messages = [] } = await bot.stack.aws.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: bot.stack.failedRecordsQueueUrl, MaxNumberOfMessages: 10 }),
    );
    const [setAside] = stream.setAside;
    const setAsideAt = (setAside?.dynamodb as { SequenceNumber?: string } | undefined)?.SequenceNumber;
    expect(Messages.map((entry) => JSON.parse(entry.Body ?? '{}'))).toEqual([
      expect.objectContaining({
        requestContext: expect.objectContaining({
          condition: 'RetryAttemptsExhausted',
          approximateInvokeCount: bot.stack.workerStream.maximumRetryAttempts + 1,
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
    const tick = await bot.pollerTick();

    // Assess
    expect(bot.stack.pollerSchedule).toBe('rate(1 minute)');
    // Every job of this file has ended: nothing to expire or resume, read from the active-jobs index.
    expect(tick.result).toEqual({ expired: 0, resumed: 0, clusterRequests: 0 });
    expect(tick.logs).toContain('"msg":"poll tick"');
  });
});
