import { describe, expect, it } from 'vitest';
import { mayDecide } from '../../../../src/core/approval/approval-policy.js';
import { approvalsOfPlan } from '../../../../src/core/approval/plan-approvals.js';
import { InvalidTransitionError } from '../../../../src/core/errors.js';
import type { Job, JobPlan } from '../../../../src/core/jobs/job.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { isDestructive, replannedSteps } from '../../../../src/core/jobs/job-steps.js';
import { approve, claim, replan } from '../../../../src/core/jobs/transitions.js';
import { planDigest, shortDigest } from '../../../../src/core/plans/plan-digest.js';
import { buildPolicy, buildRequestedJob, NOW, PLANS, plannedIndex } from '../../../fixtures/plans.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const GREW = { kind: 'index-grew' as const, index: 'old-1', approvedDocs: 1200, docs: 999_999 };

function runningJob(plan: JobPlan = PLANS.indexDelete(), policy = buildPolicy()): Job {
  return claim(
    approve(buildRequestedJob(plan, policy), 'U0APPROVER', later(1)),
    'worker-1',
    later(2),
    60_000,
    'token-1',
  );
}

function replanned(job: Job, plan: JobPlan, at = later(3)): Job {
  const input = { plan, step: job.steps[0]?.name ?? 'delete-indices', cluster: 'b', changes: [GREW] };
  return replan(job, { ...input, required: 1, expiresAt: later(33).toISOString() }, at);
}

const GROWN_PLAN: JobPlan = {
  ...PLANS.indexDelete(),
  indices: [plannedIndex('old-1', 999_999), plannedIndex('old-2')],
};

describe('replan', () => {
  it('sends a running job back to approval on the new plan, with what changed, a new expiry and no lease', () => {
    const job = runningJob();

    const asked = replanned(job, GROWN_PLAN);

    expect(asked).toMatchObject({
      state: JobState.PENDING_APPROVAL,
      plan: GROWN_PLAN,
      version: job.version + 1,
      lease: undefined,
      approval: { required: 1, expiresAt: later(33).toISOString() },
      replan: { at: later(3).toISOString(), step: 'delete-indices', cluster: 'b', changes: [GREW] },
    });
    expect(asked.history.at(-1)).toEqual({
      at: later(3).toISOString(),
      event: 'replanned',
      by: undefined,
      detail: `${shortDigest(planDigest(job.plan))} → ${shortDigest(planDigest(GROWN_PLAN))}`,
    });
  });

  it('keeps the earlier approvals on record, bound to the plan they approved, and counts none for the new plan', () => {
    const job = runningJob();

    const asked = replanned(job, GROWN_PLAN);

    expect(asked.approval?.approvals).toEqual(job.approval?.approvals);
    expect(approvalsOfPlan(asked)).toEqual([]);
  });

  it('stamps approvals given before digests with the plan they approved, so they stop counting too', () => {
    const job = runningJob();
    const legacy: Job = {
      ...job,
      approval: {
        required: 1,
        approvals: [{ userId: 'U0APPROVER', at: later(1).toISOString(), digest: undefined }],
        expiresAt: later(30).toISOString(),
      },
    };

    const asked = replanned(legacy, GROWN_PLAN);

    expect(approvalsOfPlan(legacy)).toHaveLength(1);
    expect(asked.approval?.approvals[0]?.digest).toBe(planDigest(job.plan));
    expect(approvalsOfPlan(asked)).toEqual([]);
  });

  it('asks a queued job again, and gives one that needed no approval the approval its cluster asks of a new one', () => {
    const queued = approve(buildRequestedJob(PLANS.indexDelete()), 'U0APPROVER', later(1));
    const unapproved = { ...queued, approval: undefined };

    expect(replanned(queued, GROWN_PLAN).state).toBe(JobState.PENDING_APPROVAL);
    expect(replanned(unapproved, GROWN_PLAN).approval).toEqual({
      required: 1,
      approvals: [],
      expiresAt: later(33).toISOString(),
    });
  });

  it('cannot replan a job that waits for approval or has ended', () => {
    const pending = buildRequestedJob(PLANS.indexDelete());

    expect(() => replanned(pending, GROWN_PLAN)).toThrowError(InvalidTransitionError);
  });

  it('lets the approver of the earlier plan approve the new one, and queues the job on that approval', () => {
    const asked = replanned(runningJob(), GROWN_PLAN);

    const verdict = mayDecide(asked, 'U0APPROVER', buildPolicy(), new Set(), later(4));
    const approved = approve(asked, 'U0APPROVER', later(4));

    expect(verdict).toEqual({ allowed: true });
    expect(approved.state).toBe(JobState.QUEUED);
    expect(approved.approval?.approvals.map((given) => given.digest)).toEqual([
      planDigest(PLANS.indexDelete()),
      planDigest(GROWN_PLAN),
    ]);
    expect(approvalsOfPlan(approved).map((given) => given.userId)).toEqual(['U0APPROVER']);
  });

  it('needs as many approvals of the new plan as of a new request', () => {
    const policy = buildPolicy({ required: 2 });
    const twice = approve(
      approve(buildRequestedJob(PLANS.indexDelete(), policy), 'U0APPROVER', later(1)),
      'U0SECOND',
      later(1),
    );
    const running = claim(twice, 'worker-1', later(2), 60_000, 'token-1');
    const input = { plan: GROWN_PLAN, step: 'delete-indices' as const, cluster: 'b', changes: [GREW] };

    const asked = replan(running, { ...input, required: 2, expiresAt: later(33).toISOString() }, later(3));
    const once = approve(asked, 'U0APPROVER', later(4));

    expect(once.state).toBe(JobState.PENDING_APPROVAL);
    expect(once.history.at(-1)?.detail).toBe('1 of 2');
  });
});

describe('replannedSteps', () => {
  it('keeps a migration’s registrations and snapshot done, and runs everything from the deletion again', () => {
    const plan = { ...PLANS.migrate(), deletions: [plannedIndex('moved-logs-1')] };
    const done = runningJob(PLANS.migrate()).steps.map((step, position) =>
      position < 5 ? { ...step, status: 'done' as const, detail: 'done before' } : step,
    );

    const steps = replannedSteps(done, plan);

    expect(steps.map((step) => `${step.name}@${step.cluster}:${step.status}`)).toEqual([
      'register-repository@a:done',
      'register-repository@b:done',
      'start-snapshot@a:done',
      'await-snapshot@a:done',
      'delete-indices@b:pending',
      'start-restore@b:pending',
      'await-restore@b:pending',
      'verify-doc-counts@b:pending',
    ]);
  });

  it('runs a restore again from its first step, the deletion it now needs included', () => {
    const before = runningJob({ ...PLANS.restore(), deletions: [] }).steps.map((step) => ({
      ...step,
      status: 'done' as const,
    }));

    const steps = replannedSteps(before, PLANS.restore());

    expect(steps.map((step) => `${step.name}:${step.status}`)).toEqual([
      'delete-indices:pending',
      'start-restore:pending',
      'await-restore:pending',
    ]);
  });

  it('knows the destructive steps', () => {
    expect(
      ['delete-indices', 'start-restore', 'delete-snapshot', 'await-restore'].map((name) =>
        isDestructive(name as never),
      ),
    ).toEqual([true, true, true, false]);
  });
});
