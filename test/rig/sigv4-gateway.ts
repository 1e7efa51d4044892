import { chmod, mkdir } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  checkManagedServiceRules,
  classifyLongRunning,
  type LongRunningCall,
  pathSegments,
} from './managed-service-rules.js';
import {
  answersRepositories,
  asServiceAnswers,
  type Caller,
  type MappedRegistration,
  mapS3Registration,
  s3SettingsOf,
} from './s3-repository-contract.js';
import { type CredentialsLookup, type GatewayCredentials, verifySigV4 } from './sigv4-verification.js';

type ManagedServiceGatewayOptions = {
  /** Base URL of the plain cluster behind the gateway. */
  target: string;
  /** The only region a signature may be scoped to. */
  region: string;
  /**
   * The only identity the gateway knows (with `sessionToken`, requests must carry that token), or a lookup of the
   * identity an access key belongs to, such as the temporary keys an STS issued for one role.
   */
  credentials: GatewayCredentials | CredentialsLookup;
  /** Clock for the 5-minute signature window. @default () => new Date() */
  now?: () => Date;
  /** Larger bodies get 413, as on small instance types. @default 10 MiB */
  maxBodyBytes?: number;
  /**
   * The service's s3 repositories, emulated on the engine's `fs` type (the engines here have no repository-s3):
   * `repoRoot` is the engines' shared `path.repo`, `caller` the signing identity and the roles it may pass.
   * @default none: an s3 registration reaches the engine as it is, which refuses the unknown type
   */
  s3?: { repoRoot: string; caller: Caller };
};

type RecordedRequest = {
  method: string;
  /** As on the wire, without the query. */
  path: string;
  /** Raw query string, without `?`; empty when there is none. */
  query: string;
  /** What the client received. */
  status: number;
};

type ManagedServiceGateway = {
  /** `http://127.0.0.1:<port>`: point a signing client here. */
  url: string;
  /** The next matching call is forwarded, its answer awaited and dropped, and the client gets 504. */
  answerNextWith504(match: LongRunningCall): void;
  /**
   * Until the returned function is called, a signed request of this method and exact path gets `body` (200) from
   * the gateway itself instead of the cluster: a stand-in for an engine or version the rig does not run.
   */
  answerInstead(method: string, path: string, body: object): () => void;
  /**
   * The next signed request of this method and exact path reaches the cluster at once, but its answer is held until
   * `release()`: a slow network or a busy node, as a client that waits on the answer sees it. `arrived` resolves
   * when the cluster has answered (and the gateway holds that answer).
   */
  holdNextAnswer(method: string, path: string): { arrived: Promise<void>; release(): void };
  requests: RecordedRequest[];
  close(): Promise<void>;
};

// Hop-by-hop headers, the signature, and what the gateway sets itself never go to the cluster.
const NOT_FORWARDED = new Set(['authorization', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'te']);
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding']);

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The whole body is read even when too large, so the client sees the 413 instead of a reset connection.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify(body));
}

/** `plain`: the gateway reads the answer itself, so the engine must not compress it. */
function forwardedHeaders(
  headers: IncomingHttpHeaders,
  target: URL,
  body: Buffer,
  plain: boolean,
): OutgoingHttpHeaders {
  const kept = Object.entries(headers).filter(
    ([name]) => !NOT_FORWARDED.has(name) && !name.startsWith('x-amz-') && !(plain && name === 'accept-encoding'),
  );
  return { ...Object.fromEntries(kept), host: target.host, 'content-length': String(body.length) };
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer, plain = false): Promise<IncomingMessage> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(target, {
      method: incoming.method,
      path: `${target.pathname.replace(/\/$/, '')}${incoming.url ?? '/'}`,
      headers: forwardedHeaders(incoming.headers, target, body, plain),
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

type HeldAnswer = { arrived: () => void; released: Promise<void> };

/**
 * A bucket always exists, so its folder does too, even before anything is written: a read-only registration (the
 * engine verifies it can read the folder) works on an empty bucket, as on S3. Folders are made writable by all,
 * because the engines may run as another user than the gateway.
 */
async function prepareBucketFolder({ location }: MappedRegistration, repoRoot: string): Promise<void> {
  const root = repoRoot.replace(/\/+$/, '');
  let folder = root;
  for (const segment of location.slice(root.length + 1).split('/')) {
    folder = `${folder}/${segment}`;
    try {
      await mkdir(folder);
      await chmod(folder, 0o777);
    } catch (error) {
      // A and B's gateways may make the same bucket's folder at once: there it is.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** The engine's answer to the client: as it came, or read whole and turned by `rewrite`. */
async function relay(
  upstream: IncomingMessage,
  response: ServerResponse,
  rewrite: ((body: unknown) => unknown) | undefined,
): Promise<void> {
  if (rewrite !== undefined) return answerRewritten(upstream, response, rewrite);
  const headers = Object.entries(upstream.headers).filter(([name]) => !NOT_RETURNED.has(name));
  response.writeHead(upstream.statusCode ?? 502, Object.fromEntries(headers));
  upstream.pipe(response);
}

/** The engine's answer, read whole, then sent as `rewrite` turns its JSON (other answers are sent as they came). */
async function answerRewritten(
  upstream: IncomingMessage,
  response: ServerResponse,
  rewrite: (body: unknown) => unknown,
): Promise<void> {
  const answered = Buffer.concat(await upstream.toArray());
  const status = upstream.statusCode ?? 502;
  const sent = status === 200 ? JSON.stringify(rewrite(JSON.parse(answered.toString('utf8')))) : answered;
  const headers = Object.entries(upstream.headers).filter(
    ([name]) => !NOT_RETURNED.has(name) && name !== 'content-length',
  );
  response.writeHead(status, Object.fromEntries(headers));
  response.end(sent);
}

/** The cluster's whole answer, kept until the hold is released, then sent as it came (`record` notes it then). */
async function answerWhenReleased(
  upstream: IncomingMessage,
  response: ServerResponse,
  hold: HeldAnswer,
  record: () => void,
): Promise<void> {
  const answered = Buffer.concat(await upstream.toArray());
  hold.arrived();
  await hold.released;
  record();
  const headers = Object.entries(upstream.headers).filter(([name]) => !NOT_RETURNED.has(name));
  response.writeHead(upstream.statusCode ?? 502, Object.fromEntries(headers));
  response.end(answered);
}

/**
 * Starts a loopback HTTP server that behaves like an Amazon OpenSearch Service domain in front of `target`: it
 * checks SigV4 signatures (recomputed with the same signer library the clients use), refuses what the service
 * refuses (FACTS.md section E), takes s3 repositories as the service does (with `s3`), and can answer a restore or
 * snapshot call with 504 after forwarding it.
 *
 * @example
 * const gateway = await startManagedServiceGateway({ target: rig.clusters.a.url, region, credentials });
 * gateway.answerNextWith504('restore');
 */
async function startManagedServiceGateway(options: ManagedServiceGatewayOptions): Promise<ManagedServiceGateway> {
  const { region, credentials, now = () => new Date(), maxBodyBytes = 10 * 1024 * 1024, s3 } = options;
  const target = new URL(options.target);
  const requests: RecordedRequest[] = [];
  const pending504: LongRunningCall[] = [];
  const standIns = new Map<string, object>();
  const holds = new Map<string, HeldAnswer>();

  /** What the gateway answers itself, before the cluster sees the request: refusals, then stand-ins. */
  async function ownAnswer(
    received: Parameters<typeof verifySigV4>[0] & { method: string; rawPath: string },
  ): Promise<{ status: number; body: object } | undefined> {
    const signatureProblem = await verifySigV4(received, { region, credentials, now: now() });
    if (signatureProblem !== undefined) return { status: 403, body: { Message: signatureProblem } };
    const refusal = checkManagedServiceRules(received);
    if (refusal !== undefined) return { status: refusal.status, body: { Message: refusal.message } };
    const standIn = standIns.get(`${received.method} ${received.rawPath}`);
    return standIn === undefined ? undefined : { status: 200, body: standIn };
  }

  /** The body the engine gets: an s3 registration's `fs` stand-in (its folder made first), else the one received. */
  async function engineBody(
    method: string,
    segments: string[],
    body: Buffer,
  ): Promise<{ own: { status: number; body: object } } | { body: Buffer }> {
    const registers = (method === 'PUT' || method === 'POST') && segments[0] === '_snapshot' && segments.length === 2;
    const settings = s3 === undefined || !registers ? undefined : s3SettingsOf(body);
    if (s3 === undefined || settings === undefined) return { body };
    const mapped = mapS3Registration(settings, s3.caller, s3.repoRoot);
    if ('status' in mapped) return { own: { status: mapped.status, body: { Message: mapped.message } } };
    await prepareBucketFolder(mapped, s3.repoRoot);
    return { body: mapped.body };
  }

  async function ownAnswerOrEngineBody(received: Parameters<typeof ownAnswer>[0], segments: string[]) {
    const own = await ownAnswer(received);
    return own === undefined ? engineBody(received.method, segments, received.body) : { own };
  }

  /** Whether this call is one `answerNextWith504` waits for; it then waits for one fewer. */
  function takePending504(method: string, rawPath: string): boolean {
    const longRunning = classifyLongRunning(method, rawPath);
    if (longRunning === undefined || !pending504.includes(longRunning)) return false;
    pending504.splice(pending504.indexOf(longRunning), 1);
    return true;
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = incoming.method ?? 'GET';
    const [rawPath = '/', ...queryParts] = (incoming.url ?? '/').split('?');
    const rawQuery = queryParts.join('?');
    const answer = (status: number, body: object) => {
      requests.push({ method, path: rawPath, query: rawQuery, status });
      sendJson(response, status, body);
    };
    const body = await readBody(incoming, maxBodyBytes);
    if (body === undefined) return answer(413, { Message: `Request size exceeded ${maxBodyBytes} bytes` });
    const received = { method, rawPath, rawQuery, headers: incoming.headers, body };
    const segments = pathSegments(rawPath);
    const sent = await ownAnswerOrEngineBody(received, segments);
    if ('own' in sent) return answer(sent.own.status, sent.own.body);

    const timesOut = takePending504(method, rawPath);
    const rewritesAnswer = s3 !== undefined && answersRepositories(method, segments);
    const upstream = await forward(target, incoming, sent.body, rewritesAnswer);
    const hold = holds.get(`${method} ${rawPath}`);
    if (hold !== undefined) {
      holds.delete(`${method} ${rawPath}`);
      return answerWhenReleased(upstream, response, hold, () =>
        requests.push({ method, path: rawPath, query: rawQuery, status: upstream.statusCode ?? 502 }),
      );
    }
    if (timesOut) {
      // The cluster did the work; the client only learns that the gateway stopped waiting.
      await upstream.toArray();
      return answer(504, { message: 'Gateway Timeout' });
    }
    requests.push({ method, path: rawPath, query: rawQuery, status: upstream.statusCode ?? 502 });
    return relay(upstream, response, rewritesAnswer ? asServiceAnswers : undefined);
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy(error as Error);
        return;
      }
      const [path = '/', ...query] = (incoming.url ?? '/').split('?');
      requests.push({ method: incoming.method ?? 'GET', path, query: query.join('?'), status: 502 });
      sendJson(response, 502, { message: `Bad Gateway: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    answerNextWith504: (match) => {
      pending504.push(match);
    },
    answerInstead: (method, path, body) => {
      const key = `${method} ${path}`;
      standIns.set(key, body);
      return () => {
        standIns.delete(key);
      };
    },
    holdNextAnswer: (method, path) => {
      let arrived = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.set(`${method} ${path}`, { arrived, released });
      return { arrived: reached, release };
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export {
  type ManagedServiceGateway,
  type ManagedServiceGatewayOptions,
  type RecordedRequest,
  startManagedServiceGateway,
};
