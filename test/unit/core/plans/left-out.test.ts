import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { leaveOut, leftOutReason } from '../../../../src/core/plans/left-out.js';

const rules = { hidden: ['quiet'], protectedPatterns: ['audit-*'], dotNamesAreHidden: false };

describe('leftOutReason', () => {
  it.each([
    ['.kibana_1', 'system', '.kibana*'],
    ['.opendistro-job-scheduler-lock', 'system', '.opendistro*'],
    ['.opensearch-sap-log-types-config', 'system', '.opensearch*'],
    ['.plugins-ml-config', 'system', '.plugins*'],
    ['.security-auditlog', 'system', '.security*'],
    ['.tasks', 'system', '.tasks'],
    ['.ql-datasources', 'system', '.ql-datasources'],
    ['.replication-metadata-store', 'system', '.replication-metadata-store'],
    ['audit-2026', 'protected', 'audit-*'],
    ['quiet', 'hidden', undefined],
  ])('leaves %s out as %s', (index, reason, pattern) => {
    expect(leftOutReason(index, rules)).toEqual({ index, reason, pattern });
  });

  it('takes a leading dot for hidden only where the names are all there is to go by', () => {
    expect(leftOutReason('.my-app', rules)).toBeUndefined();
    expect(leftOutReason('.my-app', { ...rules, dotNamesAreHidden: true })).toEqual({
      index: '.my-app',
      reason: 'dot-name',
      pattern: undefined,
    });
  });

  it('keeps an ordinary index', () => {
    expect(leftOutReason('logs-1', rules)).toBeUndefined();
  });
});

describe('leaveOut', () => {
  it('splits the reached indices into kept and left out, in order', () => {
    expect(leaveOut(['.tasks', 'logs-1', 'quiet', 'logs-2'], rules)).toEqual({
      kept: ['logs-1', 'logs-2'],
      leftOut: [
        { index: '.tasks', reason: 'system', pattern: '.tasks' },
        { index: 'quiet', reason: 'hidden', pattern: undefined },
      ],
    });
  });

  it('refuses when only indices to leave out were reached, naming each with its reason', () => {
    const act = () => leaveOut(['audit-1', 'quiet'], rules);

    expect(act).toThrowError(UsageError);
    expect(act).toThrowError(
      "everything indices= reaches is left out: `audit-1` — protected by the cluster's config (matches `audit-*`); `quiet` — hidden index (index.hidden: true)",
    );
  });

  it('plans nothing, without refusing, when nothing was reached', () => {
    expect(leaveOut([], rules)).toEqual({ kept: [], leftOut: [] });
  });
});
