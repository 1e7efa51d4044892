import { describe, expect, it } from 'vitest';
import { ProtectedIndexError } from '../../../../src/core/errors.js';
import { migrateTargets, planMigrate } from '../../../../src/core/plans/migrate-plan.js';
import { NOW, plannedIndex } from '../../../fixtures/plans.js';

const repository = { name: 'migration', type: 'fs' as const, settings: { location: '/snapshots/migration' } };

const input = {
  from: 'a',
  to: 'b',
  repository,
  patterns: ['logs-*'],
  resolved: { indices: [plannedIndex('logs-1'), plannedIndex('logs-2')], unmatched: [] },
  leftOutRules: { hidden: [], protectedPatterns: [], dotNamesAreHidden: false },
  rename: undefined,
  replace: false,
  existingTargets: [],
  protectedPatterns: [],
  jobId: 'ab12cd34',
  now: NOW,
};

describe('planMigrate', () => {
  it('plans the whole runbook under a generated snapshot name', () => {
    expect(planMigrate(input)).toEqual({
      kind: 'migrate',
      from: 'a',
      to: 'b',
      repository,
      snapshot: 'a-to-b-2026.11.24-0900-ab12cd',
      indices: [plannedIndex('logs-1'), plannedIndex('logs-2')],
      restores: [
        { index: 'logs-1', target: 'logs-1' },
        { index: 'logs-2', target: 'logs-2' },
      ],
      rename: undefined,
      deletions: [],
      leftOut: [],
      replace: false,
      patterns: ['logs-*'],
    });
  });

  it('leaves system, protected and hidden indices on the source, and says why', () => {
    const resolved = {
      indices: ['.opendistro-job-scheduler-lock', 'audit-1', 'logs-1', 'logs-hidden'].map((name) => plannedIndex(name)),
      unmatched: [],
    };
    const leftOutRules = { hidden: ['logs-hidden'], protectedPatterns: ['audit-*'], dotNamesAreHidden: false };

    const plan = planMigrate({ ...input, resolved, leftOutRules });

    expect(plan).toMatchObject({
      indices: [plannedIndex('logs-1')],
      restores: [{ index: 'logs-1', target: 'logs-1' }],
      leftOut: [
        { index: '.opendistro-job-scheduler-lock', reason: 'system', pattern: '.opendistro*' },
        { index: 'audit-1', reason: 'protected', pattern: 'audit-*' },
        { index: 'logs-hidden', reason: 'hidden', pattern: undefined },
      ],
    });
  });

  it('refuses a request that reaches only indices it leaves out, naming each with its reason', () => {
    const resolved = { indices: [plannedIndex('.kibana_1')], unmatched: [] };

    expect(() => planMigrate({ ...input, resolved })).toThrowError(
      'everything indices= reaches is left out: `.kibana_1` — system index (matches `.kibana*`)',
    );
  });

  it('lists every target index it will delete with replace', () => {
    expect(planMigrate({ ...input, replace: true, existingTargets: [plannedIndex('logs-1')] })).toMatchObject({
      deletions: [plannedIndex('logs-1')],
    });
  });

  it('refuses existing targets without replace or rename', () => {
    expect(() => planMigrate({ ...input, existingTargets: [plannedIndex('logs-1')] })).toThrowError(
      '"logs-1" already exists on b',
    );
  });

  it('refuses to replace a protected index', () => {
    const act = () =>
      planMigrate({
        ...input,
        replace: true,
        existingTargets: [plannedIndex('audit-1')],
        protectedPatterns: ['audit-*'],
      });

    expect(act).toThrowError(ProtectedIndexError);
  });

  it('refuses one cluster on both sides and an empty selection', () => {
    expect(() => planMigrate({ ...input, to: 'a' })).toThrowError('migrate needs two different clusters');
    expect(() => planMigrate({ ...input, resolved: { indices: [], unmatched: [] } })).toThrowError(
      'nothing to migrate from a',
    );
  });

  it('names the renamed targets before asking the target which exist', () => {
    const resolved = { indices: [...input.resolved.indices, plannedIndex('.tasks')], unmatched: [] };

    const targets = migrateTargets(resolved, 'a', { pattern: '(.+)', replacement: 'moved-$1' }, input.leftOutRules);

    expect([...targets.values()]).toEqual(['moved-logs-1', 'moved-logs-2']);
  });
});
