import { describe, expect, it } from 'vitest';
import { type JobPlan, StepName } from '../../../../src/core/jobs/job.js';
import {
  type ClusterNow,
  checkScope,
  planChanges,
  refreshedPlan,
  targetsNotYetRecovering,
} from '../../../../src/core/plans/plan-check.js';
import { PLANS, plannedIndex } from '../../../fixtures/plans.js';

/** An index as the cluster holds it now; by default exactly as the fixtures plan it. */
function indexNow(index: string, docsCount = 1200, uuid = `uuid-${index}`) {
  return { index, uuid, docsCount, storeBytes: 3_400_000 };
}

function clusterNow(indices: ClusterNow['indices'], snapshot?: ClusterNow['snapshot']): ClusterNow {
  return { indices, snapshot };
}

const SNAPSHOT_AS_PLANNED = { found: true as const, uuid: 'uuid-nightly' };

describe('checkScope', () => {
  it.each<[string, JobPlan, StepName, ReturnType<typeof checkScope>]>([
    [
      'a snapshot deletion reads its snapshot',
      PLANS.snapshotDelete(),
      StepName.DELETE_SNAPSHOT,
      { indices: [], snapshot: { repository: 'migration', snapshot: 'nightly' } },
    ],
    [
      'an index deletion reads what its patterns reach',
      PLANS.indexDelete(),
      StepName.DELETE_INDICES,
      { indices: ['old-*'], snapshot: undefined },
    ],
    [
      'an index deletion planned before patterns were kept reads its names',
      { ...PLANS.indexDelete(), patterns: undefined },
      StepName.DELETE_INDICES,
      { indices: ['old-1', 'old-2'], snapshot: undefined },
    ],
    [
      'a restore reads its targets and its snapshot',
      PLANS.restore(),
      StepName.DELETE_INDICES,
      { indices: ['logs-1', 'logs-2'], snapshot: { repository: 'migration', snapshot: 'nightly' } },
    ],
    [
      'a migration reads its targets (its snapshot is its own)',
      PLANS.migrate(),
      StepName.START_RESTORE,
      { indices: ['moved-logs-1', 'moved-logs-2'], snapshot: undefined },
    ],
    ['a step that changes nothing reads nothing', PLANS.restore(), StepName.AWAIT_RESTORE, undefined],
    ['a snapshot reads nothing', PLANS.snapshotCreate(), StepName.START_SNAPSHOT, undefined],
  ])('%s', (_case, plan, step, expected) => {
    expect(checkScope(plan, step)).toEqual(expected);
  });
});

describe('planChanges of an index deletion', () => {
  const plan = PLANS.indexDelete();
  const asPlanned = [indexNow('old-1'), indexNow('old-2')];
  const changes = (indices: ClusterNow['indices'], resumed = false, approved: JobPlan = plan) =>
    planChanges(approved, StepName.DELETE_INDICES, clusterNow(indices), resumed);

  it('finds nothing when the indices are as approved', () => {
    expect(changes(asPlanned)).toEqual([]);
  });

  it('lets fewer documents than approved through: less is lost than was accepted', () => {
    expect(changes([indexNow('old-1', 3), indexNow('old-2', 0)])).toEqual([]);
  });

  it('stops for more documents than approved', () => {
    expect(changes([indexNow('old-1', 999_999), indexNow('old-2')])).toEqual([
      { kind: 'index-grew', index: 'old-1', approvedDocs: 1200, docs: 999_999 },
    ]);
  });

  it('stops for an index deleted and created again under its name', () => {
    expect(changes([indexNow('old-1', 1200, 'new-uuid'), indexNow('old-2')])).toEqual([
      { kind: 'index-replaced', index: 'old-1', approvedUuid: 'uuid-old-1', uuid: 'new-uuid' },
    ]);
  });

  it('cannot tell a recreated index in a plan made before UUIDs were kept, but still counts its documents', () => {
    const legacy = { ...plan, indices: [{ ...plannedIndex('old-1'), uuid: undefined }] };

    expect(changes([indexNow('old-1', 1200, 'new-uuid')], false, legacy)).toEqual([]);
    expect(changes([indexNow('old-1', 1201, 'new-uuid')], false, legacy)).toHaveLength(1);
  });

  it('stops for an index that is gone, and for one the patterns reach since', () => {
    expect(changes([indexNow('old-2'), indexNow('old-3', 7)])).toEqual([
      { kind: 'index-gone', index: 'old-1', approvedDocs: 1200 },
      { kind: 'index-added', index: 'old-3', docs: 7 },
    ]);
  });

  it('lets a resumed deletion find its own work done, but not another index under an approved name', () => {
    expect(changes([indexNow('old-3', 7)], true)).toEqual([]);
    expect(changes([indexNow('old-2', 1200, 'new-uuid')], true)).toEqual([
      { kind: 'index-replaced', index: 'old-2', approvedUuid: 'uuid-old-2', uuid: 'new-uuid' },
    ]);
  });

  it('ignores a snapshot: an index deletion has none', () => {
    expect(planChanges(plan, StepName.DELETE_INDICES, clusterNow(asPlanned, { found: false }), false)).toEqual([]);
  });

  it('finds nothing for a step that is not its deletion', () => {
    expect(planChanges(plan, StepName.START_RESTORE, clusterNow([]), false)).toEqual([]);
  });
});

describe('planChanges of a restore', () => {
  // logs-1 is deleted first (replace); logs-2 is a free target.
  const plan = PLANS.restore();

  it('finds nothing before the deletions when the target to delete is as approved and the other free', () => {
    expect(
      planChanges(plan, StepName.DELETE_INDICES, clusterNow([indexNow('logs-1')], SNAPSHOT_AS_PLANNED), false),
    ).toEqual([]);
  });

  it('stops before the deletions for a free target that now exists, or a target to delete that grew', () => {
    const now = clusterNow([indexNow('logs-1', 1300), indexNow('logs-2', 4)], SNAPSHOT_AS_PLANNED);

    expect(planChanges(plan, StepName.DELETE_INDICES, now, false)).toEqual([
      { kind: 'index-grew', index: 'logs-1', approvedDocs: 1200, docs: 1300 },
      { kind: 'target-taken', index: 'logs-2', docs: 4 },
    ]);
  });

  it('stops before the restore for a deleted target that came back (a writer created it again)', () => {
    const now = clusterNow([indexNow('logs-1', 2, 'auto-created')], SNAPSHOT_AS_PLANNED);

    expect(planChanges(plan, StepName.START_RESTORE, now, false)).toEqual([
      { kind: 'target-taken', index: 'logs-1', docs: 2 },
    ]);
    expect(planChanges(plan, StepName.START_RESTORE, clusterNow([], SNAPSHOT_AS_PLANNED), false)).toEqual([]);
  });

  it('takes the targets of a resumed restore that came from its own snapshot for its own work, and no others', () => {
    const recovered = (index: string, snapshot: string, types = ['SNAPSHOT']) => ({
      index,
      shardsDone: 1,
      shardsTotal: 1,
      bytesDone: 10,
      bytesTotal: 10,
      source: { repository: 'migration', snapshot },
      types,
      totalsKnown: true,
    });
    const now = {
      ...clusterNow([indexNow('logs-1', 1200), indexNow('logs-2', 7)], SNAPSHOT_AS_PLANNED),
      recoveries: [recovered('logs-1', 'nightly'), recovered('logs-2', 'another')],
    };

    expect(planChanges(plan, StepName.START_RESTORE, now, true)).toEqual([
      { kind: 'target-taken', index: 'logs-2', docs: 7 },
    ]);
    expect(planChanges(plan, StepName.START_RESTORE, now, false)).toEqual([
      { kind: 'target-taken', index: 'logs-1', docs: 1200 },
      { kind: 'target-taken', index: 'logs-2', docs: 7 },
    ]);
    expect(planChanges(plan, StepName.START_RESTORE, { ...now, recoveries: undefined }, true)).toHaveLength(2);
  });

  it('waits on a resumed restore target that exists but shows no recovery yet: whose it is is not known', () => {
    const recovering = {
      index: 'logs-1',
      shardsDone: 0,
      shardsTotal: 1,
      bytesDone: 0,
      bytesTotal: 0,
      source: { repository: 'migration', snapshot: 'nightly' },
      types: ['SNAPSHOT'],
      totalsKnown: false,
    };
    const now = {
      ...clusterNow([indexNow('logs-1', 0), indexNow('logs-2', 0)], SNAPSHOT_AS_PLANNED),
      recoveries: [recovering],
    };

    expect(targetsNotYetRecovering(plan, StepName.START_RESTORE, now)).toEqual(['logs-2']);
    expect(targetsNotYetRecovering(plan, StepName.START_RESTORE, { ...now, recoveries: undefined })).toEqual([]);
    expect(targetsNotYetRecovering(plan, StepName.DELETE_INDICES, now)).toEqual([]);
    expect(targetsNotYetRecovering(PLANS.indexDelete(), StepName.START_RESTORE, now)).toEqual([]);
  });

  it('stops for a snapshot that is gone or was taken again', () => {
    expect(planChanges(plan, StepName.START_RESTORE, clusterNow([], { found: false }), false)).toEqual([
      { kind: 'snapshot-gone', snapshot: 'nightly' },
    ]);
    expect(planChanges(plan, StepName.START_RESTORE, clusterNow([], { found: true, uuid: 'again' }), false)).toEqual([
      { kind: 'snapshot-replaced', snapshot: 'nightly', approvedUuid: 'uuid-nightly', uuid: 'again' },
    ]);
  });

  it('cannot tell a snapshot taken again in a plan made before snapshot UUIDs were kept', () => {
    const legacy = { ...plan, snapshotUuid: undefined };

    expect(planChanges(legacy, StepName.START_RESTORE, clusterNow([], { found: true, uuid: 'again' }), false)).toEqual(
      [],
    );
  });

  it('does not compare the snapshot of a migration, which the job took itself', () => {
    const now = clusterNow([indexNow('moved-logs-1', 3)], { found: true, uuid: 'any' });

    expect(planChanges(PLANS.migrate(), StepName.START_RESTORE, now, false)).toEqual([
      { kind: 'target-taken', index: 'moved-logs-1', docs: 3 },
    ]);
  });

  it('finds nothing for a step that only waits', () => {
    expect(planChanges(plan, StepName.AWAIT_RESTORE, clusterNow([indexNow('logs-2')]), false)).toEqual([]);
  });
});

describe('planChanges of a snapshot deletion', () => {
  const plan = PLANS.snapshotDelete();

  it('lets a snapshot already gone through: nothing is left to delete', () => {
    expect(planChanges(plan, StepName.DELETE_SNAPSHOT, clusterNow([], { found: false }), false)).toEqual([]);
  });

  it('stops for a snapshot taken again under its name', () => {
    expect(planChanges(plan, StepName.DELETE_SNAPSHOT, clusterNow([], { found: true, uuid: 'again' }), false)).toEqual([
      { kind: 'snapshot-replaced', snapshot: 'nightly', approvedUuid: 'uuid-nightly', uuid: 'again' },
    ]);
  });
});

describe('refreshedPlan', () => {
  it('plans an index deletion on what its patterns reach now', () => {
    const now = clusterNow([indexNow('old-1', 999_999, 'u1'), indexNow('old-3', 7)]);

    expect(refreshedPlan(PLANS.indexDelete(), now, [])).toEqual({
      kind: 'index-delete',
      leftOut: [],
      cluster: 'b',
      indices: [plannedIndex('old-1', 999_999, 3_400_000, 'u1'), plannedIndex('old-3', 7)],
      patterns: ['old-*'],
    });
  });

  it('keeps a hidden index the approved plan left out of an index deletion out of the new plan', () => {
    const approved = {
      ...PLANS.indexDelete(),
      leftOut: [{ index: 'old-quiet', reason: 'hidden' as const, pattern: undefined }],
    };
    const now = clusterNow([indexNow('old-1'), indexNow('old-quiet')]);

    expect(refreshedPlan(approved, now, [])).toMatchObject({
      indices: [plannedIndex('old-1', 1200, 3_400_000, 'uuid-old-1')],
      leftOut: [{ index: 'old-quiet', reason: 'hidden' }],
    });
  });

  it('keeps the names of an index deletion planned before patterns were kept, as its patterns', () => {
    const legacy = { ...PLANS.indexDelete(), patterns: undefined };

    expect(refreshedPlan(legacy, clusterNow([indexNow('old-2')]), [])).toMatchObject({ patterns: ['old-1', 'old-2'] });
  });

  it('refuses an index deletion with nothing left, or reaching a protected index now', () => {
    expect(() => refreshedPlan(PLANS.indexDelete(), clusterNow([]), [])).toThrowError('nothing to delete on b');
    expect(() => refreshedPlan(PLANS.indexDelete(), clusterNow([indexNow('old-1')]), ['old-*'])).toThrowError(
      'protected',
    );
  });

  it('binds a snapshot deletion to the snapshot as it is now', () => {
    const plan = PLANS.snapshotDelete();

    expect(refreshedPlan(plan, clusterNow([], { found: true, uuid: 'again' }), [])).toMatchObject({
      snapshotUuid: 'again',
    });
    expect(refreshedPlan(plan, clusterNow([], { found: false }), [])).toEqual(plan);
  });

  it('leaves a plan with nothing destructive as it is', () => {
    expect(refreshedPlan(PLANS.snapshotCreate(), clusterNow([]), [])).toEqual(PLANS.snapshotCreate());
  });

  it('plans a restore with replace to delete every target that exists now, as it is now', () => {
    const now = clusterNow([indexNow('logs-1', 1300), indexNow('logs-2', 4, 'u2')], { found: true, uuid: 'again' });

    expect(refreshedPlan(PLANS.restore(), now, [])).toMatchObject({
      deletions: [plannedIndex('logs-1', 1300), plannedIndex('logs-2', 4, 3_400_000, 'u2')],
      snapshotUuid: 'again',
    });
  });

  it('keeps the approved snapshot UUID when the step did not read the snapshot', () => {
    expect(refreshedPlan(PLANS.restore(), clusterNow([indexNow('logs-1')]), [])).toMatchObject({
      snapshotUuid: 'uuid-nightly',
    });
  });

  it('counts a restore planned before `replace` was kept as replacing when it deletes anything', () => {
    const legacy = { ...PLANS.restore(), replace: undefined };

    expect(refreshedPlan(legacy, clusterNow([indexNow('logs-2')], SNAPSHOT_AS_PLANNED), [])).toMatchObject({
      deletions: [plannedIndex('logs-2')],
    });
  });

  it('refuses a restore whose snapshot is gone, or whose free target is taken without replace', () => {
    const withoutReplace = { ...PLANS.restore(), replace: false, deletions: [] };

    expect(() => refreshedPlan(PLANS.restore(), clusterNow([], { found: false }), [])).toThrowError(
      'snapshot "nightly" is no longer in repository "migration"',
    );
    expect(() => refreshedPlan(withoutReplace, clusterNow([indexNow('logs-2')], SNAPSHOT_AS_PLANNED), [])).toThrowError(
      '"logs-2" already exists on b',
    );
  });

  it('plans a migration with replace to delete the targets that exist now on its target cluster', () => {
    const plan = { ...PLANS.migrate(), replace: true };
    const refreshed = refreshedPlan(plan, clusterNow([indexNow('moved-logs-2', 9)]), []);

    expect(refreshed).toEqual({ ...plan, deletions: [plannedIndex('moved-logs-2', 9)] });
  });
});
