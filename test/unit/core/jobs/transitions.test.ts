import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../../src/core/errors.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import {
  approve,
  asOneWrite,
  cancel,
  claim,
  effectiveState,
  expire,
  finish,
  reject,
  release,
  renewLease,
  requestCancel,
  stop,
  TAKEN_OVER,
  updateStep,
} from '../../../../src/core/jobs/transitions.js';
import { planDigest } from '../../../../src/core/plans/plan-digest.js';
import { buildPolicy, buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('a job waiting for approval', () => {
  it('is queued by the approval that completes it, and records who approved which plan', () => {
    const job = buildRequestedJob();

    const approved = approve(job, 'U0APPROVER', later(1));

    expect(approved).toMatchObject({ state: JobState.QUEUED, version: 2 });
    expect(approved.approval?.approvals).toEqual([
      { userId: 'U0APPROVER', at: later(1).toISOString(), digest: planDigest(job.plan) },
    ]);
    expect(approved.history.at(-1)).toEqual({
      at: later(1).toISOString(),
      event: 'approved',
      by: 'U0APPROVER',
      detail: '1 of 1',
    });
  });

  it('keeps waiting until the required number of approvals is in', () => {
    const job = buildRequestedJob(PLANS.restore(), buildPolicy({ required: 2 }));

    const once = approve(job, 'U0APPROVER', later(1));
    const twice = approve(once, 'U0SECOND', later(2));

    expect(once).toMatchObject({ state: JobState.PENDING_APPROVAL });
    expect(once.history.at(-1)?.event).toBe('approval-recorded');
    expect(twice).toMatchObject({ state: JobState.QUEUED, version: 3 });
  });

  it('records a fallback approval on a job that lost its approval record', () => {
    const job = { ...buildRequestedJob(), approval: undefined };

    expect(approve(job, 'U0APPROVER', later(1)).state).toBe(JobState.QUEUED);
  });

  it('can be rejected with a reason', () => {
    const rejected = reject(buildRequestedJob(), 'U0APPROVER', later(1), 'wrong snapshot');

    expect(rejected.state).toBe(JobState.REJECTED);
    expect(rejected.history.at(-1)).toMatchObject({ event: 'rejected', by: 'U0APPROVER', detail: 'wrong snapshot' });
  });

  it('counts as expired once its time is up, before anyone writes so', () => {
    const job = buildRequestedJob();

    expect(effectiveState(job, later(29))).toBe(JobState.PENDING_APPROVAL);
    expect(effectiveState(job, later(30))).toBe(JobState.EXPIRED);
  });

  it('cannot be approved after it expired', () => {
    const act = () => approve(buildRequestedJob(), 'U0APPROVER', later(31));

    expect(act).toThrowError(InvalidTransitionError);
    expect(act).toThrowError('job job00001 is EXPIRED: it cannot be approved now');
  });

  it('is recorded as expired only when its time is up', () => {
    const job = buildRequestedJob();

    expect(() => expire(job, later(5))).toThrowError('cannot be expired now');
    expect(expire(job, later(31))).toMatchObject({ state: JobState.EXPIRED });
  });

  it('can be cancelled by its requester', () => {
    expect(cancel(buildRequestedJob(), 'U0REQUESTER', later(1))).toMatchObject({ state: JobState.CANCELLED });
  });
});

describe('a queued job', () => {
  const queued = () => approve(buildRequestedJob(), 'U0APPROVER', later(1));

  it('is claimed by one worker with a lease', () => {
    const running = claim(queued(), 'worker-1', later(2), 60_000, 'token-1');

    expect(running).toMatchObject({
      state: JobState.RUNNING,
      lease: { owner: 'worker-1', token: 'token-1', until: later(3).toISOString() },
    });
    expect(running.history.at(-1)?.event).toBe('started');
  });

  it('cannot be claimed by a second worker while the lease holds', () => {
    const running = claim(queued(), 'worker-1', later(2), 60_000, 'token-1');

    expect(() => claim(running, 'worker-2', later(2.5), 60_000, 'token-1')).toThrowError('leased by worker-1');
  });

  it('is resumed by another worker once the lease has run out', () => {
    const running = claim(queued(), 'worker-1', later(2), 60_000, 'token-1');

    const resumed = claim(running, 'worker-2', later(4), 60_000, 'token-2');

    expect(resumed).toMatchObject({ state: JobState.RUNNING, lease: { owner: 'worker-2', token: 'token-2' } });
    expect(resumed.history.at(-1)).toEqual({
      at: later(4).toISOString(),
      event: TAKEN_OVER,
      by: undefined,
      detail: undefined,
    });
  });

  it('is picked up again after a step gave its lease back to wait, with nothing added to its history', () => {
    const running = claim(queued(), 'worker-1', later(2), 60_000, 'token-1');
    const waiting = release(running, later(2.5));

    const picked = claim(waiting, 'worker-2', later(3), 60_000, 'token-2');

    expect(picked).toMatchObject({ version: waiting.version + 1, lease: { owner: 'worker-2', token: 'token-2' } });
    expect(picked.history).toEqual(waiting.history);
  });

  it('has its lease renewed from the time of the renewal, under the same owner and token', () => {
    const lease = claim(queued(), 'worker-1', later(2), 60_000, 'token-1').lease;

    const renewed = lease && renewLease(lease, later(2.5), 60_000);

    expect(renewed).toEqual({ owner: 'worker-1', token: 'token-1', until: later(3.5).toISOString() });
  });

  it('cannot be approved again', () => {
    expect(() => approve(queued(), 'U0SECOND', later(2))).toThrowError('job job00001 is QUEUED');
  });

  it('cannot be rejected or expire', () => {
    expect(() => reject(queued(), 'U0SECOND', later(2))).toThrowError(InvalidTransitionError);
    expect(() => expire(queued(), later(40))).toThrowError(InvalidTransitionError);
  });
});

describe('a running job', () => {
  const running = () =>
    claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'worker-1', later(2), 60_000, 'token-1');

  it('records step changes without adding history', () => {
    const job = running();
    const step = { ...job.steps[0], status: 'done' as const, detail: 'deleted logs-1' };

    const updated = updateStep(job, 0, step as (typeof job.steps)[0], later(3));

    expect(updated.steps[0]).toMatchObject({ status: 'done', detail: 'deleted logs-1' });
    expect(updated.steps[1]).toEqual(job.steps[1]);
    expect(updated.history).toHaveLength(job.history.length);
    expect(updated.version).toBe(job.version + 1);
  });

  it.each([JobState.SUCCEEDED, JobState.PARTIAL, JobState.FAILED] as const)(
    'ends %s, keeping its lease until the ending is told',
    (state) => {
      const job = running();
      const finished = finish(job, state, later(5), 'because');

      expect(finished).toMatchObject({ state, lease: job.lease, outcomeTold: false });
      expect(finished.history.at(-1)).toMatchObject({ event: state.toLowerCase(), detail: 'because' });
    },
  );

  it('writes a step change and the released lease as one write on top of the job read', () => {
    const job = running();
    const step = { ...(job.steps[0] as (typeof job.steps)[0]), status: 'running' as const };

    const combined = asOneWrite(job, release(updateStep(job, 0, step, later(3)), later(3)));

    expect(combined).toMatchObject({ version: job.version + 1, lease: undefined });
    expect(combined.steps[0]?.status).toBe('running');
  });

  it('gives up its lease to wait for the next tick', () => {
    expect(release(running(), later(3))).toMatchObject({ state: JobState.RUNNING, lease: undefined });
  });

  it('is not cancelled outright: nothing may still be running on a cluster only once its worker has looked', () => {
    expect(() => cancel(running(), 'U0REQUESTER', later(3))).toThrowError(InvalidTransitionError);
  });

  it('records a cancel asked for, who and when, once, and keeps running until its worker stops it', () => {
    const asked = requestCancel(running(), 'U0APPROVER', later(3));

    expect(asked).toMatchObject({
      state: JobState.RUNNING,
      cancelRequest: { by: 'U0APPROVER', at: later(3).toISOString() },
      lease: { owner: 'worker-1' },
    });
    expect(asked.history.at(-1)).toMatchObject({ event: 'cancel-requested', by: 'U0APPROVER' });
    expect(() => requestCancel(asked, 'U0REQUESTER', later(4))).toThrowError('already cancelling');
  });

  it('is stopped CANCELLED, never FAILED, with its step under way marked stopped and what the stop did', () => {
    const job = running();
    const underWay = updateStep(job, 0, { ...(job.steps[0] as (typeof job.steps)[0]), status: 'running' }, later(3));
    const asked = requestCancel(underWay, 'U0APPROVER', later(3));

    const stopped = stop(asked, later(4), 'stopped during the restore', 'k3x9q2m7');

    expect(stopped).toMatchObject({ state: JobState.CANCELLED, lease: job.lease, outcomeTold: false });
    expect(stopped.cancelRequest?.stopJob).toBe('k3x9q2m7');
    expect(stopped.steps.map((step) => step.status)).toEqual(['stopped', 'pending', 'pending']);
    expect(stopped.steps[0]?.endedAt).toBe(later(4).toISOString());
    expect(stopped.history.at(-1)).toMatchObject({
      event: 'cancelled',
      by: 'U0APPROVER',
      detail: 'stopped during the restore',
    });
  });

  it('is not stopped when nobody asked to cancel it, nor once it has ended', () => {
    const asked = requestCancel(running(), 'U0APPROVER', later(3));

    expect(() => stop(running(), later(4), 'x')).toThrowError('not asked to cancel');
    expect(() => stop(stop(asked, later(4), 'x'), later(5), 'x')).toThrowError(InvalidTransitionError);
  });

  it('cannot finish twice', () => {
    const finished = finish(running(), JobState.SUCCEEDED, later(5));

    expect(() => finish(finished, JobState.FAILED, later(6))).toThrowError('is SUCCEEDED');
  });
});
