import { describe, expect, it } from 'vitest';
import { checkManagedServiceRules, classifyLongRunning, type RuleInput } from '../../rig/managed-service-rules.js';

function buildRequest(overrides: Partial<Omit<RuleInput, 'body'>> & { body?: unknown } = {}): RuleInput {
  const { body, ...rest } = overrides;
  const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { method: 'GET', rawPath: '/', ...rest, body: Buffer.from(raw) };
}

function restoreOf(indices: unknown): RuleInput {
  return buildRequest({ method: 'POST', rawPath: '/_snapshot/r/s1/_restore', body: { indices } });
}

describe('checkManagedServiceRules', () => {
  it.each([
    ['GET /_recovery', buildRequest({ rawPath: '/_recovery' }), 401],
    ['POST /logs/_close', buildRequest({ method: 'POST', rawPath: '/logs/_close' }), 401],
    ['POST /_close', buildRequest({ method: 'POST', rawPath: '/_close' }), 401],
    [
      'PUT /_snapshot/cs-mine',
      buildRequest({ method: 'PUT', rawPath: '/_snapshot/cs-mine', body: { type: 'fs' } }),
      400,
    ],
    ['PUT /_snapshot/cs-automated/s1', buildRequest({ method: 'PUT', rawPath: '/_snapshot/cs-automated/s1' }), 403],
    [
      'DELETE /_snapshot/cs-automated-enc/s1',
      buildRequest({ method: 'DELETE', rawPath: '/_snapshot/cs-automated-enc/s1' }),
      403,
    ],
    ['DELETE /_snapshot/cs-automated', buildRequest({ method: 'DELETE', rawPath: '/_snapshot/cs-automated' }), 403],
  ])('refuses %s', (_case, request, status) => {
    expect(checkManagedServiceRules(request)?.status).toBe(status);
  });

  it.each([
    ['GET /_all/_recovery', buildRequest({ rawPath: '/_all/_recovery' })],
    ['GET /logs/_recovery', buildRequest({ rawPath: '/logs/_recovery' })],
    ['GET /_snapshot/cs-automated/_all', buildRequest({ rawPath: '/_snapshot/cs-automated/_all' })],
    [
      'a restore from cs-automated',
      buildRequest({ method: 'POST', rawPath: '/_snapshot/cs-automated/s1/_restore', body: { indices: 'logs' } }),
    ],
    // The s3 contract is the gateway's own (s3-repository-contract.ts), checked after these rules.
    [
      'an s3 registration',
      buildRequest({
        method: 'PUT',
        rawPath: '/_snapshot/s3',
        body: { type: 's3', settings: { bucket: 'b', role_arn: 'arn:aws:iam::1:role/snap' } },
      }),
    ],
    ['an fs registration', buildRequest({ method: 'PUT', rawPath: '/_snapshot/local', body: { type: 'fs' } })],
  ])('lets %s pass', (_case, request) => {
    expect(checkManagedServiceRules(request)).toBeUndefined();
  });

  it.each([
    ['.kibana'],
    ['logs,.kibana_1'],
    ['.opendistro_security'],
    ['.opendistro-reports-*'],
    ['*'],
    ['*,-.kibana*'],
    [['logs', '.opendistro*']],
    [undefined],
  ])('refuses a restore of %j', (indices) => {
    expect(checkManagedServiceRules(restoreOf(indices))?.status).toBe(403);
  });

  it.each([['logs,metrics'], ['-.kibana*,-.opendistro*'], ['*,-.kibana*,-.opendistro*'], [['logs-*']]])(
    'lets a restore of %j pass',
    (indices) => {
      expect(checkManagedServiceRules(restoreOf(indices))).toBeUndefined();
    },
  );
});

describe('classifyLongRunning', () => {
  it.each([
    ['POST', '/_snapshot/r/s1/_restore', 'restore'],
    ['PUT', '/_snapshot/r/s1', 'snapshot-create'],
    ['POST', '/_snapshot/r/s1', 'snapshot-create'],
    ['GET', '/_snapshot/r/s1', undefined],
    ['DELETE', '/_snapshot/r/s1', undefined],
    ['POST', '/_snapshot/r/_verify', undefined],
    ['GET', '/_snapshot/r/s1/_status', undefined],
    ['PUT', '/_snapshot/r', undefined],
    ['PUT', '/_snapshot/r/s1/_clone/s2', undefined],
    ['POST', '/logs/_restore', undefined],
  ])('classifies %s %s as %s', (method, rawPath, expected) => {
    expect(classifyLongRunning(method, rawPath)).toBe(expected);
  });
});
