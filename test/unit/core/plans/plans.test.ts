import { describe, expect, it } from 'vitest';
import { AutomatedRepositoryError, ProtectedIndexError, UsageError } from '../../../../src/core/errors.js';
import { planIndexDelete } from '../../../../src/core/plans/index-delete-plan.js';
import { planRepositoryRegister, repositoryDifferences } from '../../../../src/core/plans/repository-plan.js';
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
    expect(planSnapshotDelete('a', 'migration', 'old', 'uuid-old')).toEqual({
      kind: 'snapshot-delete',
      cluster: 'a',
      repository: 'migration',
      snapshot: 'old',
      snapshotUuid: 'uuid-old',
    });
  });

  it('refuses automated snapshots', () => {
    expect(() => planSnapshotDelete('a', 'cs-automated-enc', 'x', 'uuid-x')).toThrowError(AutomatedRepositoryError);
  });
});

describe('planIndexDelete', () => {
  const input = { cluster: 'b', expressions: ['old-*'], hidden: [], protectedPatterns: [] };

  it('deletes the exact indices resolved now', () => {
    expect(planIndexDelete({ ...input, resolved: resolved(['old-1', 'old-2']) })).toEqual({
      kind: 'index-delete',
      cluster: 'b',
      indices: [plannedIndex('old-1'), plannedIndex('old-2')],
      leftOut: [],
      patterns: input.expressions,
    });
  });

  it('refuses the whole request when one index is protected', () => {
    const act = () =>
      planIndexDelete({ ...input, resolved: resolved(['old-1', 'audit-1']), protectedPatterns: ['audit-*'] });

    expect(act).toThrowError(ProtectedIndexError);
    expect(act).toThrowError(expect.objectContaining({ hint: expect.stringContaining('logs-*,-logs-keep') }));
  });

  it('refuses a system index a wildcard reached, even a hidden one', () => {
    const act = () =>
      planIndexDelete({
        ...input,
        expressions: ['.opendistro*'],
        resolved: resolved(['.opendistro-job-scheduler-lock']),
        hidden: ['.opendistro-job-scheduler-lock'],
      });

    expect(act).toThrowError(ProtectedIndexError);
  });

  it('deletes a hidden index named exactly, and lists one only a wildcard reached as not deleted', () => {
    const plan = planIndexDelete({
      ...input,
      expressions: ['old-*', 'old-quiet-1'],
      resolved: resolved(['old-1', 'old-quiet-1', 'old-quiet-2']),
      hidden: ['old-quiet-1', 'old-quiet-2'],
    });

    expect(plan).toEqual({
      kind: 'index-delete',
      cluster: 'b',
      indices: [plannedIndex('old-1'), plannedIndex('old-quiet-1')],
      leftOut: [{ index: 'old-quiet-2', reason: 'hidden', pattern: undefined }],
      patterns: ['old-*', 'old-quiet-1'],
    });
  });

  it('refuses a list that reaches only hidden indices through wildcards, naming them', () => {
    const act = () => planIndexDelete({ ...input, resolved: resolved(['old-quiet']), hidden: ['old-quiet'] });

    expect(act).toThrowError('the list reaches only hidden indices on b, and wildcards skip those: "old-quiet"');
  });

  it('refuses an empty plan', () => {
    expect(() => planIndexDelete({ ...input, resolved: resolved([]) })).toThrowError('nothing to delete on b');
  });
});

describe('restoreMapping', () => {
  const contents = {
    snapshot: 'nightly',
    state: 'SUCCESS',
    indices: ['.kibana_1', 'logs-1', 'logs-2', 'orders'],
    failures: [],
  };
  const rules = { hidden: [], protectedPatterns: [], dotNamesAreHidden: true };

  it('matches patterns against the snapshot and maps each index to its target', () => {
    const { mapping } = restoreMapping(contents, ['logs-*', 'orders'], { pattern: '(.+)', replacement: 'r-$1' }, rules);

    expect([...mapping]).toEqual([
      ['logs-1', 'r-logs-1'],
      ['logs-2', 'r-logs-2'],
      ['orders', 'r-orders'],
    ]);
  });

  it('reads exclusions in order: each removes what came before it', () => {
    const { mapping } = restoreMapping(contents, ['logs-*', '-logs-2', 'orders'], undefined, rules);

    expect([...mapping.keys()]).toEqual(['logs-1', 'orders']);
  });

  it('names what the snapshot holds when a pattern matches nothing', () => {
    const act = () => restoreMapping(contents, ['metrics-*'], undefined, rules);

    expect(act).toThrowError('snapshot "nightly" has no index matching "metrics-*"');
    expect(act).toThrowError(UsageError);
  });

  it('shortens a long list of held indices', () => {
    const many = { ...contents, indices: Array.from({ length: 12 }, (_, position) => `i-${position}`) };

    expect(() => restoreMapping(many, ['x'], undefined, rules)).toThrowError(
      expect.objectContaining({ hint: expect.stringContaining(', …') }),
    );
  });

  it('leaves out the system, protected, hidden and dot-named indices a wildcard reaches, and says why', () => {
    const full = {
      ...contents,
      indices: ['.kibana_1', '.lo-hidden', '.ql-datasources', 'audit-1', 'logs-1', 'logs-quiet'],
    };
    const withRules = { hidden: ['logs-quiet'], protectedPatterns: ['audit-*'], dotNamesAreHidden: true };

    const { mapping, leftOut } = restoreMapping(full, ['.*', '*-*'], undefined, withRules);

    expect([...mapping.keys()]).toEqual(['logs-1']);
    expect(leftOut).toEqual([
      { index: '.kibana_1', reason: 'system', pattern: '.kibana*' },
      { index: '.lo-hidden', reason: 'dot-name', pattern: undefined },
      { index: '.ql-datasources', reason: 'system', pattern: '.ql-datasources' },
      { index: 'audit-1', reason: 'protected', pattern: 'audit-*' },
      { index: 'logs-quiet', reason: 'hidden', pattern: undefined },
    ]);
  });

  it('keeps a dot-named index when the names carry no sign of hiddenness', () => {
    const dotted = { ...contents, indices: ['.my-app'] };

    const { mapping } = restoreMapping(dotted, ['.my-app'], undefined, { ...rules, dotNamesAreHidden: false });

    expect([...mapping.keys()]).toEqual(['.my-app']);
  });

  it('refuses a request that reaches only indices it leaves out, with the reasons', () => {
    const act = () => restoreMapping(contents, ['.kibana*'], undefined, rules);

    expect(act).toThrowError(UsageError);
    expect(act).toThrowError(
      'everything indices= reaches is left out: `.kibana_1` — system index (matches `.kibana*`): the managed service refuses to restore it',
    );
  });

  describe('of a PARTIAL snapshot', () => {
    const partial = {
      ...contents,
      state: 'PARTIAL',
      failures: [
        { index: 'logs-2', shardId: 1, reason: 'primary shard is not allocated' },
        { index: 'logs-2', shardId: 0, reason: undefined },
        { index: 'gone', shardId: 0, reason: 'aborted' },
      ],
    };

    it('restores the indices it holds whole', () => {
      expect([...restoreMapping(partial, ['logs-1', 'orders'], undefined, rules).mapping.keys()]).toEqual([
        'logs-1',
        'orders',
      ]);
    });

    it('refuses an index with failed shards before approval, naming each shard and the engine’s reason', () => {
      const act = () => restoreMapping(partial, ['logs-*'], undefined, rules);

      expect(act).toThrowError(UsageError);
      expect(act).toThrowError(
        'snapshot "nightly" is PARTIAL and does not hold all of logs-2 (logs-2[1]: primary shard is not allocated; ' +
          'logs-2[0]: no reason given): the cluster would refuse to restore them',
      );
      expect(act).toThrowError(expect.objectContaining({ hint: expect.stringContaining('Narrow indices=') }));
    });
  });

  it.each(['IN_PROGRESS', 'FAILED', 'INCOMPATIBLE'])('refuses a snapshot that is %s', (state) => {
    expect(() => restoreMapping({ ...contents, state }, ['logs-1'], undefined, rules)).toThrowError(
      'only SUCCESS or PARTIAL snapshots restore',
    );
  });
});

describe('planRestore', () => {
  const base = {
    cluster: 'b',
    repository: 'migration',
    snapshot: 'nightly',
    selection: { mapping: new Map([['logs-1', 'logs-1']]), leftOut: [] },
    snapshotUuid: 'uuid-nightly',
    patterns: ['logs-1'],
    rename: undefined,
    replace: false,
    existingTargets: [],
    protectedPatterns: [],
    snapshotSizes: [],
  };

  it('restores when no target exists', () => {
    expect(planRestore(base)).toMatchObject({ restores: [{ index: 'logs-1', target: 'logs-1' }], deletions: [] });
  });

  it('carries what the selection left out', () => {
    const leftOut = [{ index: '.tasks', reason: 'system' as const, pattern: '.tasks' }];

    expect(planRestore({ ...base, selection: { ...base.selection, leftOut } })).toMatchObject({ leftOut });
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

  it('records what the snapshot holds of each restored index, and only of those', () => {
    const snapshotSizes = [
      { index: 'logs-1', bytes: 208 },
      { index: 'logs-2', bytes: 4096 },
    ];

    expect(planRestore({ ...base, snapshotSizes })).toMatchObject({ snapshotSizes: [{ index: 'logs-1', bytes: 208 }] });
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
    expect(() => planRepositoryRegister('a', 'other', options, undefined, 'es')).toThrowError(message);
  });

  it("gives a new name the s3 default repository's settings and its own base path", () => {
    const withBase = { ...fallback, settings: { ...fallback.settings, base_path: 'snapshots/' } };

    expect(planRepositoryRegister('a', 'archive', {}, withBase, 'es').repository).toEqual({
      name: 'archive',
      type: 's3',
      settings: { ...fallback.settings, base_path: 'snapshots/archive' },
    });
    expect(planRepositoryRegister('a', 'archive', {}, fallback, 'es').repository.settings).toMatchObject({
      base_path: 'archive',
    });
  });

  it("gives a new name the fs default repository's settings and its own folder inside it", () => {
    const fs = { name: 'migration', type: 'fs' as const, settings: { location: '/repo/migration', compress: true } };

    expect(planRepositoryRegister('a', 'archive', { readonly: true }, fs, 'none').repository).toEqual({
      name: 'archive',
      type: 'fs',
      settings: { location: '/repo/migration/archive', compress: true, readonly: true },
    });
  });

  it("keeps the place the command gives, with the rest of the default's settings", () => {
    expect(planRepositoryRegister('a', 'other', { bucket: 'elsewhere' }, fallback, 'es').repository).toEqual({
      name: 'other',
      type: 's3',
      settings: { ...fallback.settings, bucket: 'elsewhere' },
    });
    const fs = { name: 'migration', type: 'fs' as const, settings: { location: '/repo/migration' } };
    expect(planRepositoryRegister('a', 'indices', { location: '/repo/x' }, fs, 'none').repository.settings).toEqual({
      location: '/repo/x',
    });
  });

  it('takes nothing from a default repository of another type', () => {
    expect(planRepositoryRegister('a', 'local', { location: '/snapshots' }, fallback, 'es').repository).toEqual({
      name: 'local',
      type: 'fs',
      settings: { location: '/snapshots' },
    });
  });

  it.each(['indices', 'index-0', 'index.latest', 'snap-x', 'meta-x', 'tests-abc', 'incompatible-snapshots'])(
    'refuses to place a repository named %s inside the default one',
    (name) => {
      expect(() => planRepositoryRegister('a', name, {}, fallback, 'es')).toThrowError('cannot get its own place');
    },
  );

  it('registers an s3 repository without role_arn on a self-managed cluster', () => {
    expect(planRepositoryRegister('a', 'other', { bucket: 'b' }, undefined, 'none')).toMatchObject({
      repository: { type: 's3', settings: { bucket: 'b' } },
    });
  });

  it('refuses a cs- name', () => {
    expect(() => planRepositoryRegister('a', 'cs-mine', { bucket: 'b' }, undefined, 'none')).toThrowError('reserved');
  });
});

describe('repositoryDifferences', () => {
  const planned = {
    name: 'r',
    type: 's3' as const,
    settings: { bucket: 'b', region: 'eu-west-1', readonly: true, server_side_encryption: true },
  };

  it('finds none where the cluster answers the same settings as strings', () => {
    const registered = {
      name: 'r',
      type: 's3',
      settings: { bucket: 'b', region: 'eu-west-1', readonly: 'true', server_side_encryption: 'true' },
    };

    expect(repositoryDifferences(registered, planned)).toEqual([]);
  });

  it('names the type first, then each setting that differs or is set on one side only', () => {
    const registered = { name: 'r', type: 'fs', settings: { location: '/x', bucket: 'c', region: 'eu-west-1' } };

    expect(repositoryDifferences(registered, planned, ['readonly'])).toEqual([
      { setting: 'type', registered: 'fs', planned: 's3' },
      { setting: 'location', registered: '/x', planned: undefined },
      { setting: 'bucket', registered: 'c', planned: 'b' },
      { setting: 'server_side_encryption', registered: undefined, planned: 'true' },
    ]);
  });

  it('reads a setting named like an object member as a setting', () => {
    const registered = { name: 'r', type: 's3', settings: { ...planned.settings, constructor: 'x' } };

    expect(repositoryDifferences(registered, planned)).toEqual([
      { setting: 'constructor', registered: 'x', planned: undefined },
    ]);
  });
});
