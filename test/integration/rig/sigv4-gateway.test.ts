import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type RawAnswer,
  type RawCall,
  type SigningParameters,
  sendRaw,
  sendSigned as sendSignedWith,
  signHeaders,
} from '../../rig/signed-http.js';
import { type ManagedServiceGateway, startManagedServiceGateway } from '../../rig/sigv4-gateway.js';

const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'AKIDGATEWAYTEST', secretAccessKey: 'gateway-test-secret', sessionToken: 'token-1' };

type SigningOverrides = Partial<SigningParameters>;

function signedHeaders(url: string, call: RawCall, overrides: SigningOverrides = {}) {
  return signHeaders(url, call, { region: REGION, credentials: CREDENTIALS, ...overrides });
}

function sendSigned(url: string, call: RawCall, overrides: SigningOverrides = {}): Promise<RawAnswer> {
  return sendSignedWith(url, call, { region: REGION, credentials: CREDENTIALS, ...overrides });
}

function direct(url: string, call: RawCall): Promise<RawAnswer> {
  return sendRaw(url, call, call.body === undefined ? {} : { 'content-type': 'application/json' });
}

describe('managed-service gateway', () => {
  const rig = inject('rig');
  const clusterA = rig.clusters.a.url;
  const suffix = randomBytes(3).toString('hex');
  const index = `gateway-test-${suffix}`;
  const repository = `gateway-test-${suffix}`;
  let gateway: ManagedServiceGateway;

  beforeAll(async () => {
    gateway = await startManagedServiceGateway({ target: clusterA, region: REGION, credentials: CREDENTIALS });
  });

  afterAll(async () => {
    await direct(clusterA, {
      method: 'DELETE',
      path: `/${index},${index}-listed,restored-${index}?ignore_unavailable=true`,
    });
    await direct(clusterA, { method: 'DELETE', path: `/_snapshot/${repository}/*` });
    await direct(clusterA, { method: 'DELETE', path: `/_snapshot/${repository}` });
    await gateway?.close();
  });

  it('passes a correctly signed request through to the cluster', async () => {
    // Prepare
    const expected = await direct(clusterA, { method: 'GET', path: '/' });

    // Act
    const answer = await sendSigned(gateway.url, { method: 'GET', path: '/' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.cluster_uuid).toBe(expected.body.cluster_uuid);
    expect(gateway.requests.at(-1)).toEqual({ method: 'GET', path: '/', query: '', status: 200 });
  });

  it('accepts the keys its lookup knows, and only those, when it looks identities up by access key', async () => {
    // Prepare
    const issued = { ...CREDENTIALS, accessKeyId: 'ASIAISSUED' };
    const lookingUp = await startManagedServiceGateway({
      target: clusterA,
      region: REGION,
      credentials: async (accessKeyId) => (accessKeyId === issued.accessKeyId ? issued : undefined),
    });

    try {
      // Act
      const known = await sendSigned(lookingUp.url, { method: 'GET', path: '/' }, { credentials: issued });
      const unknown = await sendSigned(lookingUp.url, { method: 'GET', path: '/' });
      const forged = await sendSigned(
        lookingUp.url,
        { method: 'GET', path: '/' },
        { credentials: { ...issued, secretAccessKey: 'forged' } },
      );

      // Assess
      expect(known.status).toBe(200);
      expect(unknown.body).toEqual({ Message: 'The security token included in the request is invalid.' });
      expect(forged.body).toMatchObject({ Message: expect.stringMatching(/signature we calculated/) });
    } finally {
      await lookingUp.close();
    }
  });

  it('refuses an unsigned request with Missing Authentication Token', async () => {
    // Act
    const answer = await sendRaw(gateway.url, { method: 'GET', path: '/' });

    // Assess
    expect(answer).toEqual({ status: 403, body: { Message: 'Missing Authentication Token' } });
  });

  it.each([
    ['another secret key', { credentials: { ...CREDENTIALS, secretAccessKey: 'forged' } }, /signature we calculated/],
    ['an unknown access key', { credentials: { ...CREDENTIALS, accessKeyId: 'AKIDOTHER' } }, /security token/],
    ['another session token', { credentials: { ...CREDENTIALS, sessionToken: 'token-2' } }, /security token/],
    ['another region', { region: 'us-east-1' }, /valid region, not 'us-east-1'/],
    ['another service', { service: 'aoss' }, /correct service: 'es'/],
    ['a date 10 minutes old', { signingDate: new Date(Date.now() - 600_000) }, /more than 5 minutes/],
  ])('refuses a request signed with %s', async (_case, overrides, message) => {
    // Act
    const answer = await sendSigned(gateway.url, { method: 'GET', path: '/_cluster/health' }, overrides);

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.body.Message).toMatch(message);
  });

  it('passes a signed request whose path is percent-encoded and that has a query', async () => {
    // Prepare
    await direct(clusterA, { method: 'PUT', path: `/${index}-listed`, body: '{}' });

    // Act
    const answer = await sendSigned(gateway.url, {
      method: 'GET',
      path: `/_cat/indices/${encodeURIComponent(`${index}-list*`)}`,
      query: { format: 'json', h: 'index,health' },
    });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ index: `${index}-listed`, health: expect.any(String) }]);
  });

  it.each([
    ['with an x-amz-content-sha256 header', true],
    ['without an x-amz-content-sha256 header', false],
  ])('refuses a body changed after signing (%s)', async (_case, applyChecksum) => {
    // Prepare
    const signedCall = { method: 'PUT', path: `/${index}-tampered/_doc/1`, body: '{"owner":"alice"}' };
    const headers = await signedHeaders(gateway.url, signedCall, { applyChecksum });

    // Act
    const answer = await sendRaw(gateway.url, { ...signedCall, body: '{"owner":"mallory"}' }, headers);

    // Assess
    expect(answer.status).toBe(403);
    const created = await direct(clusterA, { method: 'HEAD', path: `/${index}-tampered` });
    expect(created.status).toBe(404);
  });

  it('passes a request signed without an x-amz-content-sha256 header', async () => {
    // Act
    const answer = await sendSigned(gateway.url, { method: 'GET', path: '/_cluster/health' }, { applyChecksum: false });

    // Assess
    expect(answer.status).toBe(200);
  });

  it.each([
    ['GET /_recovery', { method: 'GET', path: '/_recovery' }, 401, "Your request: '/_recovery' is not allowed."],
    ['POST /x/_close', { method: 'POST', path: '/x/_close' }, 401, "Your request: '/x/_close' is not allowed."],
    ['a cs- repository', { method: 'PUT', path: '/_snapshot/cs-mine', body: '{"type":"fs"}' }, 400, /reserved/],
    ['a snapshot in cs-automated', { method: 'PUT', path: '/_snapshot/cs-automated/s1' }, 403, /read-only/],
    [
      'a restore of .kibana',
      { method: 'POST', path: '/_snapshot/r/s/_restore', body: '{"indices":"logs,.kibana*"}' },
      403,
      /\.kibana/,
    ],
  ])('refuses %s as the managed service does', async (_case, call, status, message) => {
    // Act
    const answer = await sendSigned(gateway.url, call);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.body.Message).toMatch(message);
  });

  it('allows recovery of all indices named as /_all/_recovery', async () => {
    // Act
    const answer = await sendSigned(gateway.url, { method: 'GET', path: '/_all/_recovery' });

    // Assess
    expect(answer.status).toBe(200);
  });

  it('refuses a body over 10 MiB with 413', async () => {
    // Act
    const answer = await sendRaw(gateway.url, {
      method: 'POST',
      path: '/_bulk',
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    // Assess
    expect(answer.status).toBe(413);
  });

  describe('answerNextWith504', () => {
    it('forwards a snapshot creation, lets it finish, and answers 504', async () => {
      // Prepare
      const location = `${rig.sharedRepoPath}/${repository}`;
      await direct(clusterA, { method: 'PUT', path: `/${index}/_doc/1?refresh=true`, body: '{"n":1}' });
      const registration = JSON.stringify({ type: 'fs', settings: { location } });
      expect(
        (await sendSigned(gateway.url, { method: 'PUT', path: `/_snapshot/${repository}`, body: registration })).status,
      ).toBe(200);
      gateway.answerNextWith504('snapshot-create');

      // Act
      const answer = await sendSigned(gateway.url, {
        method: 'PUT',
        path: `/_snapshot/${repository}/snap-1`,
        query: { wait_for_completion: 'true' },
        body: JSON.stringify({ indices: index }),
      });

      // Assess
      expect(answer).toEqual({ status: 504, body: { message: 'Gateway Timeout' } });
      const snapshot = await direct(clusterA, { method: 'GET', path: `/_snapshot/${repository}/snap-1` });
      expect(snapshot.body.snapshots).toMatchObject([{ snapshot: 'snap-1', state: 'SUCCESS', indices: [index] }]);
    });

    it('forwards a restore, lets it finish, and answers 504', async () => {
      // Prepare
      gateway.answerNextWith504('restore');
      const restore = { indices: index, rename_pattern: '(.+)', rename_replacement: 'restored-$1' };

      // Act
      const answer = await sendSigned(gateway.url, {
        method: 'POST',
        path: `/_snapshot/${repository}/snap-1/_restore`,
        query: { wait_for_completion: 'true' },
        body: JSON.stringify(restore),
      });

      // Assess
      expect(answer.status).toBe(504);
      const count = await direct(clusterA, { method: 'GET', path: `/restored-${index}/_count` });
      expect(count.body.count).toBe(1);
      const next = await sendSigned(gateway.url, { method: 'GET', path: `/_snapshot/${repository}/snap-1/_status` });
      expect(next.status).toBe(200);
    });
  });
});
