import { describe, expect, it } from 'vitest';
import type { Job, JobStep } from '../../../../src/core/jobs/job.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { isCancelling, overCancel, stillRestoring, stopChecks, stopPoint } from '../../../../src/core/jobs/stopping.js';
import { approve, claim, requestCancel, updateStep } from '../../../../src/core/jobs/transitions.js';
import type { IndexRecovery } from '../../../../src/core/model/recovery.js';
import { buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A running migration whose first `finished` steps are done and whose next one is `next`. */
function migrationAt(finished: number, next: JobStep['status'] = 'pending'): Job {
  const running = claim(
    approve(buildRequestedJob(PLANS.migrate()), 'U0APPROVER', later(1)),
    'w',
    later(2),
    60_000,
    'token-1',
  );
  const steps = running.steps.map((step, index) => {
    if (index < finished) return { ...step, status: 'done' as const };
    return index === finished ? { ...step, status: next } : step;
  });
  return { ...running, steps };
}

function recovery(index: string, overrides: Partial<IndexRecovery> = {}): IndexRecovery {
  return {
    index,
    shardsDone: 0,
    shardsTotal: 2,
    bytesDone: 0,
    bytesTotal: 100,
    source: { repository: 'migration', snapshot: 'migrate-abc' },
    types: ['SNAPSHOT'],
    totalsKnown: true,
    ...overrides,
  };
}

describe('what a cancelled job checks before it stops', () => {
  it('asks nothing about a snapshot when the job takes none', () => {
    const job = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');

    expect(stopChecks(job)).toEqual({ snapshotOn: undefined, restoreOn: 'b' });
  });

  it.each([
    ['registering its repository', 0, { snapshotOn: 'a', restoreOn: 'b' }],
    ['waiting for its snapshot', 3, { snapshotOn: 'a', restoreOn: 'b' }],
    ['starting its restore', 4, { snapshotOn: 'a', restoreOn: 'b' }],
    ['comparing document counts', 6, { snapshotOn: 'a', restoreOn: undefined }],
  ])('asks the clusters about what it may have left running when %s', (_, finished, expected) => {
    expect(stopChecks(migrationAt(finished))).toEqual(expected);
  });

  it('says where it stopped: before a step, during one, or after the last', () => {
    const job = migrationAt(3, 'running');
    const done = migrationAt(job.steps.length);

    expect(stopPoint(migrationAt(2))).toMatchObject({ step: { name: 'start-snapshot' }, during: false });
    expect(stopPoint(job)).toMatchObject({ step: { name: 'await-snapshot' }, during: true });
    expect(stopPoint(done)).toBeUndefined();
  });

  it('is cancelling only while it runs with a cancel asked for', () => {
    const job = migrationAt(1);

    expect(isCancelling(job)).toBe(false);
    expect(isCancelling(requestCancel(job, 'U0REQUESTER', later(3)))).toBe(true);
    expect(isCancelling(buildRequestedJob())).toBe(false);
  });
});

describe('the targets a cancel deletes to stop a restore', () => {
  it('are those still recovering from this job’s snapshot, never a finished one or one from elsewhere', () => {
    const recoveries = [
      recovery('moved-logs-1'),
      recovery('moved-logs-2', { shardsDone: 1 }),
      recovery('moved-done', { shardsDone: 2 }),
      recovery('moved-other', { source: { repository: 'migration', snapshot: 'another' } }),
      recovery('moved-elsewhere', { source: { repository: 'other', snapshot: 'migrate-abc' } }),
      recovery('moved-written', { source: undefined }),
    ];

    const existing = recoveries.map((entry) => entry.index);

    expect(stillRestoring(recoveries, existing, { repository: 'migration', snapshot: 'migrate-abc' })).toEqual([
      'moved-logs-1',
      'moved-logs-2',
    ]);
  });

  it('include a target the restore has created whose shards have not started: it has no recovery yet', () => {
    const recoveries = [recovery('moved-done', { shardsDone: 2 }), recovery('moved-empty', { shardsTotal: 0 })];

    expect(
      stillRestoring(recoveries, ['moved-done', 'moved-empty', 'moved-new'], {
        repository: 'migration',
        snapshot: 'migrate-abc',
      }),
    ).toEqual(['moved-empty', 'moved-new']);
  });
});

describe('a worker write refused because a cancel got in first', () => {
  const read = () => migrationAt(1);
  const stepDone = (job: Job) =>
    updateStep(job, 1, { ...(job.steps[1] as JobStep), status: 'done', detail: 'registered' }, later(4));

  it('is written on top of the cancel, keeping both what the step did and the cancel', () => {
    const job = read();
    const changed = stepDone(job);
    const current = requestCancel(job, 'U0APPROVER', later(3));

    const rebased = overCancel(changed, current);

    expect(rebased?.version).toBe(current.version + 1);
    expect(rebased?.steps[1]).toMatchObject({ status: 'done', detail: 'registered' });
    expect(rebased?.cancelRequest).toEqual(current.cancelRequest);
    expect(rebased?.history.at(-1)).toMatchObject({ event: 'cancel-requested', by: 'U0APPROVER' });
    expect(rebased?.state).toBe(JobState.RUNNING);
  });

  it.each([
    ['something other than a cancel wrote', (job: Job) => ({ ...job, version: job.version + 1 })],
    ['more than one write got in', (job: Job) => ({ ...requestCancel(job, 'U0APPROVER', later(3)), version: 9 })],
  ])('is refused when %s', (_, writeBetween) => {
    const job = read();

    expect(overCancel(stepDone(job), writeBetween(job))).toBeUndefined();
  });

  it('is refused when the worker already knew of the cancel', () => {
    const job = requestCancel(read(), 'U0APPROVER', later(3));
    const current = { ...job, version: job.version + 1 };

    expect(overCancel(stepDone(job), current)).toBeUndefined();
  });
});
