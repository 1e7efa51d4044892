import type { Logger } from 'pino';
import { ClusterError, ClusterErrorCode } from '../../core/cluster-errors.js';
import { none, type RequestAuthenticator } from './request-authenticator.js';

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';

type ClusterRequest = {
  method: HttpMethod;
  /** Built with `clusterPath`: already percent-encoded, never containing a query. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A read's whole budget, retries included (see `ReadOptions`); none: the timeout per attempt and retries only. */
  deadlineMs?: number;
};

/**
 * `answered`: the cluster (or the service in front of it) gave a definite answer, any status.
 * `maybe-accepted`: the gateway gave up waiting (504) or our own timeout hit a write; the work may go on, so the
 * caller must look at the cluster's state instead of failing.
 */
type ClusterResponse =
  | { outcome: 'answered'; statusCode: number; body: unknown }
  | { outcome: 'maybe-accepted'; reason: 'gateway-timeout' | 'client-timeout' };

type SignedTransportOptions = {
  /** Cluster alias, used in errors and logs. */
  cluster: string;
  endpoint: URL;
  /** How requests prove who sends them: `sigV4(…)` for Amazon OpenSearch Service / Amazon ES. @default none */
  authenticator?: RequestAuthenticator;
  /** @default 30_000 */
  timeoutMs?: number;
  /** Attempts for retryable failures (429, 502, 503, connection errors, timeouts of reads). @default 4 */
  maxAttempts?: number;
  /** First backoff step; each retry waits a random time up to base × 2^attempt, capped at 10 s. @default 250 */
  backoffBaseMs?: number;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  sleep?: (milliseconds: number) => Promise<void>;
  random?: () => number;
};

type ClusterTransport = { send(request: ClusterRequest): Promise<ClusterResponse> };

const RETRYABLE_STATUS = new Set([429, 502, 503]);
const MAX_BACKOFF_MS = 10_000;

/** No answer at all (connection refused or reset, DNS, a read that timed out): safe to send again. */
class NoAnswerError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NoAnswerError';
  }
}

type Attempt = { response: ClusterResponse; retryAfterMs?: number };

function retryAfterMs(header: string | null): number | undefined {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function describeFetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function waitFor(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * HTTP to one cluster: authenticated by its authenticator (SigV4 for the managed service), a timeout per attempt,
 * and retries with jittered exponential backoff for answers that mean "try again later". 400/403/404 are answers,
 * never retried.
 */
class SignedTransport implements ClusterTransport {
  readonly #cluster: string;
  readonly #endpoint: URL;
  readonly #basePath: string;
  readonly #authenticator: RequestAuthenticator;
  readonly #timeoutMs: number;
  readonly #maxAttempts: number;
  readonly #backoffBaseMs: number;
  readonly #logger: Logger;
  readonly #fetch: typeof globalThis.fetch;
  readonly #sleep: (milliseconds: number) => Promise<void>;
  readonly #random: () => number;

  constructor(options: SignedTransportOptions) {
    const {
      cluster,
      endpoint,
      authenticator = none,
      timeoutMs = 30_000,
      maxAttempts = 4,
      backoffBaseMs = 250,
      logger,
      fetch = globalThis.fetch,
      sleep = waitFor,
      random = Math.random,
    } = options;
    this.#cluster = cluster;
    this.#endpoint = endpoint;
    this.#basePath = endpoint.pathname.replace(/\/$/, '');
    this.#authenticator = authenticator;
    this.#timeoutMs = timeoutMs;
    this.#maxAttempts = maxAttempts;
    this.#backoffBaseMs = backoffBaseMs;
    this.#logger = logger;
    this.#fetch = fetch;
    this.#sleep = sleep;
    this.#random = random;
  }

  async send(request: ClusterRequest): Promise<ClusterResponse> {
    const context = { cluster: this.#cluster, method: request.method, path: request.path };
    const deadline = request.deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + request.deadlineMs;
    // Another attempt only when it, and the wait before it, still fit in the deadline.
    const mayRetry = (attemptNumber: number, backoffMs: number) =>
      attemptNumber < this.#maxAttempts && Date.now() + backoffMs < deadline;
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      const started = Date.now();
      let outcome: Attempt;
      try {
        outcome = await this.#attempt(request, Math.min(this.#timeoutMs, deadline - started));
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        this.#logger.warn({ ...context, attempt: attemptNumber, reason: error.reason }, 'cluster did not answer');
        const backoffMs = this.#backoffMs(attemptNumber, undefined);
        if (!mayRetry(attemptNumber, backoffMs)) {
          const evidence = { cluster: this.#cluster, reason: error.reason };
          throw new ClusterError(ClusterErrorCode.UNREACHABLE, evidence, { cause: error });
        }
        await this.#sleep(backoffMs);
        continue;
      }
      const statusCode = outcome.response.outcome === 'answered' ? outcome.response.statusCode : 504;
      this.#logger.debug({ ...context, statusCode, ms: Date.now() - started }, 'cluster answered');
      const backoffMs = this.#backoffMs(attemptNumber, outcome.retryAfterMs);
      if (!RETRYABLE_STATUS.has(statusCode) || !mayRetry(attemptNumber, backoffMs)) return outcome.response;
      await this.#sleep(backoffMs);
    }
  }

  #backoffMs(attemptNumber: number, retryAfter: number | undefined): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.#backoffBaseMs * 2 ** attemptNumber);
    return Math.max(this.#random() * ceiling, retryAfter ?? 0);
  }

  async #headers(request: ClusterRequest, body: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = { host: this.#endpoint.host };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.#authenticator.headersFor({
      method: request.method,
      protocol: this.#endpoint.protocol,
      hostname: this.#endpoint.hostname,
      port: this.#endpoint.port === '' ? undefined : Number(this.#endpoint.port),
      path: this.#basePath + request.path,
      query: request.query ?? {},
      headers,
      body,
    });
  }

  async #attempt(request: ClusterRequest, timeoutMs: number): Promise<Attempt> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    // fetch sets Host itself, to the same value that was signed.
    const { host: _host, ...headers } = await this.#headers(request, body);
    const query = new URLSearchParams(request.query ?? {}).toString();
    const url = `${this.#endpoint.origin}${this.#basePath}${request.path}${query === '' ? '' : `?${query}`}`;
    let response: Response;
    try {
      const signal = AbortSignal.timeout(Math.max(1, timeoutMs));
      response = await this.#fetch(url, { method: request.method, headers, body, signal });
    } catch (error) {
      return noAnswer(request, error);
    }
    if (response.status === 504) {
      await response.body?.cancel();
      return { response: { outcome: 'maybe-accepted', reason: 'gateway-timeout' } };
    }
    return {
      response: { outcome: 'answered', statusCode: response.status, body: await parseBody(response) },
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  }
}

/** A read that timed out is asked again; a write that timed out may have been applied, so it is reported. */
function noAnswer(request: ClusterRequest, error: unknown): Attempt {
  if ((error as Error).name !== 'TimeoutError') throw new NoAnswerError(describeFetchFailure(error));
  if (request.method === 'GET' || request.method === 'HEAD') throw new NoAnswerError('timeout');
  return { response: { outcome: 'maybe-accepted', reason: 'client-timeout' } };
}

function createSignedTransport(options: SignedTransportOptions): ClusterTransport {
  return new SignedTransport(options);
}

export type { ClusterRequest, ClusterResponse, ClusterTransport, HttpMethod, SignedTransportOptions };
export { createSignedTransport };
