import type { z } from 'zod';
import { ClusterRequestError, ClusterUnreachableError } from '../../core/errors.js';
import type { WriteOutcome } from '../../ports/cluster-client.js';
import { type ErrorContext, toClusterError } from './cluster-errors.js';
import type { ClusterRequest, ClusterResponse, ClusterTransport } from './signed-transport.js';

/** One cluster's transport plus its alias: what every operation needs. */
type ClusterCall = { cluster: string; transport: ClusterTransport };

type Answered = Extract<ClusterResponse, { outcome: 'answered' }>;

function contextOf(call: ClusterCall, request: ClusterRequest, about: Omit<ErrorContext, 'cluster' | 'method'>) {
  return { cluster: call.cluster, method: request.method, ...about };
}

function isSuccess(response: Answered): boolean {
  return response.statusCode >= 200 && response.statusCode < 300;
}

/** Checks an answer we rely on against the shape we expect, once, where it enters. */
function parseAnswer<Schema extends z.ZodType>(call: ClusterCall, schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new ClusterRequestError(
    call.cluster,
    'unexpected_answer',
    `the cluster answered in an unknown shape (${detail})`,
    {
      statusCode: 200,
      hint: 'Check that the endpoint is an Elasticsearch / OpenSearch cluster of a supported version.',
    },
  );
}

/** A read: the parsed 2xx body, or the domain error for anything else. */
async function read<Schema extends z.ZodType>(
  call: ClusterCall,
  request: ClusterRequest,
  schema: Schema,
  about: Omit<ErrorContext, 'cluster' | 'method'> = {},
): Promise<z.infer<Schema>> {
  const response = await call.transport.send(request);
  if (response.outcome !== 'answered') throw new ClusterUnreachableError(call.cluster, 'the gateway timed out');
  if (!isSuccess(response)) throw toClusterError(contextOf(call, request, about), response.statusCode, response.body);
  return parseAnswer(call, schema, response.body);
}

/** A write whose answer we do not need beyond "accepted": a 504 means it may still be going on. */
async function write(
  call: ClusterCall,
  request: ClusterRequest,
  about: Omit<ErrorContext, 'cluster' | 'method'> = {},
): Promise<WriteOutcome> {
  const response = await call.transport.send(request);
  if (response.outcome === 'maybe-accepted') return 'maybe-accepted';
  if (!isSuccess(response)) throw toClusterError(contextOf(call, request, about), response.statusCode, response.body);
  return 'accepted';
}

export type { ClusterCall };
export { read, write };
