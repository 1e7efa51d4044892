import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What `AWS_ENDPOINT_URL_LAMBDA` points at: every Lambda API call goes on to moto unchanged, which checks it (the
 * function exists, the invocation type, the payload) and answers it. An asynchronous invocation moto accepted (202)
 * is also queued here, because Lambda would now run the function with that payload, and moto cannot: the rig's
 * runtime takes it from the queue.
 */

type AcceptedInvocation = { functionName: string; payload: unknown };

type LambdaInvokeFront = {
  url: string;
  /** Accepted asynchronous invocations not taken yet, oldest first. */
  accepted: AcceptedInvocation[];
  /** Removes and returns the accepted invocations. */
  take(): AcceptedInvocation[];
  close(): Promise<void>;
};

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

async function forward(motoUrl: string, request: IncomingMessage, body: Buffer) {
  const headers = Object.entries(request.headers)
    .filter(([name]) => !['host', 'connection', 'content-length'].includes(name))
    .map(([name, value]) => [name, String(value)] as [string, string]);
  const init: RequestInit = { method: request.method ?? 'GET', headers };
  if (body.length > 0) init.body = body;
  const answer = await fetch(`${motoUrl}${request.url ?? '/'}`, init);
  return { status: answer.status, headers: answer.headers, body: Buffer.from(await answer.arrayBuffer()) };
}

async function startLambdaInvokeFront(motoUrl: string): Promise<LambdaInvokeFront> {
  const accepted: AcceptedInvocation[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = Buffer.concat(await request.toArray());
    const answer = await forward(motoUrl, request, body);
    const invoked = INVOKE_PATH.exec((request.url ?? '').split('?')[0] ?? '');
    if (invoked?.[1] !== undefined && answer.status === 202 && request.headers['x-amz-invocation-type'] === 'Event') {
      accepted.push({ functionName: decodeURIComponent(invoked[1]), payload: JSON.parse(body.toString('utf8')) });
    }
    const headers = Object.fromEntries(
      [...answer.headers].filter(
        ([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name),
      ),
    );
    response.writeHead(answer.status, headers);
    response.end(answer.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `the rig could not reach moto: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    take: () => accepted.splice(0),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export { type AcceptedInvocation, type LambdaInvokeFront, startLambdaInvokeFront };
