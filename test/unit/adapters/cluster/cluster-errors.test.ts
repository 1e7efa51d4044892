import { describe, expect, it } from 'vitest';
import { toClusterError } from '../../../../src/adapters/cluster/cluster-errors.js';
import {
  ClusterAccessDeniedError,
  ClusterRequestError,
  ConcurrentSnapshotError,
  IndexNotFoundError,
  RepositoryMissingError,
  RestoreBlockedByOpenIndexError,
  SnapshotMissingError,
  SnapshotNameTakenError,
} from '../../../../src/core/errors.js';

const context = { cluster: 'b', method: 'PUT' as const, repository: 'migration', snapshot: 'nightly' };

function body(type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status: 0 };
}

describe('toClusterError', () => {
  it.each([
    [
      'a taken snapshot name',
      400,
      body(
        'invalid_snapshot_name_exception',
        '[migration:nightly] Invalid snapshot name [nightly], snapshot with the same name already exists',
      ),
      SnapshotNameTakenError,
      'b: snapshot "nightly" already exists in repository "migration"',
    ],
    [
      'a concurrent snapshot on OpenSearch (429)',
      429,
      body('concurrent_snapshot_execution_exception', '[migration:nightly] a snapshot is already running'),
      ConcurrentSnapshotError,
      'another snapshot operation is running',
    ],
    [
      'a concurrent snapshot on Elasticsearch (503)',
      503,
      body('concurrent_snapshot_execution_exception', 'cannot delete - another snapshot is currently being deleted'),
      ConcurrentSnapshotError,
      'another snapshot operation is running',
    ],
    [
      'a missing repository',
      404,
      body('repository_missing_exception', '[other] missing'),
      RepositoryMissingError,
      'repository "other" is not registered',
    ],
    [
      'a missing snapshot',
      404,
      body('snapshot_missing_exception', '[migration:nightly] is missing'),
      SnapshotMissingError,
      'snapshot "nightly" does not exist',
    ],
    [
      'an open index blocking a restore',
      500,
      body(
        'snapshot_restore_exception',
        '[migration:nightly/abc] cannot restore index [logs-1] because an open index with same name already exists in the cluster. Either close or delete the existing index or restore the index under a different name by providing a rename pattern and replacement name',
      ),
      RestoreBlockedByOpenIndexError,
      'cannot restore "logs-1"',
    ],
    [
      'a missing index',
      404,
      body('index_not_found_exception', 'no such index [logs-9]'),
      IndexNotFoundError,
      'no such index "logs-9"',
    ],
  ])('translates %s', (_case, status, answer, errorClass, message) => {
    const error = toClusterError(context, status, answer);

    expect(error).toBeInstanceOf(errorClass);
    expect(error.message).toContain(message);
    expect(error.hint).toBeTruthy();
  });

  it('suggests replace or rename when an open index blocks a restore', () => {
    const error = toClusterError(
      context,
      500,
      body(
        'snapshot_restore_exception',
        'cannot restore index [x] because an open index with same name already exists',
      ),
    );

    expect(error.hint).toMatch(/`replace`.*`rename=/);
  });

  it('names the IAM action a refused request needed', () => {
    const error = toClusterError({ ...context, method: 'DELETE' }, 403, {
      Message: 'User: arn:aws:sts::123456789012:assumed-role/bot is not authorized to perform: es:ESHttpDelete',
    });

    expect(error).toBeInstanceOf(ClusterAccessDeniedError);
    expect(error.hint).toContain('es:ESHttpDelete');
  });

  it('names iam:PassRole when registering a repository was refused for it', () => {
    const error = toClusterError(context, 403, {
      Message: 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:PassRole on resource: role',
    });

    expect(error.hint).toContain('iam:PassRole on the snapshot role');
  });

  it('points at the role mapping when fine-grained access control refuses', () => {
    const error = toClusterError(
      context,
      403,
      body('security_exception', 'no permissions for [cluster:admin/snapshot/create] and User [name=bot]'),
    );

    expect(error).toBeInstanceOf(ClusterAccessDeniedError);
    expect(error.hint).toContain('manage_snapshots');
  });

  it('says when the managed service does not offer an API', () => {
    const error = toClusterError({ ...context, method: 'GET' }, 401, {
      Message: "Your request: '/_recovery' is not allowed.",
    });

    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.code).toBe('cluster_request_failed');
    expect(error.message).toContain('operation_not_allowed');
  });

  it('reads a lower-case message from the gateway', () => {
    const error = toClusterError(context, 401, { message: 'Unauthorized' });

    expect(error).toBeInstanceOf(ClusterAccessDeniedError);
  });

  it('keeps the type and reason of an error it has no translation for', () => {
    const error = toClusterError(context, 400, body('illegal_argument_exception', 'unknown setting [x]'));

    expect(error).toBeInstanceOf(ClusterRequestError);
    expect(error.message).toBe('b: illegal_argument_exception: unknown setting [x]');
    expect(error.statusCode).toBe(400);
  });

  it.each([
    ['an invalid name for another reason', body('invalid_snapshot_name_exception', 'must be lowercase')],
    ['a restore failure for another reason', body('snapshot_restore_exception', 'index is closed')],
    ['a string error (old engines)', { error: 'IndexMissingException[[x] missing]', status: 404 }],
  ])('keeps %s as a plain request error', (_case, answer) => {
    expect(toClusterError(context, 400, answer)).toBeInstanceOf(ClusterRequestError);
  });

  it('describes a body it cannot read by its status code', () => {
    const error = toClusterError(context, 500, 'Internal Server Error');

    expect(error.message).toBe('b: http_500: Internal Server Error');
  });

  it('falls back to the request context for names missing from the reason', () => {
    const error = toClusterError({ ...context, index: 'logs-3' }, 404, body('index_not_found_exception', 'gone'));

    expect(error.message).toContain('"logs-3"');
  });
});
