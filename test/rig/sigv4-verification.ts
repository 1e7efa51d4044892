import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseAmzDate, parseAuthorization, parseQuery, type SigV4Authorization } from './sigv4-authorization.js';

type GatewayCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** A request as it arrived: the path and query exactly as on the wire (still percent-encoded). */
type ReceivedRequest = {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/** The keys of an access key id the gateway knows (an identity's secret and session token); undefined: unknown. */
type CredentialsLookup = (accessKeyId: string) => Promise<GatewayCredentials | undefined>;

/** `credentials`: the one identity the gateway knows, or how to look up the identity an access key belongs to. */
type ExpectedSigner = { region: string; credentials: GatewayCredentials | CredentialsLookup; now: Date };

type KnownSigner = { region: string; credentials: GatewayCredentials; now: Date };

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function compactDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** Checks that need no cryptography; returns what the service would answer, or undefined. */
function checkScope(auth: SigV4Authorization, request: ReceivedRequest, expected: KnownSigner): string | undefined {
  if (auth.accessKeyId !== expected.credentials.accessKeyId) return INVALID_TOKEN;
  if (headerValue(request.headers['x-amz-security-token']) !== expected.credentials.sessionToken) return INVALID_TOKEN;
  if (auth.service !== 'es') return "Credential should be scoped to correct service: 'es'.";
  if (auth.region !== expected.region) return `Credential should be scoped to a valid region, not '${auth.region}'.`;
  if (!auth.signedHeaders.includes('host'))
    return "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
  const claimedPayloadHash = headerValue(request.headers['x-amz-content-sha256']);
  if (
    claimedPayloadHash !== undefined &&
    claimedPayloadHash !== createHash('sha256').update(request.body).digest('hex')
  ) {
    return "The provided 'x-amz-content-sha256' header does not match what was computed.";
  }
  return undefined;
}

function checkDate(auth: SigV4Authorization, amzDate: string, signingDate: Date, now: Date): string | undefined {
  if (auth.date !== amzDate.slice(0, 8)) {
    return (
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
      `'${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`
    );
  }
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    return `Signature expired or not yet valid: ${amzDate} is more than 5 minutes from ${compactDate(now)}.`;
  }
  return undefined;
}

/** Signs the request again, from what was received, with the same library the clients use. */
async function recomputeSignature(
  auth: SigV4Authorization,
  request: ReceivedRequest,
  expected: KnownSigner,
  signingDate: Date,
): Promise<string> {
  const host = headerValue(request.headers.host) ?? '';
  const [hostname = host, port] = host.split(':');
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers[name]);
    if (value !== undefined) headers[name] = value;
  }
  // applyChecksum off: x-amz-content-sha256 is part of the signature only when the client signed it.
  const { region, credentials } = expected;
  const signer = new SignatureV4({ service: 'es', region, credentials, sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      port: port === undefined ? undefined : Number(port),
      path: request.rawPath,
      query: parseQuery(request.rawQuery),
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  return /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
}

/**
 * Verifies a SigV4 signature for service `es` the way Amazon OpenSearch Service does. Resolves with the message
 * the service would answer with 403, or undefined when the request is properly signed.
 */
async function verifySigV4(request: ReceivedRequest, expected: ExpectedSigner): Promise<string | undefined> {
  const header = headerValue(request.headers.authorization);
  if (header === undefined) return 'Missing Authentication Token';
  let auth: SigV4Authorization;
  let signingDate: Date;
  const amzDate = headerValue(request.headers['x-amz-date']);
  if (amzDate === undefined)
    return "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
  try {
    auth = parseAuthorization(header);
    signingDate = parseAmzDate(amzDate);
  } catch (error) {
    return (error as Error).message;
  }
  const credentials =
    typeof expected.credentials === 'function' ? await expected.credentials(auth.accessKeyId) : expected.credentials;
  if (credentials === undefined) return INVALID_TOKEN;
  const known = { ...expected, credentials };
  const problem = checkScope(auth, request, known) ?? checkDate(auth, amzDate, signingDate, expected.now);
  if (problem !== undefined) return problem;
  const expectedSignature = Buffer.from(await recomputeSignature(auth, request, known, signingDate));
  const givenSignature = Buffer.from(auth.signature);
  const matches =
    expectedSignature.length === givenSignature.length && timingSafeEqual(expectedSignature, givenSignature);
  return matches ? undefined : SIGNATURE_MISMATCH;
}

export { type CredentialsLookup, type ExpectedSigner, type GatewayCredentials, type ReceivedRequest, verifySigV4 };
