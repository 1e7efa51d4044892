import { describe, expect, it } from 'vitest';
import { isApprover, mayDecide, needsApproval } from '../../../../src/core/approval/approval-policy.js';
import { approve } from '../../../../src/core/jobs/transitions.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildPolicy, buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

const noGroups = new Set<string>();

describe('needsApproval', () => {
  it.each([
    ['restore', true],
    ['index-delete', true],
    ['snapshot-delete', true],
    ['migrate', true],
    ['snapshot-create', false],
    ['repo-register', false],
  ] as const)('%s needs approval by default: %s', (kind, expected) => {
    expect(needsApproval(kind, buildPolicy())).toBe(expected);
  });

  it('follows a cluster that lets snapshots be deleted without approval', () => {
    expect(needsApproval('snapshot-delete', buildPolicy({ autoRun: ['snapshot-delete'] }))).toBe(false);
  });
});

describe('isApprover', () => {
  it('accepts listed users and members of approver groups', () => {
    expect(isApprover('U0APPROVER', buildPolicy(), noGroups)).toBe(true);
    expect(isApprover('U0MEMBER', buildPolicy(), new Set(['U0MEMBER']))).toBe(true);
    expect(isApprover('U0STRANGER', buildPolicy(), noGroups)).toBe(false);
  });
});

const en = catalogFor('en');

/** A refusal as the clicker reads it in English; `allowed` when the click counts. */
function verdictOf(...args: Parameters<typeof mayDecide>): string {
  const verdict = mayDecide(...args);
  return verdict.allowed ? 'allowed' : verdict.reason(en);
}

describe('mayDecide', () => {
  it('lets an approver decide a pending request', () => {
    expect(mayDecide(buildRequestedJob(), 'U0APPROVER', buildPolicy(), noGroups, NOW)).toEqual({ allowed: true });
  });

  it.each([
    ['someone who is not an approver', 'U0STRANGER', buildPolicy(), 'you are not an approver for this cluster'],
    [
      'the requester, who is no approver, and is pointed to cancel instead',
      'U0REQUESTER',
      buildPolicy(),
      `you are not an approver for this cluster; to withdraw your own request, use /es snapshot cancel ${buildRequestedJob().id}`,
    ],
    [
      'the requester approving their own request',
      'U0REQUESTER',
      buildPolicy({ approvers: ['U0REQUESTER'] }),
      'you cannot approve your own request',
    ],
  ])('refuses %s', (_case, userId, policy, reason) => {
    expect(verdictOf(buildRequestedJob(), userId, policy, noGroups, NOW)).toContain(reason);
  });

  it('lets the requester approve where the cluster allows it', () => {
    const policy = buildPolicy({ approvers: ['U0REQUESTER'], allowSelfApproval: true });

    expect(mayDecide(buildRequestedJob(), 'U0REQUESTER', policy, noGroups, NOW)).toEqual({ allowed: true });
  });

  it('refuses a second approval by the same person', () => {
    const policy = buildPolicy({ required: 2 });
    const job = approve(buildRequestedJob(PLANS.restore(), policy), 'U0APPROVER', NOW);

    expect(verdictOf(job, 'U0APPROVER', policy, noGroups, NOW)).toBe('you have already approved this request');
  });

  it('says when the request is no longer waiting', () => {
    const job = approve(buildRequestedJob(), 'U0APPROVER', NOW);

    expect(verdictOf(job, 'U0SECOND', buildPolicy(), noGroups, NOW)).toBe(
      'this request can no longer be approved or rejected (now: Queued)',
    );
  });

  it('says when the request has expired', () => {
    const late = new Date(NOW.getTime() + 31 * 60_000);

    expect(verdictOf(buildRequestedJob(), 'U0APPROVER', buildPolicy(), noGroups, late)).toBe(
      'this request can no longer be approved or rejected (now: Expired)',
    );
  });
});
