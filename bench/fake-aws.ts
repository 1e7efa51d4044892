import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type FakeAws = { url: string; close(): Promise<void> };

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The two AWS calls the Slack function makes before its first answer, answered at once on loopback: SSM
 * GetParameter (from `parameters`) and the asynchronous Lambda Invoke of the hand-off. What a cold start costs
 * beyond them is then the bundle's own work.
 */
async function startFakeAws(parameters: Record<string, string>): Promise<FakeAws> {
  const server: Server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    if (request.headers['x-amz-target'] === 'AmazonSSM.GetParameter') {
      const { Name } = JSON.parse(body) as { Name: string };
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ Parameter: { Name, Type: 'SecureString', Value: parameters[Name] ?? '' } }));
    } else if (/^\/2015-03-31\/functions\/[^/]+\/invocations/.test(request.url ?? '')) {
      response.writeHead(202).end();
    } else {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"not faked"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type { FakeAws };
export { startFakeAws };
