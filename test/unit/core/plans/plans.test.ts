import { describe, expect, it } from 'vitest';
import { AutomatedRepositoryError, ProtectedIndexError, UsageError } from '../../../../src/core/errors.js';
import { planIndexDelete } from '../../../../src/core/plans/index-delete-plan.js';
import { planRepositoryRegister } from '../../../../src/core/plans/repository-plan.js';
import { planRestore, restoreMapping } from '../../../../src/core/plans/restore-plan.js';
import {
  generatedSnapshotName,
  planSnapshotCreate,
  planSnapshotDelete,
} from '../../../../src/core/plans/snapshot-plans.js';
import { NOW, plannedIndex } from '../../../fixtures/plans.js';

const resolved = (names: string[], unmatched: string[] = []) => ({
  indices: names.map((name) => plannedIndex(name)),
  unmatched,
});

describe('planSnapshotCreate', () => {
  const input = {
    cluster: 'a',
    repository: undefined,
    snapshot: undefined,
    includeGlobalState: false,
    partial: false,
    defaultRepository: { name: 'migration', type: 'fs' as const, settings: { location: '/snapshots/migration' } },
    resolved: resolved(['logs-1', 'logs-2']),
    jobId: 'ab12cd34',
    now: NOW,
  };

  it('snapshots the resolved indices into the default repository under a generated name', () => {
    expect(planSnapshotCreate(input)).toEqual({
      kind: 'snapshot-create',
      cluster: 'a',
      repository: 'migration',
      snapshot: 'a-2026.11.24-0900-ab12cd',
      indices: [plannedIndex('logs-1'), plannedIndex('logs-2')],
      includeGlobalState: false,
      partial: false,
      registerFirst: { name: 'migration', type: 'fs', settings: { location: '/snapshots/migration' } },
    });
  });

  it('registers nothing first when the snapshot goes to another repository', () => {
    expect(planSnapshotCreate({ ...input, repository: 'other' })).toMatchObject({
      repository: 'other',
      registerFirst: undefined,
    });
  });

  it('takes every index when none are named', () => {
    expect(planSnapshotCreate({ ...input, resolved: undefined, snapshot: 'all' })).toMatchObject({
      indices: [],
      snapshot: 'all',
    });
  });

  it('refuses a pattern that reaches nothing', () => {
    expect(() => planSnapshotCreate({ ...input, resolved: resolved(['logs-1'], ['orders-*']) })).toThrowError(
      'no index on a matches "orders-*"',
    );
  });

  it('needs a repository when the cluster has no default', () => {
    expect(() => planSnapshotCreate({ ...input, defaultRepository: undefined })).toThrowError(
      'no repository given, and cluster a has no default_repository',
    );
  });

  it('refuses the automated snapshot repository', () => {
    expect(() => planSnapshotCreate({ ...input, repository: 'cs-automated' })).toThrowError(AutomatedRepositoryError);
  });

  it('generates lowercase, sortable names', () => {
    expect(generatedSnapshotName('Prod', 'XYZ98765', new Date('2026-01-02T03:04:59Z'))).toBe(
      'prod-2026.01.02-0304-xyz987',
    );
  });
});

describe('planSnapshotDelete', () => {
  it('deletes one snapshot', () => {
    expect(planSnapshotDelete('a', 'migration', 'old')).toEqual({
      kind: 'snapshot-delete',
      cluster: 'a',
      repository: 'migration',
      snapshot: 'old',
    });
  });

  it('refuses automated snapshots', () => {
    expect(() => planSnapshotDelete('a', 'cs-automated-enc', 'x')).toThrowError(AutomatedRepositoryError);
  });
});

describe('planIndexDelete', () => {
  it('deletes the exact indices resolved now', () => {
    expect(planIndexDelete('b', resolved(['old-1', 'old-2']), [])).toEqual({
      kind: 'index-delete',
      cluster: 'b',
      indices: [plannedIndex('old-1'), plannedIndex('old-2')],
    });
  });

  it('refuses the whole request when one index is protected', () => {
    expect(() => planIndexDelete('b', resolved(['old-1', 'audit-1']), ['audit-*'])).toThrowError(ProtectedIndexError);
  });

  it('refuses an empty plan', () => {
    expect(() => planIndexDelete('b', resolved([]), [])).toThrowError('nothing to delete on b');
  });
});

describe('restoreMapping', () => {
  const contents = { snapshot: 'nightly', state: 'SUCCESS', indices: ['.kibana_1', 'logs-1', 'logs-2', 'orders'] };

  it('matches patterns against the snapshot and maps each index to its target', () => {
    const mapping = restoreMapping(contents, ['logs-*', 'orders'], { pattern: '(.+)', replacement: 'r-$1' }, []);

    expect([...mapping]).toEqual([
      ['logs-1', 'r-logs-1'],
      ['logs-2', 'r-logs-2'],
      ['orders', 'r-orders'],
    ]);
  });

  it('names what the snapshot holds when a pattern matches nothing', () => {
    const act = () => restoreMapping(contents, ['metrics-*'], undefined, []);

    expect(act).toThrowError('snapshot "nightly" has no index matching "metrics-*"');
    expect(act).toThrowError(UsageError);
  });

  it('shortens a long list of held indices', () => {
    const many = { ...contents, indices: Array.from({ length: 12 }, (_, position) => `i-${position}`) };

    expect(() => restoreMapping(many, ['x'], undefined, [])).toThrowError(
      expect.objectContaining({ hint: expect.stringContaining(', …') }),
    );
  });

  it('never restores system indices', () => {
    expect(() => restoreMapping(contents, ['.kibana*'], undefined, [])).toThrowError('is a system index');
  });

  it.each(['IN_PROGRESS', 'FAILED', 'INCOMPATIBLE'])('refuses a snapshot that is %s', (state) => {
    expect(() => restoreMapping({ ...contents, state }, ['logs-1'], undefined, [])).toThrowError(
      'only SUCCESS or PARTIAL snapshots restore',
    );
  });
});

describe('planRestore', () => {
  const base = {
    cluster: 'b',
    repository: 'migration',
    snapshot: 'nightly',
    mapping: new Map([['logs-1', 'logs-1']]),
    rename: undefined,
    replace: false,
    existingTargets: [],
    protectedPatterns: [],
  };

  it('restores when no target exists', () => {
    expect(planRestore(base)).toMatchObject({ restores: [{ index: 'logs-1', target: 'logs-1' }], deletions: [] });
  });

  it('refuses existing targets without replace, suggesting replace or rename', () => {
    const act = () => planRestore({ ...base, existingTargets: [plannedIndex('logs-1')] });

    expect(act).toThrowError('"logs-1" already exists on b');
    expect(act).toThrowError(expect.objectContaining({ hint: expect.stringContaining('`replace`') }));
  });

  it('says "exist" for several', () => {
    expect(() => planRestore({ ...base, existingTargets: [plannedIndex('a'), plannedIndex('b')] })).toThrowError(
      '"a", "b" already exist on b',
    );
  });

  it('plans to delete the existing targets first with replace', () => {
    const plan = planRestore({ ...base, replace: true, existingTargets: [plannedIndex('logs-1')] });

    expect(plan).toMatchObject({ deletions: [plannedIndex('logs-1')] });
  });

  it('never replaces a protected index', () => {
    const act = () =>
      planRestore({
        ...base,
        replace: true,
        existingTargets: [plannedIndex('audit-1')],
        protectedPatterns: ['audit-*'],
      });

    expect(act).toThrowError(ProtectedIndexError);
  });
});

describe('planRepositoryRegister', () => {
  const fallback = {
    name: 'migration',
    type: 's3' as const,
    settings: { bucket: 'snaps', region: 'ap-northeast-1', role_arn: 'arn:aws:iam::123456789012:role/Snap' },
  };

  it('registers what the cluster config says when the names match', () => {
    expect(planRepositoryRegister('b', 'migration', { readonly: true }, fallback, 'es')).toEqual({
      kind: 'repo-register',
      cluster: 'b',
      repository: { name: 'migration', type: 's3', settings: { ...fallback.settings, readonly: true } },
    });
  });

  it('registers an fs repository from its location', () => {
    expect(planRepositoryRegister('a', 'local', { location: '/snapshots' }, fallback, 'none')).toMatchObject({
      repository: { name: 'local', type: 'fs', settings: { location: '/snapshots' } },
    });
  });

  it.each([
    ['an fs repository without location', { type: 'fs' as const }, 'needs location='],
    ['an s3 repository without bucket', { region: 'x' }, 'needs bucket='],
    ['an s3 repository without role_arn on the managed service', { bucket: 'b' }, 'needs role_arn='],
  ])('refuses %s', (_case, options, message) => {
    expect(() => planRepositoryRegister('a', 'other', options, fallback, 'es')).toThrowError(message);
  });

  it('registers an s3 repository without role_arn on a self-managed cluster', () => {
    expect(planRepositoryRegister('a', 'other', { bucket: 'b' }, undefined, 'none')).toMatchObject({
      repository: { type: 's3', settings: { bucket: 'b' } },
    });
  });

  it('refuses a cs- name', () => {
    expect(() => planRepositoryRegister('a', 'cs-mine', { bucket: 'b' }, undefined, 'none')).toThrowError('reserved');
  });
});
