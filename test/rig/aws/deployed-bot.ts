import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ApprovalAction } from '../../../src/core/messages/job-message.js';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import { signedBlockActionEvent, signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { type ManagedServiceGateway, startManagedServiceGateway } from '../sigv4-gateway.js';
import type { CredentialsLookup, GatewayCredentials } from '../sigv4-verification.js';
import { type LoopbackSlackApi, startLoopbackSlackApi } from '../slack/loopback-slack-api.js';
import { FAKE_CREDENTIALS, MOTO_ACCOUNT } from './aws-clients.js';
import { scheduledEvent } from './deployed-functions.js';
import { type DeployedStack, REGION, startDeployedStack } from './deployed-stack.js';
import { deliverStream, runHandOffs, succeeded } from './event-sources.js';
import { invokeFunction } from './lambda-runtime.js';
import type { StreamEventRecord } from './table-stream.js';

/**
 * The bot as deployed, driven as Slack and AWS drive it: the packaged stack on moto, the loopback Slack API, and
 * clusters A and B behind the managed-service gateway with s3 repositories registered as the service registers
 * them. A is signed with the functions' own credentials; B with the keys moto's STS issued for B's
 * assume_role_arn, which are the only keys B's gateway accepts. Used by the deployed-path test and `npm run deployed`.
 */

type ClusterPair = { a: string; b: string };

type DeployedBotOptions = {
  /** The plain clusters behind the gateways. */
  clusters: ClusterPair;
  /** The engines' shared `path.repo`, where the gateways keep the s3 repositories' files. */
  sharedRepoPath: string;
};

type StoredJob = {
  id: string;
  state: string;
  job: {
    messageTs?: string;
    plan: { kind: string; cluster?: string };
    steps: { name: string; cluster: string; status: string; detail?: string }[];
  };
};

/** What one Slack request did on its way through the stack. */
type StackPass = Awaited<ReturnType<DeployedBot['command']>>;

type DeployedBot = {
  stack: DeployedStack;
  slack: LoopbackSlackApi;
  gateways: Record<'a' | 'b', ManagedServiceGateway>;
  /** The default repository's name on both clusters (one s3 base path of the stack's bucket). */
  repository: string;
  /** The signing secret the stack's SSM holds, for requests made by hand. */
  signingSecret: string;
  /** `/es <text>` typed by the requester, through the slack function and the worker it hands off to; no stream. */
  handOff(text: string): Promise<unknown[]>;
  /** `/es <text>` typed by the requester: the slack function, the worker it handed off to, then the stream. */
  command(text: string): ReturnType<typeof throughTheStack>;
  /** The approver clicks Approve on the job's message, and the same path follows. */
  approve(job: StoredJob): ReturnType<typeof throughTheStack>;
  /** One tick of the poller bundle, as the schedule's EventBridge rule starts it. */
  pollerTick(): Promise<{ result: unknown; logs: string }>;
  /** Poller ticks, a second apart in real time (the engines work on their own clock), until the job has ended. */
  tickUntilEnded(jobId: string, maxTicks?: number): Promise<{ job: StoredJob; pollerLogs: string }>;
  jobsInTable(): Promise<StoredJob[]>;
  onlyJobOf(kind: string, cluster?: string): Promise<StoredJob>;
  /** The texts of the ops channel's messages and thread replies, in order. */
  channelTexts(): (string | undefined)[];
  stop(): Promise<void>;
};

const CLUSTER_B_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/es-snapshot-bot-cluster-b`;
const SNAPSHOT_BUCKET = 'es-snapshot-bot-deployed';
/** The stack's SnapshotRole (`<service>-<stage>-snapshot`): what each s3 repository's role_arn names. */
const SNAPSHOT_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/es-snapshot-bot-deployed-snapshot`;
const ON_CALL = 'U0ONCALL';
const ENDED = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED', 'REJECTED', 'EXPIRED']);

/** The job state a stream record carries, or its event name when it has none (REMOVE). */
const stateOf = (record: StreamEventRecord) =>
  (record.dynamodb.NewImage as { state?: { S: string } } | undefined)?.state?.S ?? record.eventName;

function clustersYaml(gateways: Record<'a' | 'b', ManagedServiceGateway>, repository: string): string {
  const cluster = (alias: 'a' | 'b', access: string[]) =>
    [
      `    endpoint: ${gateways[alias].url}`,
      '    signing: es',
      `    region: ${REGION}`,
      ...access,
      '    default_repository:',
      `      name: ${repository}`,
      '      type: s3',
      '      settings:',
      `        bucket: ${SNAPSHOT_BUCKET}`,
      `        region: ${REGION}`,
      `        role_arn: ${SNAPSHOT_ROLE}`,
      `        base_path: ${repository}`,
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

async function startGateways(options: DeployedBotOptions, bKeys: CredentialsLookup) {
  const start = (alias: 'a' | 'b', caller: string, credentials: GatewayCredentials | CredentialsLookup) =>
    startManagedServiceGateway({
      target: options.clusters[alias],
      region: REGION,
      credentials,
      s3: { repoRoot: options.sharedRepoPath, caller: { arn: caller, passableRoles: [SNAPSHOT_ROLE] } },
    });
  const [a, b] = await Promise.all([
    start('a', `arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/es-snapshot-bot-deployed-worker/worker`, FAKE_CREDENTIALS),
    start('b', `arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/es-snapshot-bot-cluster-b/es-snapshot-bot`, bKeys),
  ]);
  return { a, b };
}

async function throughTheStack(stack: DeployedStack, slack: LoopbackSlackApi, event: unknown) {
  const acked = succeeded(await invokeFunction(stack.functions.slack, event));
  const handedOff = await runHandOffs(stack);
  const messagesWhenQueued = slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text);
  const stream = await deliverStream(stack);
  return { acked, handedOff, messagesWhenQueued, stream };
}

async function startDeployedBot(options: DeployedBotOptions): Promise<DeployedBot> {
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-${randomBytes(8).toString('hex')}`;
  const repository = `deployed-${randomBytes(3).toString('hex')}`;
  let stack: DeployedStack | undefined;
  // B's gateway learns the keys once the stack's STS has issued them.
  const bKeys: CredentialsLookup = async (accessKeyId) => stack?.stsKeys.of(CLUSTER_B_ROLE)(accessKeyId);
  const gateways = await startGateways(options, bKeys);
  const slack = await startLoopbackSlackApi({ botToken });
  const started = await startDeployedStack({
    clustersYaml: clustersYaml(gateways, repository),
    signingSecret,
    botToken,
    botId: slack.identity.botId,
    botUserId: slack.identity.botUserId,
    slackApiUrl: slack.url,
  });
  stack = started;

  async function jobsInTable(): Promise<StoredJob[]> {
    const { Items = [] } = await started.aws.dynamodb.send(new ScanCommand({ TableName: started.tableName }));
    return Items.map((item) => unmarshall(item) as StoredJob);
  }

  async function tickUntilEnded(jobId: string, maxTicks = 30) {
    let pollerLogs = '';
    for (let tick = 0; tick < maxTicks; tick++) {
      const job = (await jobsInTable()).find((candidate) => candidate.id === jobId);
      if (job !== undefined && ENDED.has(job.state)) return { job, pollerLogs };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      pollerLogs += (await pollerTick()).logs;
    }
    const job = (await jobsInTable()).find((candidate) => candidate.id === jobId);
    throw new Error(
      `job ${jobId} did not end in ${maxTicks} poller ticks: ${job?.state} ${JSON.stringify(job?.job.steps)}`,
    );
  }

  async function pollerTick() {
    const event = scheduledEvent(REGION, MOTO_ACCOUNT, 'poller-schedule');
    return succeeded(await invokeFunction(started.functions.poller, event));
  }

  return {
    stack: started,
    slack,
    gateways,
    repository,
    signingSecret,
    handOff: async (text) => {
      const fields = buildSlashCommand({ text, response_url: slack.responseUrl(text) });
      succeeded(await invokeFunction(started.functions.slack, signedSlashCommandEvent(fields, { signingSecret })));
      return runHandOffs(started);
    },
    command: (text) => {
      const fields = buildSlashCommand({ text, response_url: slack.responseUrl(text) });
      return throughTheStack(started, slack, signedSlashCommandEvent(fields, { signingSecret }));
    },
    approve: (job) => {
      const payload = buildBlockAction({
        action: { action_id: ApprovalAction.APPROVE, value: job.id },
        message: { type: 'message', ts: job.job.messageTs ?? '', text: '' } as never,
        response_url: slack.responseUrl(`approve-${job.id}`),
      });
      return throughTheStack(started, slack, signedBlockActionEvent(payload, { signingSecret }));
    },
    pollerTick,
    tickUntilEnded,
    jobsInTable,
    async onlyJobOf(kind, cluster) {
      const found = (await jobsInTable()).filter(
        (job) => job.job.plan.kind === kind && (cluster === undefined || job.job.plan.cluster === cluster),
      );
      if (found.length !== 1) throw new Error(`expected one ${kind} job, found ${found.length}`);
      return found[0] as StoredJob;
    },
    channelTexts: () => slack.messages(SLACK_TEST_IDS.channelId).map((message) => message.text),
    async stop() {
      await started.stop();
      await slack.close();
      await Promise.all([gateways.a.close(), gateways.b.close()]);
    },
  };
}

export { type DeployedBot, type StackPass, type StoredJob, startDeployedBot, stateOf };
