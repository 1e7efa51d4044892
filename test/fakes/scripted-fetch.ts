/** A `fetch` that answers from a script and records what was sent: for unit tests of the transport. */
type SentRequest = { url: URL; method: string; headers: Record<string, string>; body: string | undefined };
type Scripted = Response | Error | ((request: SentRequest) => Response | Error);

function createScriptedFetch(script: Scripted[]) {
  const sent: SentRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request: SentRequest = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: init.body === undefined || init.body === null ? undefined : String(init.body),
    };
    sent.push(request);
    const step = script.shift();
    if (step === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    const answer = typeof step === 'function' ? step(request) : step;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function connectionRefused(): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
}

function timedOut(): Error {
  return Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
}

export type { SentRequest };
export { connectionRefused, createScriptedFetch, jsonResponse, timedOut };
