import { BotError } from './errors.js';
import type { EngineCause } from './words/cluster-words.js';
import type { ErrorWords } from './words/error-words.js';
import type { Said } from './words/language.js';

/**
 * What a cluster answered (or failed to answer) that the bot translates for people, as stable codes: callers test
 * the code (`isClusterError(error, ClusterErrorCode.SNAPSHOT_MISSING)`), the words come from the catalog.
 */
const ClusterErrorCode = {
  SNAPSHOT_NAME_TAKEN: 'snapshot_name_taken',
  CONCURRENT_SNAPSHOT: 'concurrent_snapshot',
  REPOSITORY_MISSING: 'repository_missing',
  SNAPSHOT_MISSING: 'snapshot_missing',
  RESTORE_BLOCKED_BY_OPEN_INDEX: 'restore_blocked_by_open_index',
  INDEX_NOT_FOUND: 'index_not_found',
  /** A snapshot refused at its start (not `partial`): some indices have no active primary to copy. */
  SNAPSHOT_PRIMARIES_MISSING: 'snapshot_primaries_missing',
  ACCESS_DENIED: 'cluster_access_denied',
  UNREACHABLE: 'cluster_unreachable',
  REQUEST_FAILED: 'cluster_request_failed',
  /** The managed service refuses the API itself (e.g. the index-less `GET /_recovery`). */
  OPERATION_NOT_ALLOWED: 'operation_not_allowed',
  /** A 2xx answer in a shape we do not know: not an engine of a supported version, or not an engine at all. */
  UNEXPECTED_ANSWER: 'unexpected_answer',
} as const;

type ClusterErrorCode = (typeof ClusterErrorCode)[keyof typeof ClusterErrorCode];

/** What a refused request lacked, so the hint names the permission to grant. */
type AccessNeed =
  | { kind: 'http-action'; action: string }
  | { kind: 'pass-role' }
  /** Fine-grained access control: the bot's role is not mapped. */
  | { kind: 'role-mapping' };

/** What each code knows beyond the cluster and the status code: the names its words need. */
type ClusterFacts = {
  [ClusterErrorCode.SNAPSHOT_NAME_TAKEN]: { repository: string; snapshot: string };
  [ClusterErrorCode.CONCURRENT_SNAPSHOT]: { reason: string };
  [ClusterErrorCode.REPOSITORY_MISSING]: { repository: string };
  [ClusterErrorCode.SNAPSHOT_MISSING]: { repository: string; snapshot: string };
  [ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX]: { index: string };
  [ClusterErrorCode.INDEX_NOT_FOUND]: { index: string };
  [ClusterErrorCode.SNAPSHOT_PRIMARIES_MISSING]: { indices: string; reason: string };
  [ClusterErrorCode.ACCESS_DENIED]: { reason: string; needs: AccessNeed };
  [ClusterErrorCode.UNREACHABLE]: { reason: string };
  /** `cause`: the deepest exception the engine named under it, when it says more than `reason`. */
  [ClusterErrorCode.REQUEST_FAILED]: { type: string; reason: string; cause?: EngineCause };
  [ClusterErrorCode.OPERATION_NOT_ALLOWED]: { reason: string };
  [ClusterErrorCode.UNEXPECTED_ANSWER]: { detail: string };
};

type ClusterEvidence<Code extends ClusterErrorCode> = { cluster: string; statusCode?: number } & ClusterFacts[Code];

type ClusterErrorEntry<Code extends ClusterErrorCode> = {
  /** The status the engines answer it with, when every engine agrees. */
  statusCode?: number;
  says: (evidence: ClusterEvidence<Code>, words: ErrorWords) => Said;
};

function accessDenied({ cluster, reason, needs }: ClusterEvidence<'cluster_access_denied'>, words: ErrorWords): Said {
  if (needs.kind === 'pass-role') return words.accessDeniedForPassRole(cluster, reason);
  if (needs.kind === 'role-mapping') return words.accessDeniedForRoleMapping(cluster, reason);
  return words.accessDeniedForAction(cluster, reason, needs.action);
}

/** Code → how it is said: the one table of cluster errors. */
const CLUSTER_ERRORS: { [Code in ClusterErrorCode]: ClusterErrorEntry<Code> } = {
  snapshot_name_taken: {
    statusCode: 400,
    says: ({ cluster, repository, snapshot }, words) => words.snapshotNameTaken(cluster, repository, snapshot),
  },
  concurrent_snapshot: { says: ({ cluster, reason }, words) => words.concurrentSnapshot(cluster, reason) },
  repository_missing: {
    statusCode: 404,
    says: ({ cluster, repository }, words) => words.repositoryMissing(cluster, repository),
  },
  snapshot_missing: {
    statusCode: 404,
    says: ({ cluster, repository, snapshot }, words) => words.snapshotMissing(cluster, repository, snapshot),
  },
  restore_blocked_by_open_index: {
    statusCode: 500,
    says: ({ cluster, index }, words) => words.restoreBlockedByOpenIndex(cluster, index),
  },
  index_not_found: { statusCode: 404, says: ({ cluster, index }, words) => words.indexNotFound(cluster, index) },
  snapshot_primaries_missing: {
    statusCode: 500,
    says: ({ cluster, indices, reason }, words) => words.snapshotPrimariesMissing(cluster, indices, reason),
  },
  cluster_access_denied: { says: accessDenied },
  cluster_unreachable: { says: ({ cluster, reason }, words) => words.clusterUnreachable(cluster, reason) },
  cluster_request_failed: {
    says: ({ cluster, type, reason, cause }, words) => words.requestFailed(cluster, type, reason, cause),
  },
  operation_not_allowed: { says: ({ cluster, reason }, words) => words.operationNotAllowed(cluster, reason) },
  unexpected_answer: { statusCode: 200, says: ({ cluster, detail }, words) => words.unexpectedAnswer(cluster, detail) },
};

/**
 * Everything a cluster answered (or failed to answer) that we translate for people: one class, told apart by
 * `code`, carrying what the cluster said about it.
 *
 * @example
 * throw new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster: 'a', repository: 'r', snapshot: 's' });
 */
class ClusterError<Code extends ClusterErrorCode = ClusterErrorCode> extends BotError {
  declare readonly code: Code;
  readonly cluster: string;
  readonly statusCode: number | undefined;
  readonly evidence: ClusterEvidence<Code>;

  constructor(code: Code, evidence: ClusterEvidence<Code>, options?: ErrorOptions) {
    const entry: ClusterErrorEntry<Code> = CLUSTER_ERRORS[code];
    super(code, (words) => entry.says(evidence, words), options);
    this.name = 'ClusterError';
    this.cluster = evidence.cluster;
    this.statusCode = evidence.statusCode ?? entry.statusCode;
    this.evidence = evidence;
  }
}

/** Whether `error` is a cluster error, of `code` when one is given. */
function isClusterError<Code extends ClusterErrorCode = ClusterErrorCode>(
  error: unknown,
  code?: Code,
): error is ClusterError<Code> {
  return error instanceof ClusterError && (code === undefined || error.code === code);
}

export type { AccessNeed, ClusterEvidence, ClusterFacts, EngineCause };
export { ClusterError, ClusterErrorCode, isClusterError };
