import { describe, expect, it } from 'vitest';
import { type ErrorContext, toClusterError } from '../../../../src/adapters/cluster/cluster-errors.js';
import { openSearchDialect } from '../../../../src/adapters/cluster/dialects/opensearch/opensearch-dialect.js';
import { ClusterErrorCode } from '../../../../src/core/cluster-errors.js';

const context = { cluster: 'b', method: 'PUT' as const, repository: 'migration', snapshot: 'nightly' };

/** What the adapter does with a refused answer: the dialect reads the body, the table names the error. */
function translate(errorContext: ErrorContext, statusCode: number, answer: unknown) {
  return toClusterError(errorContext, statusCode, openSearchDialect.answers.fault(answer));
}

function body(type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status: 0 };
}

describe('translating a refused answer', () => {
  it.each([
    [
      'a taken snapshot name',
      400,
      body(
        'invalid_snapshot_name_exception',
        '[migration:nightly] Invalid snapshot name [nightly], snapshot with the same name already exists',
      ),
      ClusterErrorCode.SNAPSHOT_NAME_TAKEN,
      'b: snapshot "nightly" already exists in repository "migration"',
    ],
    [
      'a concurrent snapshot on OpenSearch (429)',
      429,
      body('concurrent_snapshot_execution_exception', '[migration:nightly] a snapshot is already running'),
      ClusterErrorCode.CONCURRENT_SNAPSHOT,
      'another snapshot operation is running',
    ],
    [
      'a concurrent snapshot on Elasticsearch (503)',
      503,
      body('concurrent_snapshot_execution_exception', 'cannot delete - another snapshot is currently being deleted'),
      ClusterErrorCode.CONCURRENT_SNAPSHOT,
      'another snapshot operation is running',
    ],
    [
      'a missing repository',
      404,
      body('repository_missing_exception', '[other] missing'),
      ClusterErrorCode.REPOSITORY_MISSING,
      'repository "other" is not registered',
    ],
    [
      'a missing snapshot',
      404,
      body('snapshot_missing_exception', '[migration:nightly] is missing'),
      ClusterErrorCode.SNAPSHOT_MISSING,
      'snapshot "nightly" does not exist',
    ],
    [
      'an open index blocking a restore',
      500,
      body(
        'snapshot_restore_exception',
        '[migration:nightly/abc] cannot restore index [logs-1] because an open index with same name already exists in the cluster. Either close or delete the existing index or restore the index under a different name by providing a rename pattern and replacement name',
      ),
      ClusterErrorCode.RESTORE_BLOCKED_BY_OPEN_INDEX,
      'cannot restore "logs-1"',
    ],
    [
      'a restore of a snapshot that does not exist',
      500,
      body('snapshot_restore_exception', '[migration:nightly] snapshot does not exist'),
      ClusterErrorCode.SNAPSHOT_MISSING,
      'snapshot "nightly" does not exist in repository "migration"',
    ],
    [
      'a snapshot refused because an index has no primary to copy',
      500,
      body('snapshot_exception', "[migration:nightly/abc] Indices don't have primary shards [orders, logs-1]"),
      ClusterErrorCode.SNAPSHOT_PRIMARIES_MISSING,
      'the snapshot cannot start: orders, logs-1 have no active primary shard',
    ],
    [
      'a missing index',
      404,
      body('index_not_found_exception', 'no such index [logs-9]'),
      ClusterErrorCode.INDEX_NOT_FOUND,
      'no such index "logs-9"',
    ],
  ])('translates %s', (_case, status, answer, code, message) => {
    const error = translate(context, status, answer);

    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.hint).toBeTruthy();
  });

  it('leaves any other snapshot failure as the engine said it', () => {
    const error = translate(context, 500, body('snapshot_exception', '[migration:nightly] something else'));

    expect(error).toMatchObject({ code: ClusterErrorCode.REQUEST_FAILED, evidence: { type: 'snapshot_exception' } });
  });

  it('suggests replace or rename when an open index blocks a restore', () => {
    const error = translate(
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
    const error = translate({ ...context, method: 'DELETE' }, 403, {
      Message: 'User: arn:aws:sts::123456789012:assumed-role/bot is not authorized to perform: es:ESHttpDelete',
    });

    expect(error).toMatchObject({ code: ClusterErrorCode.ACCESS_DENIED });
    expect(error.hint).toContain('es:ESHttpDelete');
  });

  it('names iam:PassRole when registering a repository was refused for it', () => {
    const error = translate(context, 403, {
      Message: 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:PassRole on resource: role',
    });

    expect(error.hint).toContain('iam:PassRole on the snapshot role');
  });

  it('points at the role mapping when fine-grained access control refuses', () => {
    const error = translate(
      context,
      403,
      body('security_exception', 'no permissions for [cluster:admin/snapshot/create] and User [name=bot]'),
    );

    expect(error).toMatchObject({ code: ClusterErrorCode.ACCESS_DENIED });
    expect(error.hint).toContain('manage_snapshots');
  });

  it('says when the managed service does not offer an API', () => {
    const error = translate({ ...context, method: 'GET' }, 401, {
      Message: "Your request: '/_recovery' is not allowed.",
    });

    expect(error.code).toBe(ClusterErrorCode.OPERATION_NOT_ALLOWED);
    expect(error.message).toContain('operation_not_allowed');
    expect(error.hint).toContain('does not offer this API');
  });

  it('reads a lower-case message from the gateway', () => {
    const error = translate(context, 401, { message: 'Unauthorized' });

    expect(error).toMatchObject({ code: ClusterErrorCode.ACCESS_DENIED });
  });

  it('keeps the type and reason of an error it has no translation for', () => {
    const error = translate(context, 400, body('illegal_argument_exception', 'unknown setting [x]'));

    expect(error).toMatchObject({ code: ClusterErrorCode.REQUEST_FAILED });
    expect(error.message).toBe('b: illegal_argument_exception: unknown setting [x]');
    expect(error.statusCode).toBe(400);
  });

  it.each([
    ['an invalid name for another reason', body('invalid_snapshot_name_exception', 'must be lowercase')],
    ['a restore failure for another reason', body('snapshot_restore_exception', 'index is closed')],
    ['a string error (old engines)', { error: 'IndexMissingException[[x] missing]', status: 404 }],
  ])('keeps %s as a plain request error', (_case, answer) => {
    expect(translate(context, 400, answer)).toMatchObject({ code: ClusterErrorCode.REQUEST_FAILED });
  });

  it('describes a body it cannot read by its status code', () => {
    const error = translate(context, 500, 'Internal Server Error');

    expect(error.message).toBe('b: http_500: Internal Server Error');
  });

  it('falls back to the request context for names missing from the reason', () => {
    const error = translate({ ...context, index: 'logs-3' }, 404, body('index_not_found_exception', 'gone'));

    expect(error.message).toContain('"logs-3"');
  });

  it("shows the engine's deepest reason, said once, under the top one", () => {
    const answer = {
      error: {
        root_cause: [{ type: 'repository_exception', reason: "[bad] location [/etc] doesn't match path.repo" }],
        type: 'repository_exception',
        reason: '[bad] failed to create repository',
        caused_by: {
          type: 'repository_exception',
          reason: 'wrapped',
          caused_by: { type: 'repository_exception', reason: "[bad] location [/etc] doesn't match path.repo" },
        },
      },
      status: 500,
    };

    const error = translate(context, 500, answer);

    expect(error.message).toBe(
      "b: repository_exception: [bad] failed to create repository (cause: location [/etc] doesn't match path.repo)",
    );
    expect(error.hint).toContain('path.repo');
  });

  it('names the type of a cause of another type, from root_cause when there is no caused_by', () => {
    const answer = {
      error: {
        root_cause: [{ type: 'amazon_s3_exception', reason: 'NoSuchBucket\n\tat com.amazonaws.Thing(Thing.java:1)' }],
        type: 'repository_exception',
        reason: '[s3] cannot reach the bucket',
      },
      status: 500,
    };

    const error = translate(context, 500, answer);

    expect(error.message).toBe(
      'b: repository_exception: [s3] cannot reach the bucket (cause: amazon_s3_exception: NoSuchBucket)',
    );
  });

  it('says nothing more when the root cause repeats the reason', () => {
    const error = translate(context, 400, body('illegal_argument_exception', 'unknown setting [x]'));

    expect(error.evidence).not.toHaveProperty('cause');
  });

  it('cuts a long reason and never shows a stack', () => {
    const reason = `${'x'.repeat(400)}\n\tat org.opensearch.Thing.run(Thing.java:12)`;

    const error = translate(context, 500, body('some_exception', reason));

    expect(error.message).toBe(`b: some_exception: ${'x'.repeat(299)}…`);
    expect(error.hint).toContain("the cluster's own reason");
  });

  it('shows the deepest reason of a translated error too', () => {
    const answer = {
      error: {
        type: 'concurrent_snapshot_execution_exception',
        reason: '[migration:nightly] cannot snapshot',
        caused_by: { type: 'illegal_state_exception', reason: 'a deletion is running' },
      },
    };

    const error = translate(context, 429, answer);

    expect(error.message).toContain('([migration:nightly] cannot snapshot: a deletion is running)');
  });

  it.each([
    ['cluster_block_exception', 'flood-stage'],
    ['circuit_breaking_exception', 'too busy'],
    ['action_request_validation_exception', '/es snapshot help'],
  ])('gives %s its own hint', (type, hint) => {
    expect(translate(context, 400, body(type, 'no')).hint).toContain(hint);
  });
});
