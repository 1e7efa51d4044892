import { approvalsOfPlan } from '../approval/plan-approvals.js';
import type { Job, JobStep } from '../jobs/job.js';
import { JobState } from '../jobs/job-states.js';
import { estimateRemainingMs } from '../jobs/progress.js';
import { effectiveState } from '../jobs/transitions.js';
import type { Catalog } from '../words/catalog.js';
import {
  type Block,
  type Button,
  context,
  header,
  LIMITS,
  plain,
  type SlackMessage,
  sectionsOf,
  withinBlockLimit,
} from './blocks.js';
import { formatBytes, formatDuration, formatPercent, progressBar, slackDate } from './format.js';
import { digestLine, replanLines } from './plan-change-lines.js';
import { planCluster, planLines } from './plan-lines.js';

/** Action ids of the approval buttons; the button value is the job id. */
const ApprovalAction = { APPROVE: 'job.approve', REJECT: 'job.reject' } as const;

const STEP_ICON: Record<JobStep['status'], string> = {
  pending: ':white_square:',
  running: ':hourglass_flowing_sand:',
  done: ':white_check_mark:',
  partial: ':large_orange_diamond:',
  failed: ':x:',
  stopped: ':no_entry_sign:',
};

function progressLine(step: JobStep, catalog: Catalog, now: Date): string {
  const progress = step.progress;
  if (progress === undefined || step.status !== 'running') return '';
  const elapsed = step.startedAt === undefined ? 0 : now.getTime() - Date.parse(step.startedAt);
  // Until the cluster knows the work's totals, any count would be a false "0 of" something.
  if (!progress.totalsKnown) return `\n    ${progressBar(0)} ${catalog.progressStarting(formatDuration(elapsed))}`;
  const remaining = estimateRemainingMs(step, now);
  const timing =
    progress.percent >= 100
      ? catalog.timingFinishing(formatDuration(elapsed))
      : catalog.timing(formatDuration(elapsed), remaining === undefined ? undefined : formatDuration(remaining));
  const counts = catalog.progressCounts(
    progress.shardsDone,
    progress.shardsTotal,
    formatBytes(progress.bytesDone),
    formatBytes(progress.bytesTotal),
  );
  return `\n    ${progressBar(progress.percent)} ${formatPercent(progress.percent)} · ${counts} · ${timing}`;
}

function stepLine(step: JobStep, catalog: Catalog, now: Date): string {
  const detail = step.detail === undefined ? '' : ` — ${step.detail}`;
  return `${STEP_ICON[step.status]} ${catalog.step[step.name]} (${step.cluster})${detail}${progressLine(step, catalog, now)}`;
}

/**
 * A cancel, from the moment it is recorded: asked (the job is stopping), then done with what the stop did; or too
 * late, when the last step finished before the worker reached a safe point.
 */
function cancelLine(job: Job, state: JobState, catalog: Catalog): string | undefined {
  const request = job.cancelRequest;
  if (state === JobState.RUNNING && request !== undefined) {
    return catalog.cancelRequestedBy(request.by, slackDate(request.at));
  }
  if (state !== JobState.CANCELLED) return request === undefined ? undefined : catalog.cancelTooLate(request.by);
  const cancelled = [...job.history].reverse().find((entry) => entry.event === 'cancelled');
  const line = catalog.cancelledBy(request?.by ?? cancelled?.by ?? '?');
  return cancelled?.detail === undefined ? line : `${line}: ${cancelled.detail}`;
}

function decisionLine(job: Job, state: JobState, catalog: Catalog): string | undefined {
  const rejected = [...job.history].reverse().find((entry) => entry.event === 'rejected');
  if (state === JobState.EXPIRED) return catalog.expired;
  if (state === JobState.REJECTED) {
    const line = catalog.rejectedBy(rejected?.by ?? '?');
    return rejected?.detail === undefined ? line : `${line}: ${rejected.detail}`;
  }
  const approvals = approvalsOfPlan(job);
  if (approvals.length === 0 || state === JobState.PENDING_APPROVAL) return undefined;
  return catalog.approvedBy(
    approvals.map((approval) => `<@${approval.userId}> (${slackDate(approval.at)})`).join(', '),
  );
}

function approvalButtons(job: Job, catalog: Catalog, kind: string, cluster: string): Block {
  const confirm = {
    title: plain(catalog.confirmTitle, 100),
    text: plain(catalog.confirmBody(kind, cluster), LIMITS.confirm),
    confirm: plain(catalog.confirmYes, 30),
    deny: plain(catalog.confirmNo, 30),
    style: 'danger' as const,
  };
  const approve: Button = {
    type: 'button',
    action_id: ApprovalAction.APPROVE,
    text: plain(catalog.approve, LIMITS.button),
    value: job.id,
    style: 'primary',
    confirm,
  };
  const reject: Button = {
    type: 'button',
    action_id: ApprovalAction.REJECT,
    text: plain(catalog.reject, LIMITS.button),
    value: job.id,
    style: 'danger',
  };
  return { type: 'actions', block_id: `approval:${job.id}`, elements: [approve, reject] };
}

/**
 * The job's one message in the channel, for every state: the approval request with its buttons while it waits,
 * then the same plan with the decision, the steps and their progress. Updated in place as the job moves.
 */
function jobMessage(job: Job, catalog: Catalog, now: Date): SlackMessage {
  const state = effectiveState(job, now);
  const kind = catalog.kind[job.kind];
  const cluster = planCluster(job.plan);
  const pending = state === JobState.PENDING_APPROVAL;
  const title = pending
    ? catalog.approvalNeeded(kind, cluster)
    : `${catalog.jobTitle(kind, cluster)}: ${catalog.state[state]}`;
  const status = [catalog.requestedBy(job.requestedBy), `*${catalog.state[state]}*`, digestLine(job, catalog)];
  if (pending && job.approval !== undefined) {
    status.push(catalog.approvals(approvalsOfPlan(job).length, job.approval.required));
    status.push(catalog.expiresAt(slackDate(job.approval.expiresAt)), catalog.jobFooter(job.id));
  }
  const decision = decisionLine(job, state, catalog);
  const cancel = cancelLine(job, state, catalog);
  // While waiting for approval the steps are part of what is approved; a request that never ran has none to show.
  const showSteps = ![JobState.REJECTED, JobState.EXPIRED].includes(state as never);
  const blocks: Block[] = [
    header(title),
    context(...status),
    ...sectionsOf(replanLines(job, state, catalog)),
    ...sectionsOf(planLines(job.plan, catalog, job.id)),
    ...(decision === undefined ? [] : sectionsOf([decision])),
    ...(cancel === undefined ? [] : sectionsOf([cancel])),
    ...(showSteps ? sectionsOf([catalog.stepsTitle, ...job.steps.map((step) => stepLine(step, catalog, now))]) : []),
    pending ? approvalButtons(job, catalog, kind, cluster) : context(catalog.jobFooter(job.id)),
  ];
  return { text: title, blocks: withinBlockLimit(blocks) };
}

export { ApprovalAction, jobMessage };
