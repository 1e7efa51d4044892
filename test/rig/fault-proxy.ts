import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy saw it: enough to pick which one a fault strikes. */
type SeenRequest = { method: string; path: string; headers: IncomingMessage['headers']; body: string };

/**
 * What a struck request meets:
 * - `answer`: the proxy answers itself and the service never sees the request (a 5xx, a throttle, a 429);
 * - `drop-before`: the connection is cut before the service sees the request (a node down, a network blip);
 * - `drop-after`: the service does the work, then the connection is cut before its answer arrives;
 * - `delay`: the service's answer arrives `ms` late (a slow node; longer than the client waits, a timeout).
 */
type Fault =
  | { kind: 'answer'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'drop-before' }
  | { kind: 'drop-after' }
  | { kind: 'delay'; ms: number };

type FaultRule = { match: (request: SeenRequest) => boolean; fault: Fault; times: number };

type FaultProxy = {
  /** `http://127.0.0.1:<port>`, in front of the target: paths, headers and bodies pass unchanged. */
  url: string;
  /** The next `times` requests that `match` meet `fault`; rules are tried in the order they were added. */
  strike(match: (request: SeenRequest) => boolean, fault: Fault, times?: number): void;
  /** How many requests met a fault so far. */
  readonly struck: number;
  /** Forgets the rules not yet used up. */
  clear(): void;
  close(): Promise<void>;
};

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function relay(upstream: IncomingMessage, response: ServerResponse, delayMs: number): Promise<void> {
  const body = await readBody(upstream);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (response.destroyed) return;
  response.writeHead(upstream.statusCode ?? 502, upstream.headers);
  response.end(body);
}

/**
 * A loopback HTTP proxy that strikes chosen requests with a fault on their way to a real service (the managed-service
 * gateway, dynalite, the loopback Slack API) and passes everything else through untouched. The client keeps its own
 * signing: the Host header is passed as the client sent it.
 */
async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: FaultRule[] = [];
  let struck = 0;

  function faultFor(seen: SeenRequest): Fault | undefined {
    const rule = rules.find((candidate) => candidate.times > 0 && candidate.match(seen));
    if (rule === undefined) return undefined;
    rule.times -= 1;
    struck += 1;
    return rule.fault;
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const seen = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body: body.toString('utf8'),
    };
    const fault = faultFor(seen);
    if (fault?.kind === 'answer') {
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(fault.body);
      return;
    }
    if (fault?.kind === 'drop-before') {
      response.socket?.destroy();
      return;
    }
    const upstream = await forward(target, incoming, body);
    if (fault?.kind === 'drop-after') {
      await readBody(upstream);
      response.socket?.destroy();
      return;
    }
    await relay(upstream, response, fault?.kind === 'delay' ? fault.ms : 0);
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => response.socket?.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    strike(match, fault, times = 1) {
      rules.push({ match, fault, times });
    },
    get struck() {
      return struck;
    },
    clear() {
      rules.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export type { Fault, FaultProxy, SeenRequest };
export { startFaultProxy };
