import { request as httpRequest } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** One HTTP call with the path already percent-encoded, as a cluster client sends it. */
type RawCall = { method: string; path: string; query?: Record<string, string>; body?: string };
type RawAnswer = { status: number; body: Record<string, unknown> };

type SigningParameters = {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** @default 'es' */
  service?: string;
  /** @default now */
  signingDate?: Date;
  /** Off: no x-amz-content-sha256 header, as some SigV4 clients sign. @default true */
  applyChecksum?: boolean;
};

/** Sends exactly the given headers (Host included), which `fetch` would not allow, and parses a JSON answer. */
function sendRaw(url: string, call: RawCall, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const query = new URLSearchParams(call.query ?? {}).toString();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${url}${call.path}${query === '' ? '' : `?${query}`}`, {
      method: call.method,
      headers,
    });
    outgoing.on('error', reject);
    outgoing.on('response', async (incoming) => {
      const text = Buffer.concat(await incoming.toArray()).toString('utf8');
      resolve({ status: incoming.statusCode ?? 0, body: text === '' ? {} : JSON.parse(text) });
    });
    outgoing.end(call.body);
  });
}

/** Signs like a client of the managed service: the same signer library, given the already-encoded path. */
async function signHeaders(url: string, call: RawCall, signing: SigningParameters): Promise<Record<string, string>> {
  const { host, hostname, port } = new URL(url);
  const { region, credentials, service = 'es', signingDate = new Date(), applyChecksum = true } = signing;
  const signer = new SignatureV4({ service, region, credentials, sha256: Sha256, applyChecksum });
  const headers: Record<string, string> = { host };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const { method, path, query = {}, body } = call;
  const request = { method, protocol: 'http:', hostname, port: Number(port), path, query, headers, body };
  const signed = await signer.sign(request, { signingDate });
  return signed.headers;
}

async function sendSigned(url: string, call: RawCall, signing: SigningParameters): Promise<RawAnswer> {
  return sendRaw(url, call, await signHeaders(url, call, signing));
}

export { type RawAnswer, type RawCall, type SigningParameters, sendRaw, sendSigned, signHeaders };
