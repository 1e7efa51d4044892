import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CredentialsLookup, GatewayCredentials } from '../sigv4-verification.js';

/**
 * STS as the functions reach it: moto's, through a loopback relay that reads each AssumeRole answer on its way back
 * and keeps the keys it issued, by role. A domain whose access policy names one role accepts exactly those keys.
 */
type StsIssuedKeys = {
  /** Where the functions' `AWS_ENDPOINT_URL_STS` points. */
  url: string;
  /** The keys issued for `roleArn`, looked up by access key id; any other key is unknown. */
  of(roleArn: string): CredentialsLookup;
  close(): Promise<void>;
};

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Headers of the hop to the relay, not of the request: fetch sets its own. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);

const tagText = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

/** The keys of an AssumeRole answer, or undefined for any other answer. */
function issuedKeys(answer: string): GatewayCredentials | undefined {
  const [accessKeyId, secretAccessKey, sessionToken] = ['AccessKeyId', 'SecretAccessKey', 'SessionToken'].map((tag) =>
    tagText(answer, tag),
  );
  if (!answer.includes('<AssumeRoleResponse') || accessKeyId === undefined || secretAccessKey === undefined) {
    return undefined;
  }
  return { accessKeyId, secretAccessKey, sessionToken };
}

async function startStsIssuedKeys(motoUrl: string): Promise<StsIssuedKeys> {
  const issued = new Map<string, { roleArn: string; keys: GatewayCredentials }>();
  const server = createServer(async (incoming, response) => {
    const body = await readAll(incoming);
    const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
      HOP_HEADERS.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    const answer = await fetch(new URL(incoming.url ?? '/', motoUrl), {
      method: incoming.method,
      headers,
      body: body.length > 0 ? body : undefined,
    });
    const text = await answer.text();
    const keys = issuedKeys(text);
    const roleArn = new URLSearchParams(body.toString()).get('RoleArn');
    if (keys !== undefined && roleArn !== null) issued.set(keys.accessKeyId, { roleArn, keys });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    of: (roleArn) => async (accessKeyId) => {
      const found = issued.get(accessKeyId);
      return found?.roleArn === roleArn ? found.keys : undefined;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export { type StsIssuedKeys, startStsIssuedKeys };
