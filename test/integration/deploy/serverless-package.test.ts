import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJobItem } from '../../../src/adapters/dynamodb/job-item.js';
import { jobsTableDefinition, jobsTableTimeToLive } from '../../../src/adapters/dynamodb/jobs-table.js';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../../src/adapters/metrics/emf-metrics.js';
import type { Job } from '../../../src/core/jobs/job.js';
import { buildJob } from '../../fixtures/job.js';
import { cfnLintProblems, ensureCfnLint } from '../../rig/deploy/cfn-lint.js';
import {
  asList,
  asObject,
  type JsonObject,
  readTemplate,
  type Template,
} from '../../rig/deploy/cloudformation-template.js';
import { matchesEventPattern } from '../../rig/deploy/event-pattern.js';
import { permissionsOf, statementsOf } from '../../rig/deploy/iam-statements.js';
import {
  FUNCTIONS,
  HANDLERS_EXIST,
  type PackagedService,
  PROJECT_ROOT,
  packageService,
  runOsls,
} from '../../rig/deploy/osls-package.js';
import { createTemplateEvaluator, type TemplateEvaluator } from '../../rig/deploy/template-evaluator.js';
import { zipEntryNames } from '../../rig/deploy/zip-entries.js';

/**
 * `osls package` turns serverless.yml into the CloudFormation template and zips that `osls deploy` would upload;
 * these tests read them offline (test/rig/deploy/). Intrinsic functions are worked out by the rig's evaluator, so
 * assertions see the ARNs AWS would see (the domain list expanded, conditions applied) rather than the template's
 * syntax.
 */

const STAGE = 'test';
const REGION = 'ap-northeast-1';
const ACCOUNT = '123456789012';
const DOMAIN_ARNS = [
  `arn:aws:es:${REGION}:${ACCOUNT}:domain/logs-prod`,
  `arn:aws:es:${REGION}:${ACCOUNT}:domain/logs-stg`,
];
const BUCKET = 'es-snapshot-bot-test-snapshots';
const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b5e4c4e-0000-4000-8000-000000000000`;
// Roles clusters name as assume_role_arn: one in another account, one with a path.
const CLUSTER_ROLES = [
  'arn:aws:iam::210987654321:role/es-snapshot-bot-logs-prod',
  `arn:aws:iam::${ACCOUNT}:role/ops/es-snapshot-bot-logs-stg`,
];
const WITH_CLUSTER_ROLES = { AssumeRoleArns: CLUSTER_ROLES.join(',') };
const STAGE_OPTIONS = {
  stage: STAGE,
  region: REGION,
  params: {
    domainArns: DOMAIN_ARNS.join(','),
    snapshotBucketName: BUCKET,
    slackBotId: 'B0TEST',
    slackBotUserId: 'U0TEST',
  },
};

describe('osls package of serverless.yml', () => {
  let work: string;
  let cfnLint: string;
  let packaged: PackagedService;
  let template: Template;
  let evaluate: TemplateEvaluator;
  /** The template as CloudFormation would work it out for these stack parameters (the others at their defaults). */
  const evaluator = (parameters: Record<string, string> = {}) =>
    createTemplateEvaluator(template, { region: REGION, account: ACCOUNT, parameters });
  const resource = (id: string) => asObject(evaluate.resolve(template.Resources[id]));
  const properties = (id: string) => asObject(resource(id).Properties);
  const byType = (type: string) => Object.entries(template.Resources).filter(([, value]) => value.Type === type);
  /** One role's properties, or every role's by id, worked out for these stack parameters. */
  const roleWith = (parameters: Record<string, string>, id: string) =>
    asObject(asObject(evaluator(parameters).resolve(template.Resources[id])).Properties);
  const rolesWith = (parameters: Record<string, string>) =>
    byType('AWS::IAM::Role').map(([id]) => [id, roleWith(parameters, id)] as const);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'es-snapshot-bot-package-'));
    [cfnLint, packaged] = await Promise.all([ensureCfnLint(), packageService(work, STAGE_OPTIONS)]);
    template = await readTemplate(packaged.templatePath);
    evaluate = evaluator();
  }, 300_000);

  afterAll(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  const functionId = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}LambdaFunction`;
  const functionArn = (name: string) => evaluate.getAtt(functionId(name), 'Arn');
  const roleIdOf = (name: string) => {
    const role = asObject(template.Resources[functionId(name)]?.Properties).Role;
    return (asObject(role)['Fn::GetAtt'] as string[])[0] ?? '';
  };

  it('declares the jobs table as src/adapters/dynamodb/jobs-table.ts does', () => {
    const table = properties('JobsTable');
    const code = jobsTableDefinition(String(table.TableName));
    const byName = (list: unknown) =>
      [...(list as { AttributeName?: string; IndexName?: string }[])].sort((left, right) =>
        String(left.AttributeName ?? left.IndexName).localeCompare(String(right.AttributeName ?? right.IndexName)),
      );

    expect(byName(table.AttributeDefinitions)).toEqual(byName(code.AttributeDefinitions));
    expect(table.KeySchema).toEqual(code.KeySchema);
    expect(byName(table.GlobalSecondaryIndexes)).toEqual(byName(code.GlobalSecondaryIndexes));
    expect(table.BillingMode).toBe(code.BillingMode);
    expect(table.StreamSpecification).toEqual({ StreamViewType: code.StreamSpecification?.StreamViewType });
    expect(table.TimeToLiveSpecification).toEqual(jobsTableTimeToLive(String(table.TableName)).TimeToLiveSpecification);
  });

  it('keeps the jobs table: sparse active index, requester index, TTL, full stream, on demand, PITR, retained', () => {
    const table = resource('JobsTable');
    const tableProperties = properties('JobsTable');

    expect(table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(tableProperties).toMatchObject({
      TableName: `es-snapshot-bot-${STAGE}-jobs`,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const indexes = tableProperties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[];
    expect(Object.fromEntries(indexes.map((index) => [index.IndexName, index.KeySchema]))).toEqual({
      'active-jobs': [
        { AttributeName: 'active_bucket', KeyType: 'HASH' },
        { AttributeName: 'created_at', KeyType: 'RANGE' },
      ],
      'jobs-by-requester': [
        { AttributeName: 'requested_by', KeyType: 'HASH' },
        { AttributeName: 'created_at', KeyType: 'RANGE' },
      ],
      'finished-jobs': [
        { AttributeName: 'finished_team', KeyType: 'HASH' },
        { AttributeName: 'ended_at', KeyType: 'RANGE' },
      ],
    });
  });

  it.each(FUNCTIONS)('runs the %s function on nodejs22.x or newer from its bundle, with its own role', (name) => {
    const { Runtime, Handler } = properties(functionId(name));

    expect(Number(/^nodejs(\d+)\.x$/.exec(String(Runtime))?.[1])).toBeGreaterThanOrEqual(22);
    expect(Handler).toBe(`dist/lambda/${name}.handler`);
    expect(roleIdOf(name)).toBe(`${functionId(name).replace('LambdaFunction', '')}FunctionRole`);
  });

  it.each(FUNCTIONS)('gives the %s function parameter names and ids, never secret values', (name) => {
    const variables = asObject(properties(functionId(name)).Environment).Variables;

    expect(variables).toEqual({
      JOBS_TABLE: `es-snapshot-bot-${STAGE}-jobs`,
      ES_SNAPSHOT_BOT_CONFIG: 'config/clusters.yml',
      SLACK_SIGNING_SECRET_PARAMETER: `/es-snapshot-bot/${STAGE}/slack-signing-secret`,
      SLACK_BOT_TOKEN_PARAMETER: `/es-snapshot-bot/${STAGE}/slack-bot-token`,
      SLACK_BOT_ID: 'B0TEST',
      SLACK_BOT_USER_ID: 'U0TEST',
      LOG_LEVEL: 'info',
      ES_SNAPSHOT_BOT_RETENTION_DAYS: '365',
      SLACK_API_URL: '',
      NODE_OPTIONS: '--enable-source-maps',
      WORKER_FUNCTION_NAME: `es-snapshot-bot-${STAGE}-worker`,
    });
  });

  it.each(FUNCTIONS)(
    'keeps finished jobs for as many days as the stack says, 0 for good, in the %s function',
    (name) => {
      const retentionWith = (parameters: Record<string, string>) =>
        asObject(
          asObject(asObject(evaluator(parameters).resolve(template.Resources[functionId(name)])).Properties)
            .Environment,
        ).Variables;

      expect(template.Parameters?.JobRetentionDays).toMatchObject({ Type: 'Number', MinValue: 0 });
      expect(retentionWith({ JobRetentionDays: '0' })).toMatchObject({ ES_SNAPSHOT_BOT_RETENTION_DAYS: '0' });
      expect(retentionWith({ JobRetentionDays: '730' })).toMatchObject({ ES_SNAPSHOT_BOT_RETENTION_DAYS: '730' });
    },
  );

  it.each(FUNCTIONS)('sends Slack calls of the %s function where the stack says: slack.com, or GovSlack', (name) => {
    const variablesWith = (parameters: Record<string, string>) =>
      asObject(
        asObject(asObject(evaluator(parameters).resolve(template.Resources[functionId(name)])).Properties).Environment,
      ).Variables;
    const allowed = new RegExp(String(asObject(template.Parameters?.SlackApiUrl).AllowedPattern));

    expect(variablesWith({ SlackApiUrl: 'https://slack-gov.com/api/' })).toMatchObject({
      SLACK_API_URL: 'https://slack-gov.com/api/',
    });
    expect(['', 'https://slack-gov.com/api/'].every((url) => allowed.test(url))).toBe(true);
    expect(['http://slack-gov.com/api/', 'slack-gov.com', 'https://x/api/?a=1'].some((url) => allowed.test(url))).toBe(
      false,
    );
  });

  it('routes POST /slack/events, and only that, from the HTTP API to the slack function', () => {
    const routes = byType('AWS::ApiGatewayV2::Route').map(([id]) => properties(id));

    expect(routes.map((route) => route.RouteKey)).toEqual(['POST /slack/events']);
    const integrationId = String(routes[0]?.Target).replace(/^integrations\/(.*)-physical-id$/, '$1');
    expect(properties(integrationId).IntegrationUri).toBe(functionArn('slack'));
  });

  it('starts the worker from the jobs stream for QUEUED jobs only, one at a time, without blocking the shard', () => {
    const mappings = byType('AWS::Lambda::EventSourceMapping').map(([id]) => properties(id));

    expect(mappings).toHaveLength(1);
    const [mapping = {}] = mappings;
    expect(mapping).toMatchObject({
      EventSourceArn: evaluate.getAtt('JobsTable', 'StreamArn'),
      FunctionName: functionArn('worker'),
      BatchSize: 1,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: evaluate.getAtt('FailedStreamRecordsQueue', 'Arn') } },
    });
    expect(mapping.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
    expect(mapping.MaximumRetryAttempts).toBeLessThanOrEqual(10);
    expect(mapping.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
    expect(mapping.MaximumRecordAgeInSeconds).toBeLessThan(24 * 3600);
    const filters = asObject(mapping.FilterCriteria).Filters as { Pattern: string }[];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { state: { S: ['QUEUED'] } } } },
      {
        eventName: ['MODIFY'],
        dynamodb: {
          NewImage: { state: { S: ['QUEUED'] } },
          OldImage: { state: { S: [{ 'anything-but': ['QUEUED'] }] } },
        },
      },
    ]);
  });

  it('lets through the stream record of a write that makes a job QUEUED, and no other', () => {
    const mapping = byType('AWS::Lambda::EventSourceMapping').map(([id]) => properties(id))[0] ?? {};
    const filters = (asObject(mapping.FilterCriteria).Filters as { Pattern: string }[]).map(
      (filter) => JSON.parse(filter.Pattern) as unknown,
    );
    const image = (state: Job['state']) =>
      marshall(toJobItem({ ...buildJob(), state }, 30), { removeUndefinedValues: true });
    const passes = (eventName: string, state: Job['state'], before?: Job['state']) =>
      filters.some((pattern) =>
        matchesEventPattern(pattern, {
          eventName,
          dynamodb: { NewImage: image(state), ...(before === undefined ? {} : { OldImage: image(before) }) },
        }),
      );

    expect(passes('INSERT', 'QUEUED')).toBe(true);
    expect(passes('MODIFY', 'QUEUED', 'PENDING_APPROVAL')).toBe(true);
    expect(passes('MODIFY', 'QUEUED', 'RUNNING')).toBe(true);
    // Its Slack message recorded while it waits in the queue: the worker already started for it.
    expect(passes('MODIFY', 'QUEUED', 'QUEUED')).toBe(false);
    for (const state of ['PENDING_APPROVAL', 'RUNNING', 'SUCCEEDED'] as const) {
      expect(passes('INSERT', state)).toBe(false);
      expect(passes('MODIFY', state, 'QUEUED')).toBe(false);
    }
  });

  it('ticks the poller every minute', () => {
    const rules = byType('AWS::Events::Rule').map(([id]) => properties(id));

    expect(rules).toHaveLength(1);
    const [rule = {}] = rules;
    expect(rule).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect((rule.Targets as JsonObject[]).map((target) => target.Arn)).toEqual([functionArn('poller')]);
  });

  it.each([
    ['with the defaults', {}],
    ['with the bucket and a KMS key', { CreateSnapshotBucket: 'true', SlackSecretsKmsKeyArn: KMS_KEY }],
    ['with cluster roles to assume', WITH_CLUSTER_ROLES],
  ])('names a specific resource in every IAM statement (%s)', (_case, overrides) => {
    const roles = rolesWith(overrides);

    expect(Object.keys(template.Resources)).not.toContain('IamRoleLambdaExecution');
    expect(byType('AWS::IAM::Policy').concat(byType('AWS::IAM::ManagedPolicy'))).toEqual([]);
    for (const [id, role] of roles) {
      expect(role.ManagedPolicyArns, `${id} managed policies`).toBeUndefined();
      for (const [action, resources] of Object.entries(permissionsOf(role))) {
        for (const arn of resources) {
          expect(arn, `${id} ${action}`).toMatch(/^arn:aws:(dynamodb|es|iam|kms|lambda|logs|s3|sqs|ssm):/);
          // A wildcard may only close an ARN that names its table, domain, log group or bucket.
          expect(arn.replace(/(\/\*|:\*)$/, ''), `${id} ${action}`).not.toContain('*');
        }
      }
    }
  });

  it.each(FUNCTIONS)('grants the %s function only what it uses', (name) => {
    const table = evaluate.getAtt('JobsTable', 'Arn');
    const parameter = (suffix: string) =>
      `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/es-snapshot-bot/${STAGE}/${suffix}`;
    const grants = (actions: string[], resources: string[]) => actions.map((action) => [action, resources.sort()]);
    const common = [
      ...grants(
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/es-snapshot-bot-${STAGE}-${name}:*`],
      ),
      ...grants(
        ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
        [table, `${table}/index/*`],
      ),
      ...grants(['ssm:GetParameter'], [parameter('slack-signing-secret'), parameter('slack-bot-token')]),
    ];
    const invokeWorker = grants(['lambda:InvokeFunction'], [functionArn('worker')]);
    const runSteps = [
      ...grants(
        ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete'],
        DOMAIN_ARNS.map((arn) => `${arn}/*`),
      ),
      ...grants(['iam:PassRole'], [evaluate.getAtt('SnapshotRole', 'Arn')]),
    ];
    const readStream = grants(
      ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      [evaluate.getAtt('JobsTable', 'StreamArn')],
    );
    const setAsideFailedRecords = grants(['sqs:SendMessage'], [evaluate.getAtt('FailedStreamRecordsQueue', 'Arn')]);
    // A job that becomes QUEUED reaches the worker through the stream: only the slack function invokes it.
    const expected = {
      slack: invokeWorker,
      worker: [...runSteps, ...readStream, ...setAsideFailedRecords],
      poller: runSteps,
    };

    const permissions = permissionsOf(properties(roleIdOf(name)));

    expect(permissions).toEqual(Object.fromEntries([...common, ...expected[name]]));
  });

  it.each(['WorkerFunctionRole', 'PollerFunctionRole'])('lets %s pass the snapshot role to OpenSearch only', (id) => {
    const statements = statementsOf(properties(id)).filter((statement) =>
      asList(statement.Action).includes('iam:PassRole'),
    );

    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: evaluate.getAtt('SnapshotRole', 'Arn'),
        Condition: { StringEquals: { 'iam:PassedToService': 'es.amazonaws.com' } },
      },
    ]);
  });

  it('decrypts the Slack parameters through SSM only, and only when a customer managed key is configured', () => {
    const kmsStatements = (overrides: Record<string, string>) =>
      rolesWith(overrides)
        .flatMap(([, role]) => statementsOf(role))
        .filter((statement) => asList(statement.Action).some((action) => action.startsWith('kms:')));

    expect(kmsStatements({})).toEqual([]);
    const withKey = kmsStatements({ SlackSecretsKmsKeyArn: KMS_KEY });
    expect(withKey).toHaveLength(FUNCTIONS.length);
    for (const statement of withKey) {
      expect(statement).toEqual({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: KMS_KEY,
        Condition: { StringEquals: { 'kms:ViaService': `ssm.${REGION}.amazonaws.com` } },
      });
    }
  });

  // Trust policies (AssumeRolePolicyDocument) say who may assume a role, not what the role may do: only the
  // inline policies are read here.
  const assumeRoleStatements = (parameters: Record<string, string>) =>
    Object.fromEntries(
      rolesWith(parameters).map(([id, role]) => [
        id,
        statementsOf(role).filter((statement) =>
          asList(statement.Action).some((action) => /^(sts:|\*$)/i.test(action)),
        ),
      ]),
    );

  it('lets no role assume another when the stage lists no cluster roles', () => {
    expect(assumeRoleStatements({})).toEqual({
      SnapshotRole: [],
      SlackFunctionRole: [],
      WorkerFunctionRole: [],
      PollerFunctionRole: [],
    });
  });

  it('lets the worker and the poller, and only them, assume exactly the cluster roles the stage lists', () => {
    const assumeClusterRoles = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: CLUSTER_ROLES };

    expect(assumeRoleStatements(WITH_CLUSTER_ROLES)).toEqual({
      SnapshotRole: [],
      SlackFunctionRole: [],
      WorkerFunctionRole: [assumeClusterRoles],
      PollerFunctionRole: [assumeClusterRoles],
    });
  });

  it.each(FUNCTIONS)('grants the %s function nothing else when the stage lists cluster roles', (name) => {
    const permissions = (parameters: Record<string, string>) => permissionsOf(roleWith(parameters, roleIdOf(name)));

    const { 'sts:AssumeRole': _assumeClusterRoles, ...others } = permissions(WITH_CLUSTER_ROLES);

    expect(others).toEqual(permissions({}));
  });

  it('lets only Amazon OpenSearch Service of this account assume the snapshot role, for the bucket only', () => {
    const role = properties('SnapshotRole');

    expect(asObject(role.AssumeRolePolicyDocument).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'es.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      },
    ]);
    expect(permissionsOf(role)).toEqual({
      's3:ListBucket': [`arn:aws:s3:::${BUCKET}`],
      's3:GetObject': [`arn:aws:s3:::${BUCKET}/*`],
      's3:PutObject': [`arn:aws:s3:::${BUCKET}/*`],
      's3:DeleteObject': [`arn:aws:s3:::${BUCKET}/*`],
    });
  });

  it('creates the snapshot bucket only when asked: private, encrypted, retained, never moved to Glacier', () => {
    const created = evaluator({ CreateSnapshotBucket: 'true' });
    const bucket = asObject(created.resolve(template.Resources.SnapshotBucket));
    const bucketProperties = asObject(bucket.Properties);

    expect(evaluate.condition('CreateSnapshotBucket')).toBe(false);
    expect(created.condition('CreateSnapshotBucket')).toBe(true);
    expect(bucket).toMatchObject({ Condition: 'CreateSnapshotBucket', DeletionPolicy: 'Retain' });
    expect(bucketProperties).toMatchObject({
      BucketName: BUCKET,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    const rules = asObject(bucketProperties.LifecycleConfiguration).Rules as JsonObject[];
    expect(rules.some((rule) => rule.NoncurrentVersionExpiration !== undefined)).toBe(true);
    expect(JSON.stringify(rules)).not.toMatch(/Transition|GLACIER|DEEP_ARCHIVE|StorageClass/i);
  });

  it('alarms on failed jobs, stalled steps and failed stream records, to the SNS topic when given', () => {
    const alarmsWith = (parameters: Record<string, string>) =>
      byType('AWS::CloudWatch::Alarm').map(([id]) =>
        asObject(asObject(evaluator(parameters).resolve(template.Resources[id])).Properties),
      );
    const topic = `arn:aws:sns:${REGION}:${ACCOUNT}:search-on-call`;

    const failedRecords = [{ Name: 'QueueName', Value: evaluate.getAtt('FailedStreamRecordsQueue', 'QueueName') }];
    expect(alarmsWith({}).map((alarm) => [alarm.Namespace, alarm.MetricName, alarm.Dimensions])).toEqual([
      [METRICS_NAMESPACE, 'JobsFailed', [{ Name: 'service', Value: METRICS_SERVICE }]],
      [METRICS_NAMESPACE, 'StepsStalled', [{ Name: 'service', Value: METRICS_SERVICE }]],
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', failedRecords],
    ]);
    expect(alarmsWith({}).every((alarm) => alarm.AlarmActions === undefined)).toBe(true);
    expect(alarmsWith({ AlarmTopicArn: topic }).map((alarm) => alarm.AlarmActions)).toEqual([
      [topic],
      [topic],
      [topic],
    ]);
  });

  it('outputs the Slack request URL and the snapshot role ARN', () => {
    const outputs = asObject(evaluate.resolve(asObject(template).Outputs));

    expect(asObject(outputs.SlackRequestUrl).Value).toMatch(
      new RegExp(`^https://[\\w-]+\\.execute-api\\.${REGION}\\.amazonaws\\.com/slack/events$`),
    );
    expect(asObject(outputs.SnapshotRoleArn).Value).toBe(evaluate.getAtt('SnapshotRole', 'Arn'));
  });

  it.each(FUNCTIONS)(
    'zips the %s function with only its bundle, its source map and the cluster config',
    async (name) => {
      const zip = await readFile(packaged.zipPath(name));

      expect(zipEntryNames(zip)).toEqual([
        'config/clusters.yml',
        `dist/lambda/${name}.mjs`,
        `dist/lambda/${name}.mjs.map`,
      ]);
    },
  );

  it.skipIf(!HANDLERS_EXIST)('bundles each handler as an ES module that exports handler', async () => {
    expect(packaged.bundleFailure?.message).toBeUndefined();
    const metafile = JSON.parse(await readFile(packaged.metafilePath, 'utf8')) as {
      outputs: Record<string, { exports: string[]; entryPoint?: string }>;
    };

    for (const name of FUNCTIONS) {
      const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`)) ?? [];
      expect(output, name).toMatchObject({ entryPoint: `src/handlers/${name}.ts` });
      expect(output?.exports, name).toContain('handler');
    }
  });

  it('refuses to package without config/clusters.yml', async () => {
    const bare = join(work, 'without-cluster-config');
    await mkdir(bare);
    await copyFile(join(PROJECT_ROOT, 'serverless.yml'), join(bare, 'serverless.yml'));

    const refusal = await runOsls(bare, STAGE_OPTIONS).then(
      () => 'packaged',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );

    expect(refusal).toContain('custom.clusterAliases');
  });

  it('passes cfn-lint', async () => {
    // W3005 (DependsOn next to a GetAtt) is in the resources osls writes itself: functions and HTTP API routes.
    const args = [packaged.templatePath, '--regions', REGION, '--ignore-checks', 'W3005'];

    const problems = await cfnLintProblems(cfnLint, args);

    expect(problems).toBe('');
  });
});
