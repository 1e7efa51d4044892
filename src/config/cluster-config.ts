// The configuration, read once at start-up: the cluster file (this module: schema and load, every problem reported
// with its key), the environment (env.ts: typed getters that name the variable) and the Slack secrets from SSM
// Parameter Store (secrets.ts). It produces the core's ClusterConfig and BotConfig; nothing reads config later.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { JobKind } from '../core/jobs/job-states.js';
import type { BotConfig, ClusterConfig } from '../core/model/configured-cluster.js';
import { fsRepositorySettings, ROLE_ARN, s3RepositorySettings } from '../core/model/repository.js';
import { LANGUAGES } from '../core/words/language.js';
import { ConfigError } from './errors.js';

const repositoryName = z
  .string()
  .min(1)
  .refine((name) => !name.startsWith('cs-'), 'names starting with "cs-" are reserved by Amazon OpenSearch Service')
  .refine((name) => !/[\s\\/*?"<>|,#]/.test(name) && !name.startsWith('_'), 'is not a valid repository name');

const endpoint = z
  .url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined
        ? 'is required (an http(s) URL)'
        : 'expected an http(s) URL such as https://search-logs-abc123.eu-west-1.es.amazonaws.com',
  })
  .refine((url) => !/\.aoss\.amazonaws\.com/.test(url), 'OpenSearch Serverless collections have no snapshot API');

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_GROUP = /^S[A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CGD][A-Z0-9]{2,}$/;

const userIds = z.array(z.string().regex(SLACK_USER, 'expected a Slack user ID like U0123ABCD')).default([]);
const groupIds = z.array(z.string().regex(SLACK_GROUP, 'expected a Slack user group ID like S0123ABCD')).default([]);

const approvalSchema = z
  .strictObject({
    approvers: userIds,
    approver_groups: groupIds,
    required: z.number().int().min(1).max(5).default(1),
    allow_self_approval: z.boolean().default(false),
    expiry_minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    auto_run: z.array(z.enum(JobKind)).default(['repo-register', 'snapshot-create']),
  })
  .default({
    approvers: [],
    approver_groups: [],
    required: 1,
    allow_self_approval: false,
    expiry_minutes: 30,
    auto_run: ['repo-register', 'snapshot-create'],
  });

const onCallSchema = z
  .strictObject({
    users: userIds,
    groups: groupIds,
    channel: z.string().regex(SLACK_CHANNEL, 'expected a Slack channel ID like C0123ABCD').optional(),
    stall_minutes: z.number().int().min(1).default(30),
  })
  .default({ users: [], groups: [], stall_minutes: 30 });

const clusterSchema = z
  .strictObject({
    endpoint,
    region: z.string().min(1).optional(),
    signing: z.enum(['es', 'none']).default('es'),
    assume_role_arn: z.string().regex(ROLE_ARN, 'expected an IAM role ARN').optional(),
    default_repository: z
      // Strict where people write it: a misspelt setting is an error, not a setting silently dropped.
      .discriminatedUnion('type', [
        z.strictObject({ name: repositoryName, type: z.literal('s3'), settings: s3RepositorySettings.strict() }),
        z.strictObject({ name: repositoryName, type: z.literal('fs'), settings: fsRepositorySettings.strict() }),
      ])
      .optional(),
    protected_indices: z.array(z.string().min(1)).default([]),
    request_timeout_seconds: z.number().positive().max(900).default(30),
    approval: approvalSchema,
    allowed_channels: z
      .array(z.string().regex(SLACK_CHANNEL, 'expected a Slack channel ID like C0123ABCD'))
      .default([]),
    on_call: onCallSchema,
    requesters: z.strictObject({ users: userIds, groups: groupIds }).default({ users: [], groups: [] }),
  })
  .superRefine((cluster, context) => {
    for (const problem of approvalProblems(cluster)) context.addIssue({ code: 'custom', ...problem });
    if (cluster.signing === 'es' && cluster.region === undefined) {
      context.addIssue({ code: 'custom', path: ['region'], message: 'is required when signing is "es"' });
    }
    const repository = cluster.default_repository;
    if (cluster.signing === 'es' && repository?.type === 's3' && repository.settings.role_arn === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['default_repository', 'settings', 'role_arn'],
        message: 'is required by Amazon OpenSearch Service to register an s3 repository',
      });
    }
  });

/** Kinds that delete or overwrite data: they always wait for an approver, whatever `auto_run` says. */
const ALWAYS_APPROVED: readonly JobKind[] = [
  JobKind.INDEX_DELETE,
  JobKind.RESTORE,
  JobKind.MIGRATE,
  JobKind.SNAPSHOT_DELETE,
];

type ClusterDocument = Pick<z.infer<typeof clusterSchema>, 'approval' | 'requesters'>;

/**
 * The most approvals a request could ever collect when every approver is named (groups can grow, so a group makes
 * any number possible): the approvers, less one when every requester is an approver who may not approve their own.
 */
function mostApprovals({ approval, requesters }: ClusterDocument): number {
  if (approval.approver_groups.length > 0) return Number.POSITIVE_INFINITY;
  const requesterIsApprover =
    requesters.groups.length === 0 &&
    requesters.users.length > 0 &&
    requesters.users.every((user) => approval.approvers.includes(user));
  const ownDoesNotCount = !approval.allow_self_approval && requesterIsApprover;
  return approval.approvers.length - (ownDoesNotCount ? 1 : 0);
}

/** Approval rules that would let data go without an approver, or ask for more approvals than anyone can give. */
function approvalProblems(cluster: ClusterDocument): Array<{ path: string[]; message: string }> {
  const { approval } = cluster;
  const problems = approval.auto_run
    .filter((kind) => ALWAYS_APPROVED.includes(kind))
    .map((kind) => ({
      path: ['approval', 'auto_run'],
      message: `${kind} deletes or overwrites data and always waits for approval: remove it from auto_run`,
    }));
  const most = mostApprovals(cluster);
  const named = approval.approvers.length > 0 || approval.approver_groups.length > 0;
  if (named && approval.required > most) {
    problems.push({
      path: ['approval', 'required'],
      message: `asks for ${approval.required} approvals, but at most ${most} could ever be given (a requester cannot approve their own request unless allow_self_approval is true): add approvers or lower required`,
    });
  }
  return problems;
}

const CLUSTER_ALIAS = /^[a-z0-9][a-z0-9_-]{0,31}$/;

const configSchema = z.strictObject({
  language: z.enum(LANGUAGES).default('en'),
  clusters: z
    .record(z.string().regex(CLUSTER_ALIAS), clusterSchema)
    .refine((clusters) => Object.keys(clusters).length > 0, 'define at least one cluster'),
});

/** Messages for the two mistakes people make most: a key left out, and a key misspelled. */
function plainIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.join(', ')}: check the spelling`;
  if (issue.code === 'invalid_key') return 'is not a valid alias: use lowercase letters, digits, "-" or "_"';
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): ConfigError {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(file)';
  return new ConfigError(key, issue.message);
}

function toClusterConfig(alias: string, cluster: z.infer<typeof clusterSchema>): ClusterConfig {
  const { approval, on_call: onCall } = cluster;
  return {
    alias,
    endpoint: new URL(cluster.endpoint),
    region: cluster.region,
    signing: cluster.signing,
    assumeRoleArn: cluster.assume_role_arn,
    defaultRepository: cluster.default_repository,
    protectedIndices: cluster.protected_indices,
    requestTimeoutMs: cluster.request_timeout_seconds * 1000,
    approval: {
      approvers: approval.approvers,
      approverGroups: approval.approver_groups,
      required: approval.required,
      allowSelfApproval: approval.allow_self_approval,
      expiryMinutes: approval.expiry_minutes,
      autoRun: approval.auto_run,
    },
    allowedChannels: cluster.allowed_channels,
    requesters: cluster.requesters,
    onCall: { users: onCall.users, groups: onCall.groups, channel: onCall.channel, stallMinutes: onCall.stall_minutes },
  };
}

/**
 * Validates a parsed configuration document. Every problem is reported together, each with the key to fix,
 * so an operator fixes a file in one pass.
 */
function parseBotConfig(document: unknown, source: string): BotConfig {
  const result = configSchema.safeParse(document, { error: plainIssueMessage });
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue);
    throw new ConfigError(source, problems.map((problem) => problem.message).join('; '), { cause: problems });
  }
  const clusters = Object.entries(result.data.clusters).map(([alias, cluster]): [string, ClusterConfig] => [
    alias,
    toClusterConfig(alias, cluster),
  ]);
  return { language: result.data.language, clusters: new Map(clusters) };
}

/** Reads a YAML (or JSON) cluster configuration file. */
async function loadBotConfig(path: string): Promise<BotConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, 'cannot read the cluster config file; set ES_SNAPSHOT_BOT_CONFIG to its path', {
      cause: error,
    });
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigError(path, `is not valid YAML (${(error as Error).message})`, { cause: error });
  }
  return parseBotConfig(document, path);
}

export { loadBotConfig, parseBotConfig };
