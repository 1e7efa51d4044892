import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { none, sigV4 } from '../../../../src/adapters/cluster/request-authenticator.js';
import {
  createSignedTransport,
  type SignedTransportOptions,
} from '../../../../src/adapters/cluster/signed-transport.js';
import { ClusterErrorCode } from '../../../../src/core/cluster-errors.js';
import {
  connectionRefused,
  createScriptedFetch,
  jsonResponse,
  type SentRequest,
  timedOut,
} from '../../../fakes/scripted-fetch.js';
import { silentLogger } from '../../../fakes/silent-logger.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

function buildTransport(
  script: Parameters<typeof createScriptedFetch>[0],
  overrides: Partial<SignedTransportOptions> = {},
) {
  const { fetch, sent } = createScriptedFetch(script);
  const sleeps: number[] = [];
  const transport = createSignedTransport({
    cluster: 'a',
    endpoint: new URL('https://search-logs-abc.eu-west-1.es.amazonaws.com'),
    authenticator: sigV4({ region: 'eu-west-1', credentials: async () => credentials }),
    logger: silentLogger,
    fetch,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { transport, sent, sleeps };
}

/** Recomputes the signature from what went over the wire, as the managed service does. */
async function recomputeSignature(request: SentRequest): Promise<string | undefined> {
  const amzDate = request.headers['x-amz-date'] ?? '';
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signer = new SignatureV4({ service: 'es', region: 'eu-west-1', credentials, sha256: Sha256 });
  const { authorization: _authorization, ...headers } = request.headers;
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      path: request.url.pathname,
      query: Object.fromEntries(request.url.searchParams),
      headers: { ...headers, host: request.url.host },
      body: request.body,
    },
    { signingDate },
  );
  return /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
}

describe('SignedTransport', () => {
  it('signs requests for the es service with a signature that the wire request reproduces', async () => {
    // Prepare
    const { transport, sent } = buildTransport([jsonResponse(200, { accepted: true })]);

    // Act
    await transport.send({
      method: 'PUT',
      path: '/_snapshot/migration/nightly%3A1',
      query: { wait_for_completion: 'false' },
      body: { indices: 'logs-1' },
    });

    // Assess
    const [request] = sent;
    expect(request?.url.toString()).toBe(
      'https://search-logs-abc.eu-west-1.es.amazonaws.com/_snapshot/migration/nightly%3A1?wait_for_completion=false',
    );
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toBe('{"indices":"logs-1"}');
    expect(request?.headers.authorization).toContain(`Signature=${await recomputeSignature(request as SentRequest)}`);
  });

  it('sends unsigned requests to a cluster configured without signing', async () => {
    const { transport, sent } = buildTransport([jsonResponse(200, {})], {
      authenticator: none,
      endpoint: new URL('http://127.0.0.1:9200'),
    });

    await transport.send({ method: 'GET', path: '/' });

    expect(sent[0]?.headers.authorization).toBeUndefined();
    expect(sent[0]?.url.toString()).toBe('http://127.0.0.1:9200/');
  });

  it('keeps the path prefix of an endpoint behind a proxy', async () => {
    const { transport, sent } = buildTransport([jsonResponse(200, {})], {
      authenticator: none,
      endpoint: new URL('http://proxy.internal/search/'),
    });

    await transport.send({ method: 'GET', path: '/_cat/indices' });

    expect(sent[0]?.url.pathname).toBe('/search/_cat/indices');
  });

  it('sends a request as it is when no authenticator is given', async () => {
    const { transport, sent } = buildTransport([jsonResponse(200, {})], { authenticator: undefined });

    await transport.send({ method: 'GET', path: '/' });

    expect(sent[0]?.headers.authorization).toBeUndefined();
  });

  it.each([429, 502, 503])('retries HTTP %i with jittered backoff, then returns the answer', async (status) => {
    const { transport, sent, sleeps } = buildTransport([
      jsonResponse(status, { error: 'busy' }),
      jsonResponse(status, { error: 'busy' }),
      jsonResponse(200, { ok: true }),
    ]);

    const response = await transport.send({ method: 'GET', path: '/' });

    expect(response).toEqual({ outcome: 'answered', statusCode: 200, body: { ok: true } });
    expect(sent).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('waits at least as long as Retry-After says', async () => {
    const { transport, sleeps } = buildTransport([
      jsonResponse(429, {}, { 'retry-after': '3' }),
      jsonResponse(200, {}),
    ]);

    await transport.send({ method: 'GET', path: '/' });

    expect(sleeps).toEqual([3000]);
  });

  it('returns the last retryable answer when attempts run out, so the caller can explain it', async () => {
    const busy = { error: { type: 'concurrent_snapshot_execution_exception', reason: 'running' }, status: 429 };
    const { transport, sent } = buildTransport([jsonResponse(429, busy), jsonResponse(429, busy)], { maxAttempts: 2 });

    const response = await transport.send({ method: 'PUT', path: '/_snapshot/r/s' });

    expect(response).toEqual({ outcome: 'answered', statusCode: 429, body: busy });
    expect(sent).toHaveLength(2);
  });

  it.each([400, 403, 404, 500])('never retries HTTP %i', async (status) => {
    const { transport, sent } = buildTransport([jsonResponse(status, { error: 'no' })]);

    const response = await transport.send({ method: 'DELETE', path: '/logs-1' });

    expect(response).toMatchObject({ outcome: 'answered', statusCode: status });
    expect(sent).toHaveLength(1);
  });

  it('reports a 504 as maybe accepted and does not send the write again', async () => {
    const { transport, sent } = buildTransport([new Response('<html>Gateway Timeout</html>', { status: 504 })]);

    const response = await transport.send({ method: 'POST', path: '/_snapshot/r/s/_restore' });

    expect(response).toEqual({ outcome: 'maybe-accepted', reason: 'gateway-timeout' });
    expect(sent).toHaveLength(1);
  });

  it('retries a refused connection and then says the cluster did not answer', async () => {
    const { transport, sent } = buildTransport([connectionRefused(), connectionRefused()], { maxAttempts: 2 });

    const act = transport.send({ method: 'GET', path: '/' });

    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.UNREACHABLE });
    await expect(act).rejects.toThrowError('a: cluster did not answer (ECONNREFUSED)');
    expect(sent).toHaveLength(2);
  });

  it('gives a read with a deadline one attempt that ends at the deadline, and no retry past it', async () => {
    // Prepare: a cluster that never answers, only the abort ends the request
    let attempts = 0;
    const hanging = (_input: string | URL | Request, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        attempts += 1;
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const { transport } = buildTransport([], { fetch: hanging as typeof fetch, timeoutMs: 30_000 });
    const started = Date.now();

    // Act
    const act = transport.send({ method: 'GET', path: '/', deadlineMs: 50 });

    // Assess
    await expect(act).rejects.toMatchObject({ code: ClusterErrorCode.UNREACHABLE, evidence: { reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(attempts).toBe(1);
  });

  it('does not wait for a retry that would end past the deadline', async () => {
    const { transport, sent, sleeps } = buildTransport([connectionRefused(), connectionRefused()]);

    const act = transport.send({ method: 'GET', path: '/', deadlineMs: 100 });

    await expect(act).rejects.toThrowError('a: cluster did not answer (ECONNREFUSED)');
    expect(sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('asks a read again after a timeout', async () => {
    const { transport, sent } = buildTransport([timedOut(), jsonResponse(200, { ok: true })]);

    const response = await transport.send({ method: 'GET', path: '/_cluster/health' });

    expect(response).toMatchObject({ outcome: 'answered', statusCode: 200 });
    expect(sent).toHaveLength(2);
  });

  it('reports a write that timed out as maybe accepted instead of sending it twice', async () => {
    const { transport, sent } = buildTransport([timedOut()]);

    const response = await transport.send({ method: 'POST', path: '/_snapshot/r/s/_restore' });

    expect(response).toEqual({ outcome: 'maybe-accepted', reason: 'client-timeout' });
    expect(sent).toHaveLength(1);
  });

  it('names the failure when the network error has no code', async () => {
    const failure = Object.assign(new TypeError('fetch failed'), { cause: { message: 'getaddrinfo failed' } });
    const { transport } = buildTransport([failure], { maxAttempts: 1 });

    await expect(transport.send({ method: 'GET', path: '/' })).rejects.toThrowError(
      'a: cluster did not answer (getaddrinfo failed)',
    );
  });

  it('keeps a body that is not JSON as text', async () => {
    const { transport } = buildTransport([new Response('plain words', { status: 401 })]);

    const response = await transport.send({ method: 'GET', path: '/' });

    expect(response).toEqual({ outcome: 'answered', statusCode: 401, body: 'plain words' });
  });
});
