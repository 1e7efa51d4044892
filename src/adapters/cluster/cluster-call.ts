import { ClusterError, ClusterErrorCode } from '../../core/cluster-errors.js';
import type { WriteOutcome } from '../../ports/cluster-client.js';
import { type ErrorContext, toClusterError } from './cluster-errors.js';
import type { Answer, ClusterDialect } from './dialects/cluster-dialect.js';
import type { ClusterRequest, ClusterResponse, ClusterTransport } from './signed-transport.js';

/**
 * One cluster's transport and dialect plus its alias: what every operation needs. The dialect is the engine's,
 * known once the cluster has said what it runs (see `dialect-detection.ts`).
 */
type ClusterCall = {
  cluster: string;
  transport: ClusterTransport;
  /** The dialect to build `request` in and read its answer with (none given: to build one). */
  dialect: (request?: ClusterRequest) => Promise<ClusterDialect>;
};

/** An answer's schema, or how to pick it from the cluster's dialect. */
type AnswerOf<T> = Answer<T> | ((answers: ClusterDialect['answers']) => Answer<T>);

type Answered = Extract<ClusterResponse, { outcome: 'answered' }>;

type About = Omit<ErrorContext, 'cluster' | 'method'>;

function isSuccess(response: Answered): boolean {
  return response.statusCode >= 200 && response.statusCode < 300;
}

function failure(
  dialect: ClusterDialect,
  call: ClusterCall,
  request: ClusterRequest,
  about: About,
  response: Answered,
): ClusterError {
  const context = { cluster: call.cluster, method: request.method, ...about };
  return toClusterError(context, response.statusCode, dialect.answers.fault(response.body));
}

/** Checks an answer we rely on against the shape we expect, once, where it enters. */
function parseAnswer<T>(call: ClusterCall, answer: Answer<T>, body: unknown): T {
  const parsed = answer.safeParse(body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new ClusterError(ClusterErrorCode.UNEXPECTED_ANSWER, { cluster: call.cluster, detail });
}

/** A read: the 2xx body read by the dialect, or the domain error for anything else. */
async function read<T>(
  call: ClusterCall,
  request: ClusterRequest,
  answerOf: AnswerOf<T>,
  about: About = {},
): Promise<T> {
  // Known before the request goes out, so the first request of a client is `GET /` itself.
  const dialect = await call.dialect(request);
  const response = await call.transport.send(request);
  if (response.outcome !== 'answered') {
    throw new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: call.cluster, reason: 'gateway-timeout' });
  }
  if (!isSuccess(response)) throw failure(dialect, call, request, about, response);
  const answer = typeof answerOf === 'function' ? answerOf(dialect.answers) : answerOf;
  return parseAnswer(call, answer, response.body);
}

/** A write whose answer we do not need beyond "accepted": a 504 means it may still be going on. */
async function write(call: ClusterCall, request: ClusterRequest, about: About = {}): Promise<WriteOutcome> {
  const dialect = await call.dialect(request);
  const response = await call.transport.send(request);
  if (response.outcome === 'maybe-accepted') return 'maybe-accepted';
  if (!isSuccess(response)) throw failure(dialect, call, request, about, response);
  return 'accepted';
}

export type { ClusterCall };
export { read, write };
