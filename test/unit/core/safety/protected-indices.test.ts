import { describe, expect, it } from 'vitest';
import { ProtectedIndexError } from '../../../../src/core/errors.js';
import {
  assertDeletable,
  matchesWildcard,
  protectedPatternFor,
} from '../../../../src/core/safety/protected-indices.js';

describe('protectedPatternFor', () => {
  it.each([
    ['.kibana_1', '.kibana*'],
    ['.opendistro-job-scheduler-lock', '.opendistro*'],
    ['.plugins-ml-config', '.plugins*'],
    ['.opensearch-observability', '.opensearch*'],
    ['.security-7', '.security*'],
    ['.tasks', '.tasks'],
    ['.ql-datasources', '.ql-datasources'],
    ['.replication-metadata-store', '.replication-metadata-store'],
  ])('protects %s through %s', (index, pattern) => {
    expect(protectedPatternFor(index, [])).toBe(pattern);
  });

  it('protects indices matching configured patterns', () => {
    expect(protectedPatternFor('audit-2026', ['audit-*'])).toBe('audit-*');
  });

  it.each(['logs-1', '.tasks-archive', 'kibana'])('leaves %s deletable', (index) => {
    expect(protectedPatternFor(index, ['audit-*'])).toBeUndefined();
  });
});

describe('assertDeletable', () => {
  it('passes a list of ordinary indices', () => {
    expect(() => assertDeletable(['logs-1', 'logs-2'], [])).not.toThrow();
  });

  it('names the first protected index and the pattern it matches', () => {
    const act = () => assertDeletable(['logs-1', '.kibana_2'], []);
    expect(act).toThrowError(ProtectedIndexError);
    expect(act).toThrowError('index ".kibana_2" is protected (matches ".kibana*")');
  });
});

describe('matchesWildcard', () => {
  it.each([
    ['logs-*', 'logs-2026', true],
    ['logs-*', 'logs', false],
    ['logs.2026', 'logsX2026', false],
    ['*-eu', 'orders-eu', true],
    ['a+b', 'a+b', true],
  ])('%s against %s is %s', (pattern, name, expected) => {
    expect(matchesWildcard(pattern, name)).toBe(expected);
  });
});
