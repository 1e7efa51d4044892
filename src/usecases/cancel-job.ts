import { isApprover } from '../core/approval/approval-policy.js';
import { JobNotFoundError, NotAllowedError } from '../core/errors.js';
import { cancel } from '../core/jobs/transitions.js';
import { type SlackMessage, section } from '../core/messages/blocks.js';
import { type BotContext, clusterNamed } from './bot-context.js';
import { governingCluster, showJob } from './job-notices.js';

/**
 * `cancel <id>`: a request waiting for approval, or a job not yet started, ends CANCELLED. Its requester or an
 * approver of its cluster may do it; the message loses its buttons.
 */
async function cancelJob(context: BotContext, jobId: string, userId: string): Promise<SlackMessage> {
  const job = await context.jobs.get(jobId);
  if (job === undefined) throw new JobNotFoundError(jobId);
  const policy = clusterNamed(context, governingCluster(job.plan)).config.approval;
  const members = new Set(
    (await Promise.all(policy.approverGroups.map((group) => context.directory.usergroupMembers(group)))).flat(),
  );
  if (job.requestedBy !== userId && !isApprover(userId, policy, members)) {
    throw new NotAllowedError(`only the requester or an approver may cancel job ${jobId}`);
  }
  const cancelled = await context.jobs.update(cancel(job, userId, context.clock.now()));
  context.logger.info({ jobId, by: userId }, 'job cancelled');
  await showJob(context, cancelled);
  const text = `Job \`${jobId}\` is cancelled.`;
  return { text, blocks: [section(text)] };
}

export { cancelJob };
