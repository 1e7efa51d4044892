import type { Job, JobPlan } from '../jobs/job.js';
import { JobKind, JobState } from '../jobs/job-states.js';
import { effectiveState } from '../jobs/transitions.js';
import type { JobWords } from '../words/job-words.js';
import type { RefusalWords } from '../words/refusal-words.js';
import { approvalsOfPlan } from './plan-approvals.js';

/** Who may approve what on one cluster; from the cluster config. */
type ApprovalPolicy = {
  /** Slack user IDs allowed to approve. */
  approvers: readonly string[];
  /** Slack user group IDs whose members may approve. */
  approverGroups: readonly string[];
  /** Approvals needed before the job runs. @default 1 */
  required: number;
  /** Whether the requester may approve their own request. @default false */
  allowSelfApproval: boolean;
  /** Minutes a request waits for approval before it expires. @default 30 */
  expiryMinutes: number;
  /** Job kinds that run without approval. @default ['snapshot-create', 'repo-register'] */
  autoRun: readonly JobKind[];
};

type DecisionWords = RefusalWords & Pick<JobWords, 'state'>;

/** A refusal says itself in the clicker's language, as errors do. */
type ApprovalDecision = { allowed: true } | { allowed: false; reason: (words: DecisionWords) => string };

function needsApproval(kind: JobKind, policy: ApprovalPolicy): boolean {
  return !policy.autoRun.includes(kind);
}

/** Whether this plan waits for approval: its kind's policy, and always when it replaces a repository that exists. */
function planNeedsApproval(plan: JobPlan, policy: ApprovalPolicy): boolean {
  return (plan.kind === JobKind.REPO_REGISTER && plan.replaces !== undefined) || needsApproval(plan.kind, policy);
}

function isApprover(userId: string, policy: ApprovalPolicy, groupMembers: ReadonlySet<string>): boolean {
  return policy.approvers.includes(userId) || groupMembers.has(userId);
}

/**
 * Whether `userId` may approve or reject `job` now. `groupMembers` are the members of the policy's approver
 * groups, looked up by the caller.
 */
function mayDecide(
  job: Job,
  userId: string,
  policy: ApprovalPolicy,
  groupMembers: ReadonlySet<string>,
  now: Date,
): ApprovalDecision {
  const state = effectiveState(job, now);
  if (state !== JobState.PENDING_APPROVAL) {
    return { allowed: false, reason: (words) => words.alreadyDecided(state, words.state[state]) };
  }
  if (!isApprover(userId, policy, groupMembers)) {
    if (userId === job.requestedBy) return { allowed: false, reason: (words) => words.requesterNotApprover(job.id) };
    return { allowed: false, reason: (words) => words.notAnApprover };
  }
  if (userId === job.requestedBy && !policy.allowSelfApproval) {
    return { allowed: false, reason: (words) => words.ownRequest };
  }
  // An approval of an earlier plan is no approval of this one: its approver may approve again.
  if (approvalsOfPlan(job).some((approval) => approval.userId === userId)) {
    return { allowed: false, reason: (words) => words.alreadyApprovedByYou };
  }
  return { allowed: true };
}

export type { ApprovalDecision, ApprovalPolicy, DecisionWords };
export { isApprover, mayDecide, needsApproval, planNeedsApproval };
