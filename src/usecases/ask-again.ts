import { BotError, JobConflictError } from '../core/errors.js';
import type { Job, JobStep } from '../core/jobs/job.js';
import { replan } from '../core/jobs/transitions.js';
import { textMessage } from '../core/messages/blocks.js';
import { planChangeLine } from '../core/messages/plan-change-lines.js';
import { refreshedPlan } from '../core/plans/plan-check.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { governingCluster, showJob } from './job-notices.js';
import type { PlanChanged } from './steps/step-outcome.js';

/**
 * A destructive step found that what it touches is no longer what was approved, and touched nothing. The job
 * goes back to waiting for approval on the plan as it is now, by the cluster's rules for a new request (the same
 * number of approvals, a new expiry); its message shows what changed, with fresh buttons, and its thread says so.
 * Returns the step's failure instead when the request could not be planned now (the snapshot is gone, a target
 * taken without `replace`): then there is nothing to approve, and nothing was touched either.
 */
async function askAgain(
  context: BotContext,
  job: Job,
  step: JobStep,
  found: PlanChanged,
): Promise<{ status: 'failed'; detail: string } | undefined> {
  const { catalog } = context;
  let plan: Job['plan'];
  try {
    plan = refreshedPlan(job.plan, found.now, clusterNamed(context, step.cluster).config.protectedIndices);
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    const said = error.saidIn(catalog);
    return { status: 'failed', detail: catalog.stepRefused(said.text, said.hint) };
  }
  const policy = clusterNamed(context, governingCluster(plan)).config.approval;
  const now = context.clock.now();
  const expiresAt = new Date(now.getTime() + policy.expiryMinutes * 60_000).toISOString();
  const input = { plan, step: step.name, cluster: step.cluster, changes: found.changes };
  let asked: Job;
  try {
    asked = await context.jobs.update(replan(job, { ...input, required: policy.required, expiresAt }, now));
  } catch (error) {
    // Someone else wrote the job meanwhile (a cancel): it is theirs now, and this step did nothing.
    if (error instanceof JobConflictError) return undefined;
    throw error;
  }
  context.logger.info({ jobId: job.id, step: step.name, changes: found.changes }, 'plan changed; approval asked again');
  await showJob(context, asked);
  const changes = found.changes.map((change) => planChangeLine(change, catalog)).join('; ');
  await context.chat.post(
    asked.channel,
    textMessage(catalog.replanned(catalog.step[step.name], step.cluster, changes)),
    asked.messageTs,
  );
  return undefined;
}

export { askAgain };
