import { z } from 'zod';
import {
  ClusterAccessDeniedError,
  type ClusterError,
  ClusterRequestError,
  ConcurrentSnapshotError,
  IndexNotFoundError,
  RepositoryMissingError,
  RestoreBlockedByOpenIndexError,
  SnapshotMissingError,
  SnapshotNameTakenError,
} from '../../core/errors.js';
import type { HttpMethod } from './signed-transport.js';

/** What the request was about, so an error can name the repository, snapshot or index in words. */
type ErrorContext = { cluster: string; method: HttpMethod; repository?: string; snapshot?: string; index?: string };

const clusterErrorBody = z.object({
  error: z.union([
    z.object({ type: z.string(), reason: z.string().nullish(), index: z.string().optional() }).loose(),
    z.string(),
  ]),
});

// Amazon OpenSearch Service answers IAM and gateway refusals with `Message` (or `message`) instead of `error`.
const serviceErrorBody = z.union([z.object({ Message: z.string() }), z.object({ message: z.string() })]);

function firstBracketed(text: string, after: string): string | undefined {
  return new RegExp(`${after}\\s*\\[([^\\]]+)\\]`).exec(text)?.[1];
}

function accessDenied(context: ErrorContext, statusCode: number, reason: string): ClusterError {
  const action = `es:ESHttp${context.method.charAt(0)}${context.method.slice(1).toLowerCase()}`;
  let hint = `Allow ${action} on arn:aws:es:<region>:<account>:domain/<domain>/* for the bot's IAM role.`;
  if (reason.includes('iam:PassRole')) {
    hint = "Allow iam:PassRole on the snapshot role (the repository's role_arn) for the bot's IAM role.";
  } else if (/security_exception|no permissions/i.test(reason)) {
    hint = "With fine-grained access control, map the bot's IAM role as a backend role of manage_snapshots.";
  }
  return new ClusterAccessDeniedError(context.cluster, reason, { statusCode, hint });
}

function fromTypedError(context: ErrorContext, statusCode: number, type: string, reason: string): ClusterError {
  const { cluster, repository = '?', snapshot = '?' } = context;
  switch (type) {
    case 'invalid_snapshot_name_exception':
      if (/already exists|already in-progress/.test(reason))
        return new SnapshotNameTakenError(cluster, repository, snapshot);
      break;
    case 'concurrent_snapshot_execution_exception':
      return new ConcurrentSnapshotError(cluster, reason, { statusCode });
    case 'repository_missing_exception':
      return new RepositoryMissingError(cluster, firstBracketed(reason, '') ?? repository);
    case 'snapshot_missing_exception':
      return new SnapshotMissingError(cluster, repository, snapshot);
    case 'index_not_found_exception':
      return new IndexNotFoundError(cluster, firstBracketed(reason, 'no such index') ?? context.index ?? '?');
    case 'snapshot_restore_exception':
      if (reason.includes('open index with same name')) {
        return new RestoreBlockedByOpenIndexError(cluster, firstBracketed(reason, 'cannot restore index') ?? '?');
      }
      break;
    case 'security_exception':
      return accessDenied(context, statusCode, reason);
  }
  return new ClusterRequestError(cluster, type, reason, { statusCode });
}

/**
 * Turns a non-2xx answer into the domain error a person can act on. Keyed on `error.type`, not the status code:
 * the same exception has different codes across engines (e.g. concurrent snapshots: 503 in Elasticsearch, 429 in
 * OpenSearch).
 */
function toClusterError(context: ErrorContext, statusCode: number, body: unknown): ClusterError {
  const typed = clusterErrorBody.safeParse(body);
  if (typed.success) {
    const { error } = typed.data;
    if (typeof error === 'string') return new ClusterRequestError(context.cluster, 'error', error, { statusCode });
    return fromTypedError(context, statusCode, error.type, error.reason ?? '');
  }
  const service = serviceErrorBody.safeParse(body);
  const reason = service.success
    ? 'Message' in service.data
      ? service.data.Message
      : service.data.message
    : String(body ?? '').slice(0, 300);
  if (reason.includes('is not allowed')) {
    const hint = 'Amazon OpenSearch Service does not offer this API; the bot uses another way where one exists.';
    return new ClusterRequestError(context.cluster, 'operation_not_allowed', reason, { statusCode, hint });
  }
  if (statusCode === 401 || statusCode === 403) return accessDenied(context, statusCode, reason);
  return new ClusterRequestError(context.cluster, `http_${statusCode}`, reason, { statusCode });
}

export type { ErrorContext };
export { toClusterError };
