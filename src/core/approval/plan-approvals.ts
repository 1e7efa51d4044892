import type { Approval, Job } from '../jobs/job.js';
import { planDigest } from '../plans/plan-digest.js';

/**
 * The approvals that count for the job's plan as it is now: those that recorded its digest. An approval given
 * before plans had digests approved the plan as stored (plans never changed after approval then; a replan stamps
 * such approvals with the digest of the plan they approved, so they stop counting).
 */
function approvalsOfPlan(job: Pick<Job, 'plan' | 'approval'>): Approval[] {
  const digest = planDigest(job.plan);
  return (job.approval?.approvals ?? []).filter(
    (approval) => approval.digest === undefined || approval.digest === digest,
  );
}

export { approvalsOfPlan };
