import { describe, expect, it } from 'vitest';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { approve, claim, finish, note, reject, replan, updateStep } from '../../../../src/core/jobs/transitions.js';
import { clusterErrorMetrics, transitionMetrics } from '../../../../src/core/metrics/job-metrics.js';
import { buildPolicy, buildRequestedJob, NOW } from '../../../fixtures/plans.js';

function later(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

/** The points as `name{dimensions}=value`, to read at a glance. */
function shown(points: ReturnType<typeof transitionMetrics>): string[] {
  return points.map((point) => `${point.name}${JSON.stringify(point.dimensions)}=${point.value}`);
}

describe('the metrics of a job write', () => {
  it('counts a new request, by kind and in all', () => {
    expect(shown(transitionMetrics(undefined, buildRequestedJob()))).toEqual([
      'JobsRequested{}=1',
      'JobsRequested{"kind":"restore"}=1',
    ]);
  });

  it('counts an approval, and the time the job waited for people once it is approved in full', () => {
    const requested = buildRequestedJob();
    const approved = approve(requested, 'U0APPROVER', later(4));

    expect(approved.state).toBe(JobState.QUEUED);
    expect(shown(transitionMetrics(requested, approved))).toEqual([
      'JobsApproved{}=1',
      'JobsApproved{"kind":"restore"}=1',
      'ApprovalLatency{"kind":"restore"}=240000',
    ]);
  });

  it('counts a first approval of two without a latency, the job still waiting', () => {
    const requested = buildRequestedJob(undefined, buildPolicy({ required: 2 }));

    expect(shown(transitionMetrics(requested, approve(requested, 'U0APPROVER', later(1))))).toEqual([
      'JobsApproved{}=1',
      'JobsApproved{"kind":"restore"}=1',
    ]);
  });

  it('measures the wait for approval from when it was asked again, after a plan changed', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 't');
    const changes = [{ index: 'logs-1', change: 'more-docs', approvedDocs: 1, nowDocs: 6 }] as never;
    const input = { plan: running.plan, step: 'delete-indices' as const, cluster: 'b', changes, required: 1 };
    const asked = replan(running, { ...input, expiresAt: later(40).toISOString() }, later(10));

    expect(shown(transitionMetrics(asked, approve(asked, 'U0APPROVER', later(12))))).toContain(
      'ApprovalLatency{"kind":"restore"}=120000',
    );
  });

  it('counts an ending by outcome, with how long each step that ran took', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 't');
    const first = running.steps[0] as (typeof running.steps)[number];
    const stepped = updateStep(
      running,
      0,
      { ...first, status: 'done', startedAt: later(2).toISOString(), endedAt: later(5).toISOString() },
      later(5),
    );

    expect(shown(transitionMetrics(stepped, finish(stepped, JobState.FAILED, later(6), 'no')))).toEqual([
      'JobsFailed{}=1',
      'JobsFailed{"kind":"restore"}=1',
      `StepDuration{"kind":"restore","step":"${first.name}"}=180000`,
    ]);
  });

  it('counts a rejection, and nothing for a write that changes no state', () => {
    const requested = buildRequestedJob();

    expect(shown(transitionMetrics(requested, reject(requested, 'U0APPROVER', later(1))))).toEqual([
      'JobsRejected{}=1',
      'JobsRejected{"kind":"restore"}=1',
    ]);
    expect(transitionMetrics(requested, { ...requested, version: requested.version + 1 })).toEqual([]);
  });

  it('counts a stall once, by the step that stopped moving', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 't');
    const first = running.steps[0] as (typeof running.steps)[number];
    const waiting = updateStep(running, 0, { ...first, status: 'running' }, later(3));

    expect(shown(transitionMetrics(waiting, note(waiting, 'stalled', later(40), 'stalled')))).toEqual([
      'StepsStalled{}=1',
      `StepsStalled{"kind":"restore","step":"${first.name}"}=1`,
    ]);
    expect(shown(transitionMetrics(running, note(running, 'stalled', later(40), 'stalled')))).toContain(
      'StepsStalled{"kind":"restore","step":"unknown"}=1',
    );
  });

  it('counts cluster errors by cluster and code', () => {
    expect(shown(clusterErrorMetrics('b', 'cluster_unreachable'))).toEqual([
      'ClusterErrors{}=1',
      'ClusterErrors{"cluster":"b","code":"cluster_unreachable"}=1',
    ]);
  });
});
