import { describe, expect, it } from 'vitest';
import { ClusterError, ClusterErrorCode, isClusterError } from '../../../src/core/cluster-errors.js';
import { BotError, UsageError } from '../../../src/core/errors.js';
import { catalogFor } from '../../../src/core/words/catalog.js';

describe('ClusterError', () => {
  it('carries its code, the cluster, its evidence and the status every engine gives it', () => {
    // Act
    const error = new ClusterError(ClusterErrorCode.SNAPSHOT_MISSING, { cluster: 'a', repository: 'r', snapshot: 's' });

    // Assess
    expect(error).toBeInstanceOf(BotError);
    expect(error).toMatchObject({
      name: 'ClusterError',
      code: 'snapshot_missing',
      cluster: 'a',
      statusCode: 404,
      evidence: { repository: 'r', snapshot: 's' },
    });
    expect(error.message).toBe('a: snapshot "s" does not exist in repository "r"');
  });

  it('says which indices a refused snapshot could not copy, and what to do', () => {
    const error = new ClusterError(ClusterErrorCode.SNAPSHOT_PRIMARIES_MISSING, {
      cluster: 'a',
      indices: 'orders',
      reason: "Indices don't have primary shards [orders]",
    });

    expect(error.statusCode).toBe(500);
    expect(error.message).toBe(
      "a: the snapshot cannot start: orders have no active primary shard (Indices don't have primary shards [orders])",
    );
    expect(error.saidIn(catalogFor('en')).hint).toContain('narrow indices=');
  });

  it('keeps the status the cluster answered with over the usual one', () => {
    const error = new ClusterError(ClusterErrorCode.CONCURRENT_SNAPSHOT, {
      cluster: 'a',
      reason: 'busy',
      statusCode: 429,
    });

    expect(error.statusCode).toBe(429);
  });

  it.each([
    [{ kind: 'http-action' as const, action: 'es:ESHttpPut' }, 'es:ESHttpPut'],
    [{ kind: 'pass-role' as const }, 'iam:PassRole'],
    [{ kind: 'role-mapping' as const }, 'manage_snapshots'],
  ])('names what a refused request lacked (%j)', (needs, named) => {
    const error = new ClusterError(ClusterErrorCode.ACCESS_DENIED, { cluster: 'a', reason: 'denied', needs });

    expect(error.message).toBe('a: access denied: denied');
    expect(error.hint).toContain(named);
    expect(error.saidIn(catalogFor('ja')).hint).toContain(named);
  });

  it('says itself in the reader’s language', () => {
    const error = new ClusterError(ClusterErrorCode.INDEX_NOT_FOUND, { cluster: 'b', index: 'logs-9' });

    expect(error.saidIn(catalogFor('ja')).text).toBe('b: インデックス "logs-9" はありません');
  });
});

describe('isClusterError', () => {
  const unreachable = new ClusterError(ClusterErrorCode.UNREACHABLE, { cluster: 'a', reason: 'ECONNREFUSED' });

  it.each([
    [unreachable, undefined, true],
    [unreachable, ClusterErrorCode.UNREACHABLE, true],
    [unreachable, ClusterErrorCode.SNAPSHOT_MISSING, false],
    [new UsageError((words) => words.jobNotFound('no')), undefined, false],
    [new Error('plain'), ClusterErrorCode.UNREACHABLE, false],
  ])('tells %s apart by code %s: %s', (error, code, expected) => {
    expect(isClusterError(error, code)).toBe(expected);
  });
});
