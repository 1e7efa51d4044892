import { describe, expect, it } from 'vitest';
import { ProtectedIndexError } from '../../../../src/core/errors.js';
import { migrateTargets, planMigrate } from '../../../../src/core/plans/migrate-plan.js';
import { NOW, plannedIndex } from '../../../fixtures/plans.js';

const repository = { name: 'migration', type: 'fs' as const, settings: { location: '/snapshots/migration' } };

const input = {
  from: 'a',
  to: 'b',
  repository,
  resolved: { indices: [plannedIndex('logs-1'), plannedIndex('logs-2')], unmatched: [] },
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
    });
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
    const targets = migrateTargets(input.resolved, 'a', { pattern: '(.+)', replacement: 'moved-$1' }, []);

    expect([...targets.values()]).toEqual(['moved-logs-1', 'moved-logs-2']);
  });
});
