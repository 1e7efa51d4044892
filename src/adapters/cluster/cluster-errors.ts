import { type AccessNeed, ClusterError, ClusterErrorCode } from '../../core/cluster-errors.js';
import type { EngineFault } from './dialects/cluster-dialect.js';
import type { HttpMethod } from './signed-transport.js';

/** What the request was about, so an error can name the repository, snapshot or index in words. */
type ErrorContext = { cluster: string; method: HttpMethod; repository?: string; snapshot?: string; index?: string };

/**
 * Reads one engine `error.type`; undefined when this reason of that type has no translation of its own. `reason` is
 * the top sentence (what the translations recognise); `told` is the deepest one, what a person is shown.
 */
type Translation = (
  context: ErrorContext,
  statusCode: number,
  reason: string,
  told: string,
) => ClusterError | undefined;

function firstBracketed(text: string, after: string): string | undefined {
  return new RegExp(`${after}\\s*\\[([^\\]]+)\\]`).exec(text)?.[1];
}

function accessNeed(method: HttpMethod, reason: string): AccessNeed {
  if (reason.includes('iam:PassRole')) return { kind: 'pass-role' };
  if (/security_exception|no permissions/i.test(reason)) return { kind: 'role-mapping' };
  return { kind: 'http-action', action: `es:ESHttp${method.charAt(0)}${method.slice(1).toLowerCase()}` };
}

function accessDenied(context: ErrorContext, statusCode: number, reason: string): ClusterError {
  const needs = accessNeed(context.method, reason);
  return new ClusterError(ClusterErrorCode.ACCESS_DENIED, { cluster: context.cluster, statusCode, reason, needs });
}

/**
 * Engine `error.type` → domain error. Keyed on the type, not the status code: the same exception has different
 * codes across engines (e.g. concurrent snapshots: 503 in Elasticsearch, 429 in OpenSearch).
 */
const BY_ENGINE_TYPE: Record<string, Translation> = {
  invalid_snapshot_name_exception: ({ cluster, repository = '?', snapshot = '?' }, _statusCode, reason) =>
    /already exists|already in-progress/.test(reason)
      ? new ClusterError(ClusterErrorCode.SNAPSHOT_NAME_TAKEN, { cluster, repository, snapshot })
      : undefined,
  concurrent_snapshot_execution_exception: ({ cluster }, statusCode, _reason, told) =>
    new ClusterError(ClusterErrorCode.CONCURRENT_SNAPSHOT, { cluster, statusCode, reason: told }),
  repository_missing_exception: ({ cluster, repository = '?' }, _statusCode, reason) =>
    new ClusterError(ClusterErrorCode.REPOSITORY_MISSING, {
      cluster,
      repository: firstBracketed(reason, '') ?? repository,
    }),
  snapshot_missing_exception: ({ cluster, repository = '?', snapshot = '?' }) =>
    new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster, repository, snapshot }),
  index_not_found_exception: ({ cluster, index = '?' }, _statusCode, reason) =>
    new ClusterError(ClusterErrorCode.INDEX_NOT_FOUND, {
      cluster,
      index: firstBracketed(reason, 'no such index') ?? index,
    }),
  snapshot_restore_exception: ({ cluster, repository = '?', snapshot = '?' }, _statusCode, reason) => {
    if (reason.includes('open index with same name')) {
      const index = firstBracketed(reason, 'cannot restore index') ?? '?';
      return new ClusterError(ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX, { cluster, index });
    }
    // A restore of a snapshot the repository lacks is refused as a restore failure, not as a missing snapshot.
    if (reason.includes('snapshot does not exist')) {
      return new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster, repository, snapshot });
    }
    return undefined;
  },
  // Not `partial`, and an index has no primary to copy: refused before it starts, naming the indices.
  snapshot_exception: ({ cluster }, statusCode, reason, told) => {
    const indices = /don't have primary shards\s*\[([^\]]+)\]/.exec(reason)?.[1];
    if (indices === undefined) return undefined;
    return new ClusterError(ClusterErrorCode.SNAPSHOT_PRIMARIES_MISSING, {
      cluster,
      statusCode,
      indices,
      reason: told,
    });
  },
  security_exception: (context, statusCode, _reason, told) => accessDenied(context, statusCode, told),
};

/** Turns a non-2xx answer, as the dialect read it, into the domain error a person can act on. */
function toClusterError(context: ErrorContext, statusCode: number, fault: EngineFault): ClusterError {
  const { cluster } = context;
  if ('type' in fault) {
    const { type, reason, cause } = fault;
    const told = cause === undefined ? reason : `${reason}: ${cause.reason}`;
    // Own keys only: an engine type never reaches Object.prototype (`constructor`, `toString` …).
    const translated = Object.hasOwn(BY_ENGINE_TYPE, type)
      ? BY_ENGINE_TYPE[type]?.(context, statusCode, reason, told)
      : undefined;
    const facts = cause === undefined ? { type, reason } : { type, reason, cause };
    return translated ?? new ClusterError(ClusterErrorCode.REQUEST_FAILED, { cluster, statusCode, ...facts });
  }
  const reason = fault.message;
  if (reason.includes('is not allowed')) {
    return new ClusterError(ClusterErrorCode.OPERATION_NOT_ALLOWED, { cluster, statusCode, reason });
  }
  if (statusCode === 401 || statusCode === 403) return accessDenied(context, statusCode, reason);
  return new ClusterError(ClusterErrorCode.REQUEST_FAILED, { cluster, statusCode, type: `http_${statusCode}`, reason });
}

export type { ErrorContext };
export { toClusterError };
