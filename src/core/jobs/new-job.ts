import { type ApprovalPolicy, planNeedsApproval } from '../approval/approval-policy.js';
import type { Job, JobPlan } from './job.js';
import { JobState } from './job-states.js';
import { stepsFor } from './job-steps.js';

type NewJobInput = {
  id: string;
  plan: JobPlan;
  requestedBy: string;
  requestText: string;
  channel: string;
  /** Undefined only for a job asked on behalf of one stored before workspaces were recorded. */
  team: string | undefined;
  policy: ApprovalPolicy;
  now: Date;
};

/** A job as requested: waiting for approval when its kind needs one on that cluster, queued otherwise. */
function newJob(input: NewJobInput): Job {
  const { id, plan, requestedBy, requestText, channel, team, policy, now } = input;
  const at = now.toISOString();
  const approvalNeeded = planNeedsApproval(plan, policy);
  const expiresAt = new Date(now.getTime() + policy.expiryMinutes * 60_000).toISOString();
  return {
    id,
    kind: plan.kind,
    state: approvalNeeded ? JobState.PENDING_APPROVAL : JobState.QUEUED,
    version: 1,
    plan,
    steps: stepsFor(plan),
    requestedBy,
    requestText,
    channel,
    team,
    messageTs: undefined,
    approval: approvalNeeded ? { required: policy.required, approvals: [], expiresAt } : undefined,
    history: [{ at, event: 'requested', by: requestedBy, detail: requestText }],
    lease: undefined,
    cancelRequest: undefined,
    outcomeTold: undefined,
    replan: undefined,
    createdAt: at,
    updatedAt: at,
  };
}

export type { NewJobInput };
export { newJob };
