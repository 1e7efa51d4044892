import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GatewayCluster,
  REGION,
  RIG_IAM,
  sharedS3Repository,
  startGatewayClusters,
} from '../../rig/gateway-clusters.js';
import { createIndexWithDocs } from '../../rig/seed-indices.js';
import { type RawCall, sendRaw, sendSigned } from '../../rig/signed-http.js';

type Clusters = Awaited<ReturnType<typeof startGatewayClusters>>;

describe("the gateway's s3 repository contract", () => {
  const repository = sharedS3Repository('s3-contract');
  const index = `${repository.name}-logs`;
  let clusters: Clusters;

  async function signed(cluster: GatewayCluster, call: RawCall) {
    return sendSigned(cluster.gateway.url, call, { region: REGION, credentials: await clusters.credentials() });
  }

  function registration(settings: Record<string, unknown>): string {
    return JSON.stringify({ type: 's3', settings });
  }

  beforeAll(async () => {
    clusters = await startGatewayClusters();
    await createIndexWithDocs(clusters.a.directUrl, index, { docs: 3 });
  });

  afterAll(async () => {
    for (const url of [clusters.a.directUrl, clusters.b.directUrl]) {
      await sendRaw(url, { method: 'DELETE', path: `/${index}?ignore_unavailable=true` });
    }
    await sendRaw(clusters.a.directUrl, { method: 'DELETE', path: `/_snapshot/${repository.name}/*` });
    for (const url of [clusters.a.directUrl, clusters.b.directUrl]) {
      await sendRaw(url, { method: 'DELETE', path: `/_snapshot/${repository.name}` });
    }
    await clusters?.close();
  });

  it('registers the request the bot sends, and answers GET _snapshot with the s3 settings as strings', async () => {
    // Act
    await clusters.a.client.registerRepository({ ...repository, settings: { ...repository.settings } });
    const listed = await clusters.a.client.listRepositories();
    const answered = await signed(clusters.a, { method: 'GET', path: `/_snapshot/${repository.name}` });

    // Assess
    expect(listed.find(({ name }) => name === repository.name)).toEqual({
      name: repository.name,
      type: 's3',
      settings: repository.settings,
    });
    expect(answered.body).toEqual({ [repository.name]: { type: 's3', settings: repository.settings } });
    expect(JSON.stringify(answered.body)).not.toContain('location');
    const engine = await sendRaw(clusters.a.directUrl, { method: 'GET', path: `/_snapshot/${repository.name}` });
    expect(engine.body).toMatchObject({ [repository.name]: { type: 'fs' } });
  });

  it('lets B, registering the same bucket and base path read-only, see the snapshot A took', async () => {
    // Prepare
    await clusters.b.client.registerRepository({ ...repository, settings: { ...repository.settings, readonly: true } });
    await signed(clusters.a, {
      method: 'PUT',
      path: `/_snapshot/${repository.name}/first`,
      query: { wait_for_completion: 'true' },
      body: JSON.stringify({ indices: index }),
    });

    // Act
    const onB = await clusters.b.client.getSnapshots(repository.name, ['first']);
    const verified = await clusters.b.client.verifyRepository(repository.name);
    const listed = await clusters.b.client.listRepositories();

    // Assess
    expect(onB).toMatchObject([{ snapshot: 'first', state: 'SUCCESS', indices: [index] }]);
    expect(verified.length).toBeGreaterThan(0);
    expect(listed.find(({ name }) => name === repository.name)?.settings).toEqual({
      ...repository.settings,
      readonly: 'true',
    });
  });

  it.each([
    ['without role_arn', { role_arn: undefined }, 400, /Missing required settings for an s3 repository: role_arn/],
    ['without bucket', { bucket: undefined }, 400, /Missing required settings for an s3 repository: bucket/],
    ['without region', { region: undefined }, 400, /Missing required settings for an s3 repository: region/],
    ['with a malformed role_arn', { role_arn: 'arn:aws:iam::1:role/x' }, 400, /Invalid role_arn/],
    [
      'with a role the caller may not pass',
      { role_arn: RIG_IAM.otherRoleArn },
      403,
      `User: ${RIG_IAM.callerArn} is not authorized to perform: iam:PassRole on resource: ${RIG_IAM.otherRoleArn}`,
    ],
    ['in a Glacier storage class', { storage_class: 'glacier' }, 400, /Glacier/],
    ['with an unknown setting', { location: '/etc' }, 400, /Unknown settings for an s3 repository: location/],
  ])('refuses an s3 registration %s as the service does', async (_case, overrides, status, message) => {
    // Act
    const answer = await signed(clusters.a, {
      method: 'PUT',
      path: '/_snapshot/refused-s3',
      body: registration({ ...repository.settings, ...overrides }),
    });

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.body.Message).toMatch(message);
    const engine = await sendRaw(clusters.a.directUrl, { method: 'GET', path: '/_snapshot/refused-s3' });
    expect(engine.status).toBe(404);
  });

  it('refuses a cs- name before it looks at the settings', async () => {
    const answer = await signed(clusters.a, {
      method: 'PUT',
      path: '/_snapshot/cs-mine',
      body: registration(repository.settings),
    });

    expect(answer.status).toBe(400);
    expect(answer.body.Message).toMatch(/cs-/);
  });
});
