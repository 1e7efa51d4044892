import { describe, expect, it } from 'vitest';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { stepsFor } from '../../../../src/core/jobs/job-steps.js';
import { buildPolicy, buildRequestedJob, NOW, PLANS, plannedIndex } from '../../../fixtures/plans.js';

describe('newJob', () => {
  it('waits for approval when its kind needs one, expiring after the policy time', () => {
    const job = buildRequestedJob(PLANS.restore(), buildPolicy({ expiryMinutes: 10, required: 2 }));

    expect(job).toMatchObject({
      state: JobState.PENDING_APPROVAL,
      version: 1,
      requestedBy: 'U0REQUESTER',
      lease: undefined,
    });
    expect(job.approval).toEqual({ required: 2, approvals: [], expiresAt: '2026-11-24T09:10:00.000Z' });
    expect(job.history).toEqual([
      { at: NOW.toISOString(), event: 'requested', by: 'U0REQUESTER', detail: job.requestText },
    ]);
  });

  it('is queued at once when its kind runs without approval', () => {
    const job = buildRequestedJob(PLANS.snapshotCreate());

    expect(job).toMatchObject({ state: JobState.QUEUED, approval: undefined });
  });
});

describe('stepsFor', () => {
  const names = (plan: Parameters<typeof stepsFor>[0]) => stepsFor(plan).map((step) => `${step.name}@${step.cluster}`);

  it.each([
    ['repo-register', PLANS.repoRegister(), ['register-repository@a']],
    ['snapshot-create', PLANS.snapshotCreate(), ['start-snapshot@a', 'await-snapshot@a']],
    ['snapshot-delete', PLANS.snapshotDelete(), ['delete-snapshot@a']],
    ['index-delete', PLANS.indexDelete(), ['delete-indices@b']],
    ['restore with replace', PLANS.restore(), ['delete-indices@b', 'start-restore@b', 'await-restore@b']],
    ['restore without replace', { ...PLANS.restore(), deletions: [] }, ['start-restore@b', 'await-restore@b']],
    [
      'migrate with rename',
      PLANS.migrate(),
      [
        'register-repository@a',
        'register-repository@b',
        'start-snapshot@a',
        'await-snapshot@a',
        'start-restore@b',
        'await-restore@b',
        'verify-doc-counts@b',
      ],
    ],
  ])('plans %s', (_case, plan, expected) => {
    expect(names(plan)).toEqual(expected);
  });

  it('plans a migrate with replace to delete on the target before restoring', () => {
    const plan = { ...PLANS.migrate(), deletions: [plannedIndex('logs-1', 1, 1)] };

    expect(names(plan)).toContain('delete-indices@b');
    expect(names(plan).indexOf('delete-indices@b')).toBeLessThan(names(plan).indexOf('start-restore@b'));
  });

  it('starts every step pending', () => {
    expect(stepsFor(PLANS.restore()).every((step) => step.status === 'pending' && step.startedAt === undefined)).toBe(
      true,
    );
  });
});
