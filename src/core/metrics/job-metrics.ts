import type { Job } from '../jobs/job.js';
import { type JobState, JobState as States } from '../jobs/job-states.js';

/** What an operator alarms on, each a CloudWatch metric of the bot's namespace. */
const MetricName = {
  REQUESTED: 'JobsRequested',
  APPROVED: 'JobsApproved',
  REJECTED: 'JobsRejected',
  EXPIRED: 'JobsExpired',
  SUCCEEDED: 'JobsSucceeded',
  PARTIAL: 'JobsPartial',
  FAILED: 'JobsFailed',
  CANCELLED: 'JobsCancelled',
  STALLED: 'StepsStalled',
  STEP_DURATION: 'StepDuration',
  APPROVAL_LATENCY: 'ApprovalLatency',
  CLUSTER_ERRORS: 'ClusterErrors',
} as const;

type MetricName = (typeof MetricName)[keyof typeof MetricName];

/**
 * One value of one metric. `dimensions` break it down (by job kind, step, cluster, error code); every count is
 * also recorded without them, so that one alarm covers every kind.
 */
type MetricPoint = {
  name: MetricName;
  unit: 'Count' | 'Milliseconds';
  value: number;
  dimensions: Readonly<Record<string, string>>;
};

const OUTCOMES: Partial<Record<JobState, MetricName>> = {
  [States.SUCCEEDED]: MetricName.SUCCEEDED,
  [States.PARTIAL]: MetricName.PARTIAL,
  [States.FAILED]: MetricName.FAILED,
  [States.REJECTED]: MetricName.REJECTED,
  [States.EXPIRED]: MetricName.EXPIRED,
  [States.CANCELLED]: MetricName.CANCELLED,
};

function counted(name: MetricName, dimensions: Record<string, string>, value = 1): MetricPoint[] {
  return [
    { name, unit: 'Count', value, dimensions: {} },
    { name, unit: 'Count', value, dimensions },
  ];
}

function millisBetween(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from));
}

/** How long each step that ran took, when the job ended. */
function stepDurations(job: Job): MetricPoint[] {
  return job.steps.flatMap((step) =>
    step.startedAt === undefined || step.endedAt === undefined
      ? []
      : [
          {
            name: MetricName.STEP_DURATION,
            unit: 'Milliseconds' as const,
            value: millisBetween(step.startedAt, step.endedAt),
            dimensions: { kind: job.kind, step: step.name },
          },
        ],
  );
}

function endingMetrics(job: Job): MetricPoint[] {
  const outcome = OUTCOMES[job.state];
  if (outcome === undefined) return [];
  return [...counted(outcome, { kind: job.kind }), ...stepDurations(job)];
}

/** From asked to approved in full: the time a job waited for people. */
function approvalMetrics(before: Job, after: Job): MetricPoint[] {
  const given = (after.approval?.approvals.length ?? 0) - (before.approval?.approvals.length ?? 0);
  const approvals = given > 0 ? counted(MetricName.APPROVED, { kind: after.kind }, given) : [];
  const leftApproval = before.state === States.PENDING_APPROVAL && after.state === States.QUEUED;
  if (!leftApproval) return approvals;
  const waited = millisBetween(before.replan?.at ?? before.createdAt, after.updatedAt);
  const latency = { name: MetricName.APPROVAL_LATENCY, unit: 'Milliseconds' as const, value: waited };
  return [...approvals, { ...latency, dimensions: { kind: after.kind } }];
}

function stallMetrics(before: Job, after: Job): MetricPoint[] {
  return after.history.slice(before.history.length).flatMap((entry) => {
    if (entry.event !== 'stalled') return [];
    const running = after.steps.find((step) => step.status === 'running');
    return counted(MetricName.STALLED, { kind: after.kind, step: running?.name ?? 'unknown' });
  });
}

/**
 * The metrics of one write of a job: `before` as it was read (undefined for a new job), `after` as written.
 * Pure, so that every write site records the same things for the same change.
 */
function transitionMetrics(before: Job | undefined, after: Job): MetricPoint[] {
  if (before === undefined) return counted(MetricName.REQUESTED, { kind: after.kind });
  const ended = before.state !== after.state ? endingMetrics(after) : [];
  return [...approvalMetrics(before, after), ...stallMetrics(before, after), ...ended];
}

/** A cluster that refused or failed a step, by its error code (`repository_exception`, `unreachable` …). */
function clusterErrorMetrics(cluster: string, code: string): MetricPoint[] {
  return counted(MetricName.CLUSTER_ERRORS, { cluster, code });
}

export type { MetricPoint };
export { clusterErrorMetrics, MetricName, transitionMetrics };
