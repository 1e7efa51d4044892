import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBotConfig, parseBotConfig } from '../../../src/config/cluster-config.js';
import { ConfigError } from '../../../src/config/errors.js';

const managedCluster = {
  endpoint: 'https://search-logs-abc123.ap-northeast-1.es.amazonaws.com',
  region: 'ap-northeast-1',
  assume_role_arn: 'arn:aws:iam::123456789012:role/es-snapshot-bot',
  default_repository: {
    name: 'migration',
    type: 's3',
    settings: {
      bucket: 'snapshots',
      region: 'ap-northeast-1',
      role_arn: 'arn:aws:iam::123456789012:role/TheSnapshotRole',
      base_path: 'logs',
    },
  },
  protected_indices: ['audit-*'],
  approval: { approvers: ['U0ALICE'], approver_groups: ['S0SRE'], required: 2, expiry_minutes: 15 },
  allowed_channels: ['C0OPS'],
  on_call: { groups: ['S0ONCALL'], channel: 'C0PAGE' },
  requesters: { groups: ['S0DBA'] },
};

function problemsOf(document: unknown): string {
  try {
    parseBotConfig(document, 'clusters.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('parseBotConfig', () => {
  it('reads a managed-service cluster with an s3 repository', () => {
    const config = parseBotConfig({ clusters: { prod: managedCluster } }, 'clusters.yml');

    expect(config.clusters.get('prod')).toEqual({
      alias: 'prod',
      endpoint: new URL(managedCluster.endpoint),
      region: 'ap-northeast-1',
      signing: 'es',
      assumeRoleArn: 'arn:aws:iam::123456789012:role/es-snapshot-bot',
      defaultRepository: managedCluster.default_repository,
      protectedIndices: ['audit-*'],
      requestTimeoutMs: 30_000,
      approval: {
        approvers: ['U0ALICE'],
        approverGroups: ['S0SRE'],
        required: 2,
        allowSelfApproval: false,
        expiryMinutes: 15,
        autoRun: ['repo-register', 'snapshot-create'],
      },
      allowedChannels: ['C0OPS'],
      requesters: { users: [], groups: ['S0DBA'] },
      onCall: { users: [], groups: ['S0ONCALL'], channel: 'C0PAGE', stallMinutes: 30 },
    });
    expect(config.language).toBe('en');
  });

  it.each(['index-delete', 'restore', 'migrate', 'snapshot-delete'])(
    'refuses auto_run for %s, which deletes or overwrites data',
    (kind) => {
      const approval = { approvers: ['U0ALICE', 'U0BOB'], auto_run: ['snapshot-create', kind] };
      const problems = problemsOf({ clusters: { a: { endpoint: 'http://x', signing: 'none', approval } } });

      expect(problems).toContain(
        `a.approval.auto_run: ${kind} deletes or overwrites data and always waits for approval: remove it from auto_run`,
      );
    },
  );

  it.each([
    ['more approvals than approvers', { approvers: ['U0ALICE'], required: 2 }, {}, 1],
    [
      'every requester an approver who may not approve their own',
      { approvers: ['U0ALICE', 'U0BOB'], required: 2 },
      { users: ['U0ALICE', 'U0BOB'] },
      1,
    ],
  ])('refuses a required count no request could reach: %s', (_case, approval, requesters, most) => {
    const cluster = { endpoint: 'http://x', signing: 'none', approval, requesters };

    expect(problemsOf({ clusters: { a: cluster } })).toContain(
      `a.approval.required: asks for ${approval.required} approvals, but at most ${most} could ever be given`,
    );
  });

  it.each([
    [
      'self-approval is allowed',
      { approvers: ['U0ALICE', 'U0BOB'], required: 2, allow_self_approval: true },
      { users: ['U0ALICE'] },
    ],
    [
      'a requester is not an approver',
      { approvers: ['U0ALICE', 'U0BOB'], required: 2 },
      { users: ['U0ALICE', 'U0CAROL'] },
    ],
    ['a group may grow', { approvers: ['U0ALICE'], approver_groups: ['S0SRE'], required: 3 }, {}],
  ])('accepts a required count some request could reach: %s', (_case, approval, requesters) => {
    const cluster = { endpoint: 'http://x', signing: 'none', approval, requesters };

    expect(parseBotConfig({ clusters: { a: cluster } }, 'c').clusters.get('a')?.approval.required).toBe(
      approval.required,
    );
  });

  it('fills approval and on-call defaults for a cluster that names none', () => {
    const config = parseBotConfig({ language: 'ja', clusters: { a: { endpoint: 'http://x', signing: 'none' } } }, 'c');

    expect(config.language).toBe('ja');
    expect(config.clusters.get('a')).toMatchObject({
      approval: { approvers: [], required: 1, allowSelfApproval: false, expiryMinutes: 30 },
      allowedChannels: [],
      requesters: { users: [], groups: [] },
      onCall: { users: [], groups: [], channel: undefined },
    });
  });

  it('reads a local cluster with an fs repository and no signing', () => {
    const config = parseBotConfig(
      {
        clusters: {
          local: {
            endpoint: 'http://127.0.0.1:9200',
            signing: 'none',
            request_timeout_seconds: 5,
            default_repository: { name: 'local', type: 'fs', settings: { location: '/var/snapshots' } },
          },
        },
      },
      'clusters.yml',
    );

    expect(config.clusters.get('local')).toMatchObject({ signing: 'none', region: undefined, requestTimeoutMs: 5000 });
  });

  it.each([
    ['no clusters key', {}, 'clusters.yml: clusters: is required'],
    ['no cluster', { clusters: {} }, 'clusters: define at least one cluster'],
    ['an alias in capitals', { clusters: { Prod: managedCluster } }, 'clusters.Prod: is not a valid alias'],
    ['a misspelled key', { clusters: { a: { ...managedCluster, sigining: 'es' } } }, 'unknown key(s) sigining'],
    ['a missing endpoint', { clusters: { a: { region: 'x' } } }, 'clusters.a.endpoint: is required'],
    [
      'an ftp endpoint',
      { clusters: { a: { ...managedCluster, endpoint: 'ftp://x' } } },
      'clusters.a.endpoint: expected an http(s) URL',
    ],
    [
      'a serverless collection',
      { clusters: { a: { ...managedCluster, endpoint: 'https://abc.us-east-1.aoss.amazonaws.com' } } },
      'OpenSearch Serverless collections have no snapshot API',
    ],
    [
      'signing without region',
      { clusters: { a: { ...managedCluster, region: undefined } } },
      'clusters.a.region: is required when signing is "es"',
    ],
    ['an unknown signing', { clusters: { a: { ...managedCluster, signing: 'aoss' } } }, 'clusters.a.signing'],
    [
      'a reserved repository name',
      {
        clusters: {
          a: { ...managedCluster, default_repository: { ...managedCluster.default_repository, name: 'cs-mine' } },
        },
      },
      'clusters.a.default_repository.name: names starting with "cs-" are reserved',
    ],
    [
      'an s3 repository without role_arn on the managed service',
      {
        clusters: {
          a: { ...managedCluster, default_repository: { name: 'm', type: 's3', settings: { bucket: 'b' } } },
        },
      },
      'clusters.a.default_repository.settings.role_arn: is required by Amazon OpenSearch Service',
    ],
    [
      'a malformed role ARN',
      { clusters: { a: { ...managedCluster, assume_role_arn: 'TheRole' } } },
      'clusters.a.assume_role_arn: expected an IAM role ARN',
    ],
    [
      'an approver that is not a user ID',
      { clusters: { a: { ...managedCluster, approval: { approvers: ['@alice'] } } } },
      'clusters.a.approval.approvers.0: expected a Slack user ID',
    ],
    ['an unknown language', { language: 'fr', clusters: { a: managedCluster } }, 'language'],
    [
      'an unknown repository type',
      { clusters: { a: { ...managedCluster, default_repository: { name: 'm', type: 'hdfs', settings: {} } } } },
      'clusters.a.default_repository.type',
    ],
  ])('refuses %s, naming the key', (_case, document, message) => {
    expect(problemsOf(document)).toContain(message);
  });

  it('reports every problem at once', () => {
    const message = problemsOf({ clusters: { a: { endpoint: 'nope' }, b: { endpoint: 'http://x', signing: 'es' } } });

    expect(message).toContain('clusters.a.endpoint');
    expect(message).toContain('clusters.b.region');
  });
});

describe('loadBotConfig', () => {
  async function fileWith(text: string): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'config-')), 'clusters.yml');
    await writeFile(path, text);
    return path;
  }

  it('reads YAML', async () => {
    const path = await fileWith('clusters:\n  a:\n    endpoint: http://127.0.0.1:9200\n    signing: none\n');

    expect((await loadBotConfig(path)).clusters.has('a')).toBe(true);
  });

  it('says which file is missing and how to point at another', async () => {
    await expect(loadBotConfig('/nonexistent/clusters.yml')).rejects.toThrowError(
      '/nonexistent/clusters.yml: cannot read the cluster config file; set ES_SNAPSHOT_BOT_CONFIG',
    );
  });

  it('says when the file is not YAML', async () => {
    const path = await fileWith('clusters: [unclosed');

    await expect(loadBotConfig(path)).rejects.toThrowError('is not valid YAML');
  });

  it('names the key inside the file', async () => {
    const path = await fileWith('clusters:\n  a:\n    endpoint: http://x\n');

    await expect(loadBotConfig(path)).rejects.toThrowError(`${path}: clusters.a.region: is required`);
  });
});
