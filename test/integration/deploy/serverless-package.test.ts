import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsTableDefinition, jobsTableTimeToLive } from '../../../src/adapters/dynamodb/jobs-table.js';

/**
 * `osls package` turns serverless.yml into the CloudFormation template and zips that `osls deploy` would upload;
 * these tests read them offline. Intrinsic functions are worked out by a small evaluator below, so assertions see
 * the ARNs AWS would see (the domain list expanded, conditions applied) rather than the template's syntax.
 */

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FUNCTIONS = ['slack', 'worker', 'poller'] as const;
// With all three entry points present the real bundles are packaged; until then, placeholder bundles are.
const HANDLERS_EXIST = FUNCTIONS.every((name) => existsSync(join(PROJECT_ROOT, 'src/handlers', `${name}.ts`)));
const CFN_LINT_VERSION = '1.58.0';
const CFN_LINT_HOME = join(PROJECT_ROOT, '.cache', `cfn-lint-${CFN_LINT_VERSION}`);

const STAGE = 'test';
const REGION = 'ap-northeast-1';
const ACCOUNT = '123456789012';
const DOMAIN_ARNS = [
  `arn:aws:es:${REGION}:${ACCOUNT}:domain/logs-prod`,
  `arn:aws:es:${REGION}:${ACCOUNT}:domain/logs-stg`,
];
const BUCKET = 'es-snapshot-bot-test-snapshots';
const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b5e4c4e-0000-4000-8000-000000000000`;

type JsonObject = Record<string, unknown>;
type Template = { Parameters: JsonObject; Conditions: JsonObject; Resources: Record<string, JsonObject> };
type Statement = { Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: JsonObject };

const asObject = (value: unknown): JsonObject => value as JsonObject;
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Offline and anonymous: no AWS credentials, no instance metadata, and a proxy that refuses any HTTP call. */
function offlineEnvironment(home: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(AWS_|SLS_|SERVERLESS_)/.test(key));
  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_NOTIFICATION_MODE: 'error', // a deprecated setting in serverless.yml fails here, not at deploy
    SLS_SCHEMA_CACHE_BASE_DIR: join(PROJECT_ROOT, '.cache', 'osls'),
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    CI: 'true',
  };
}

/**
 * The real bundles when all entry points exist, else placeholders. A bundle that fails to build is reported by its
 * own test; placeholders stand in for it so that the template is still checked.
 */
async function prepareBundles(outdir: string): Promise<Error | undefined> {
  let failure: Error | undefined;
  if (HANDLERS_EXIST) {
    const bundleScript = join(PROJECT_ROOT, 'scripts/bundle.mjs');
    const metafile = join(outdir, '../metafile.json');
    try {
      await run(process.execPath, [bundleScript, '--outdir', outdir, '--metafile', metafile]);
      return undefined;
    } catch (error) {
      failure = error as Error;
    }
  }
  await mkdir(outdir, { recursive: true });
  for (const name of FUNCTIONS) {
    await writeFile(join(outdir, `${name}.mjs`), 'export const handler = async () => ({ statusCode: 200 });\n');
    await writeFile(join(outdir, `${name}.mjs.map`), '{"version":3,"sources":[],"mappings":""}\n');
  }
  return failure;
}

function runOsls(work: string) {
  const params = {
    domainArns: DOMAIN_ARNS.join(','),
    snapshotBucketName: BUCKET,
    slackBotId: 'B0TEST',
    slackBotUserId: 'U0TEST',
  };
  const osls = join(PROJECT_ROOT, 'node_modules/.bin/osls');
  const args = [
    'package',
    '--stage',
    STAGE,
    '--region',
    REGION,
    ...Object.entries(params).map(([k, v]) => `--param=${k}=${v}`),
  ];
  return run(osls, args, { cwd: work, env: offlineEnvironment(work), timeout: 60_000 });
}

/** Copies what serverless.yml packages into `work` and runs `osls package` there. */
async function packageService(work: string): Promise<Error | undefined> {
  await mkdir(join(work, 'config'), { recursive: true });
  await copyFile(join(PROJECT_ROOT, 'serverless.yml'), join(work, 'serverless.yml'));
  await copyFile(join(PROJECT_ROOT, 'config/clusters.example.yml'), join(work, 'config/clusters.yml'));
  await writeFile(join(work, 'README.md'), 'not packaged\n');
  const bundleFailure = await prepareBundles(join(work, 'dist/lambda'));
  await runOsls(work);
  return bundleFailure;
}

/** cfn-lint from PyPI in a venv under .cache/, installed once per checkout. */
async function ensureCfnLint(): Promise<string> {
  const marker = join(CFN_LINT_HOME, '.installed');
  if (!existsSync(marker)) {
    await rm(CFN_LINT_HOME, { recursive: true, force: true });
    await run('python3', ['-m', 'venv', CFN_LINT_HOME]).catch((error: Error) => {
      throw new Error(`cfn-lint needs python3 with its venv module (Debian: python3-venv): ${error.message}`, {
        cause: error,
      });
    });
    const pip = join(CFN_LINT_HOME, 'bin/pip');
    await run(pip, ['install', '--quiet', '--disable-pip-version-check', `cfn-lint==${CFN_LINT_VERSION}`]);
    await writeFile(marker, '');
  }
  return join(CFN_LINT_HOME, 'bin/cfn-lint');
}

/** Names of the files in a zip, from its central directory. */
function zipEntryNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  const names: string[] = [];
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + skip;
  }
  return names.sort();
}

const NO_VALUE = Symbol('AWS::NoValue');

/** Works out Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Split, Fn::If as CloudFormation would for these parameters. */
function evaluator(template: Template, overrides: Record<string, string> = {}) {
  const parameter = (name: string): unknown => {
    const { Type, Default } = asObject(template.Parameters[name]);
    const value = overrides[name] ?? String(Default);
    return Type === 'CommaDelimitedList' ? value.split(',') : value;
  };
  const pseudo: JsonObject = {
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NoValue': NO_VALUE,
  };
  const property = (id: string, key: string) => resolve(asObject(template.Resources[id]?.Properties)[key]);
  const ref = (name: string): unknown => {
    if (name in pseudo) return pseudo[name];
    if (name in template.Parameters) return parameter(name);
    const type = template.Resources[name]?.Type;
    if (type === 'AWS::DynamoDB::Table') return property(name, 'TableName');
    if (type === 'AWS::Lambda::Function') return property(name, 'FunctionName');
    if (type === 'AWS::S3::Bucket') return property(name, 'BucketName');
    if (type === undefined) throw new Error(`Ref to unknown ${name}`);
    return `${name}-physical-id`;
  };
  const getAtt = (id: string, attribute: string): string => {
    const type = template.Resources[id]?.Type;
    const arn = `${type}.${attribute}`;
    if (arn === 'AWS::DynamoDB::Table.Arn') return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${ref(id)}`;
    if (arn === 'AWS::DynamoDB::Table.StreamArn') return `${getAtt(id, 'Arn')}/stream/2026-11-24T00:00:00.000`;
    if (arn === 'AWS::Logs::LogGroup.Arn') {
      return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${property(id, 'LogGroupName')}:*`;
    }
    if (arn === 'AWS::Lambda::Function.Arn') return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${ref(id)}`;
    if (arn === 'AWS::IAM::Role.Arn') return `arn:aws:iam::${ACCOUNT}:role/${property(id, 'RoleName') ?? id}`;
    if (arn === 'AWS::S3::Bucket.Arn') return `arn:aws:s3:::${ref(id)}`;
    throw new Error(`no fake for Fn::GetAtt ${id}.${attribute} (${type})`);
  };
  const substitute = (text: string, variables: JsonObject) =>
    text.replace(/\$\{([^}!]+)\}/g, (_match, name: string) => {
      if (name in variables) return String(variables[name]);
      const [id = '', attribute] = name.split('.');
      return String(attribute === undefined ? ref(id) : getAtt(id, attribute));
    });
  const condition = (name: string): boolean => Boolean(resolve(template.Conditions[name]));
  const intrinsic = (name: string, args: unknown): unknown => {
    const list = args as unknown[];
    switch (name) {
      case 'Ref':
        return ref(args as string);
      case 'Fn::GetAtt':
        return getAtt(list[0] as string, list[1] as string);
      case 'Fn::Sub':
        return typeof args === 'string'
          ? substitute(args, {})
          : substitute(list[0] as string, asObject(resolve(list[1])));
      case 'Fn::Join':
        return (resolve(list[1]) as unknown[]).join(list[0] as string);
      case 'Fn::Split':
        return String(resolve(list[1])).split(list[0] as string);
      case 'Fn::If':
        return resolve(condition(list[0] as string) ? list[1] : list[2]);
      case 'Fn::Equals':
        return resolve(list[0]) === resolve(list[1]);
      case 'Fn::Not':
        return !resolve(list[0]);
      default:
        throw new Error(`the evaluator does not know ${name}`);
    }
  };
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve).filter((item) => item !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const [first] = entries;
    if (entries.length === 1 && first !== undefined && /^(Ref|Fn::|Condition$)/.test(first[0])) {
      return first[0] === 'Condition' ? condition(first[1] as string) : intrinsic(first[0], first[1]);
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, resolve(value)]).filter(([, v]) => v !== NO_VALUE));
  };
  return { resolve, condition, getAtt, ref };
}

/** action → the sorted resources it is allowed on, for one role's inline policies. */
function permissionsOf(role: JsonObject): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const policy of role.Policies as { PolicyDocument: { Statement: Statement[] } }[]) {
    for (const statement of policy.PolicyDocument.Statement) {
      for (const action of asList(statement.Action)) {
        permissions[action] = [...(permissions[action] ?? []), ...asList(statement.Resource)].sort();
      }
    }
  }
  return permissions;
}

describe('osls package of serverless.yml', () => {
  let work: string;
  let cfnLint: string;
  let bundleFailure: Error | undefined;
  let template: Template;
  let evaluate: ReturnType<typeof evaluator>;
  const resource = (id: string) => asObject(evaluate.resolve(template.Resources[id]));
  const properties = (id: string) => asObject(resource(id).Properties);
  const byType = (type: string) => Object.entries(template.Resources).filter(([, value]) => value.Type === type);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'es-snapshot-bot-package-'));
    [cfnLint, bundleFailure] = await Promise.all([ensureCfnLint(), packageService(work)]);
    const templatePath = join(work, '.serverless/cloudformation-template-update-stack.json');
    template = JSON.parse(await readFile(templatePath, 'utf8')) as Template;
    evaluate = evaluator(template);
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
      NODE_OPTIONS: '--enable-source-maps',
      WORKER_FUNCTION_NAME: `es-snapshot-bot-${STAGE}-worker`,
    });
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
    });
    expect(mapping.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
    expect(mapping.MaximumRetryAttempts).toBeLessThanOrEqual(10);
    expect(mapping.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
    expect(mapping.MaximumRecordAgeInSeconds).toBeLessThan(24 * 3600);
    const filters = asObject(mapping.FilterCriteria).Filters as { Pattern: string }[];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { dynamodb: { NewImage: { state: { S: ['QUEUED'] } } } },
    ]);
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
  ])('names a specific resource in every IAM statement (%s)', (_case, overrides) => {
    const resolved = evaluator(template, overrides);
    const roles = byType('AWS::IAM::Role').map(
      ([id, role]) => [id, asObject(asObject(resolved.resolve(role)).Properties)] as const,
    );

    expect(Object.keys(template.Resources)).not.toContain('IamRoleLambdaExecution');
    expect(byType('AWS::IAM::Policy').concat(byType('AWS::IAM::ManagedPolicy'))).toEqual([]);
    for (const [id, role] of roles) {
      expect(role.ManagedPolicyArns, `${id} managed policies`).toBeUndefined();
      for (const [action, resources] of Object.entries(permissionsOf(role))) {
        for (const arn of resources) {
          expect(arn, `${id} ${action}`).toMatch(/^arn:aws:(dynamodb|es|iam|kms|lambda|logs|s3|ssm):/);
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
    const expected = { slack: invokeWorker, worker: [...runSteps, ...invokeWorker, ...readStream], poller: runSteps };

    const permissions = permissionsOf(properties(roleIdOf(name)));

    expect(permissions).toEqual(Object.fromEntries([...common, ...expected[name]]));
  });

  it.each(['WorkerFunctionRole', 'PollerFunctionRole'])('lets %s pass the snapshot role to OpenSearch only', (id) => {
    const statements = (properties(id).Policies as { PolicyDocument: { Statement: Statement[] } }[])
      .flatMap((policy) => policy.PolicyDocument.Statement)
      .filter((statement) => asList(statement.Action).includes('iam:PassRole'));

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
      byType('AWS::IAM::Role')
        .map(([, role]) => asObject(asObject(evaluator(template, overrides).resolve(role)).Properties))
        .flatMap((role) => (role.Policies as { PolicyDocument: { Statement: Statement[] } }[]) ?? [])
        .flatMap((policy) => policy.PolicyDocument.Statement)
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
    const created = evaluator(template, { CreateSnapshotBucket: 'true' });
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
      const zip = await readFile(join(work, '.serverless', `${name}.zip`));

      expect(zipEntryNames(zip)).toEqual([
        'config/clusters.yml',
        `dist/lambda/${name}.mjs`,
        `dist/lambda/${name}.mjs.map`,
      ]);
    },
  );

  it.skipIf(!HANDLERS_EXIST)('bundles each handler as an ES module that exports handler', async () => {
    expect(bundleFailure?.message).toBeUndefined();
    const metafile = JSON.parse(await readFile(join(work, 'dist/metafile.json'), 'utf8')) as {
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

    const refusal = await runOsls(bare).then(
      () => 'packaged',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );

    expect(refusal).toContain('custom.clusterAliases');
  });

  it('passes cfn-lint', async () => {
    const templatePath = join(work, '.serverless/cloudformation-template-update-stack.json');
    // W3005 (DependsOn next to a GetAtt) is in the resources osls writes itself: functions and HTTP API routes.
    const args = [templatePath, '--regions', REGION, '--ignore-checks', 'W3005'];

    const problems = await run(cfnLint, args).then(
      () => '',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );

    expect(problems).toBe('');
  });
});
