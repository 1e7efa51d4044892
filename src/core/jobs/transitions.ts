import { approvalsOfPlan } from '../approval/plan-approvals.js';
import { InvalidTransitionError } from '../errors.js';
import type { PlanChange } from '../model/plan-change.js';
import { planDigest, shortDigest } from '../plans/plan-digest.js';
import type { Job, JobPlan, JobStep, Lease, StepName } from './job.js';
import { JobState } from './job-states.js';
import { isUnfinished, replannedSteps } from './job-steps.js';

/**
 * The job state machine as a table: for each event, the states it may start from. Every function below returns
 * a new job (version + 1, the event recorded in its history) or throws InvalidTransitionError; none writes.
 */
const ALLOWED_FROM = {
  approve: [JobState.PENDING_APPROVAL],
  reject: [JobState.PENDING_APPROVAL],
  expire: [JobState.PENDING_APPROVAL],
  cancel: [JobState.PENDING_APPROVAL, JobState.QUEUED],
  requestCancel: [JobState.RUNNING],
  stop: [JobState.RUNNING],
  claim: [JobState.QUEUED, JobState.RUNNING],
  progress: [JobState.RUNNING],
  finish: [JobState.RUNNING],
  replan: [JobState.QUEUED, JobState.RUNNING],
} as const satisfies Record<string, readonly JobState[]>;

type JobEventName = keyof typeof ALLOWED_FROM;

const PAST_TENSE: Record<JobEventName, string> = {
  approve: 'approved',
  reject: 'rejected',
  expire: 'expired',
  cancel: 'cancelled',
  requestCancel: 'asked to cancel',
  stop: 'stopped',
  claim: 'started',
  progress: 'updated',
  finish: 'finished',
  replan: 'replanned',
};

/** The state a person should see: a request nobody approved in time has expired even before anyone writes so. */
function effectiveState(job: Job, now: Date): JobState {
  const expired = job.approval !== undefined && now.getTime() >= Date.parse(job.approval.expiresAt);
  return job.state === JobState.PENDING_APPROVAL && expired ? JobState.EXPIRED : job.state;
}

function assertAllowed(job: Job, event: JobEventName, now: Date): void {
  const allowed: readonly JobState[] = ALLOWED_FROM[event];
  const state = event === 'expire' ? job.state : effectiveState(job, now);
  if (!allowed.includes(state)) throw new InvalidTransitionError(job.id, state, PAST_TENSE[event]);
}

type Change = { event: string; by?: string; detail?: string };

/** The history event of a claim that found the lease of a worker that stopped while it held the job. */
const TAKEN_OVER = 'resumed-after-worker-stopped';

function next(job: Job, now: Date, change: Change, fields: Partial<Job>): Job {
  const at = now.toISOString();
  const entry = { at, event: change.event, by: change.by, detail: change.detail };
  return { ...job, ...fields, version: job.version + 1, updatedAt: at, history: [...job.history, entry] };
}

/**
 * Records one approval; with enough approvals the job is queued. The caller has already checked that this user
 * may approve (approval-policy.ts).
 */
function approve(job: Job, userId: string, now: Date): Job {
  assertAllowed(job, 'approve', now);
  const approval = job.approval ?? { required: 1, approvals: [], expiresAt: now.toISOString() };
  const given = { userId, at: now.toISOString(), digest: planDigest(job.plan) };
  const approvals = [...approval.approvals, given];
  const counted = approvalsOfPlan({ plan: job.plan, approval: { ...approval, approvals } }).length;
  const enough = counted >= approval.required;
  const detail = `${counted} of ${approval.required}`;
  return next(
    job,
    now,
    { event: enough ? 'approved' : 'approval-recorded', by: userId, detail },
    {
      approval: { ...approval, approvals },
      state: enough ? JobState.QUEUED : JobState.PENDING_APPROVAL,
    },
  );
}

function reject(job: Job, userId: string, now: Date, reason?: string): Job {
  assertAllowed(job, 'reject', now);
  return next(job, now, { event: 'rejected', by: userId, detail: reason }, { state: JobState.REJECTED });
}

function expire(job: Job, now: Date): Job {
  assertAllowed(job, 'expire', now);
  if (effectiveState(job, now) !== JobState.EXPIRED) throw new InvalidTransitionError(job.id, job.state, 'expired');
  return next(
    job,
    now,
    // The deadline alone: the job detail says it in the reader's language.
    { event: 'expired', detail: job.approval?.expiresAt },
    {
      state: JobState.EXPIRED,
    },
  );
}

/** Ends a job that has not started: nothing ran, so nothing needs stopping. */
function cancel(job: Job, userId: string, now: Date): Job {
  assertAllowed(job, 'cancel', now);
  const cancelRequest = { by: userId, at: now.toISOString(), stopJob: undefined };
  return next(job, now, { event: 'cancelled', by: userId }, { state: JobState.CANCELLED, cancelRequest });
}

/**
 * Records a cancel of a running job, which its worker (maybe in another process) acts on at its next safe point.
 * Asked twice, the first request stands.
 */
function requestCancel(job: Job, userId: string, now: Date): Job {
  assertAllowed(job, 'requestCancel', now);
  if (job.cancelRequest !== undefined)
    throw new InvalidTransitionError(job.id, 'already cancelling', 'asked to cancel');
  const cancelRequest = { by: userId, at: now.toISOString(), stopJob: undefined };
  return next(job, now, { event: 'cancel-requested', by: userId }, { cancelRequest });
}

/**
 * Ends a running job whose cancel was asked for, CANCELLED: the step under way is marked stopped, `detail` says
 * what the stop did (and kept), and `stopJob` is the index deletion that stops its restore, if one was needed.
 */
function stop(job: Job, now: Date, detail: string, stopJob?: string): Job {
  assertAllowed(job, 'stop', now);
  const { cancelRequest } = job;
  if (cancelRequest === undefined) throw new InvalidTransitionError(job.id, 'not asked to cancel', 'stopped');
  const current = job.steps.findIndex(isUnfinished);
  const steps = job.steps.map((step, index) =>
    index === current && step.status === 'running'
      ? { ...step, status: 'stopped' as const, endedAt: now.toISOString() }
      : step,
  );
  return next(
    job,
    now,
    { event: 'cancelled', by: cancelRequest.by, detail },
    { state: JobState.CANCELLED, steps, cancelRequest: { ...cancelRequest, stopJob }, outcomeTold: false },
  );
}

/** Whether a worker holds the job now; a lease that ran out means its worker died. */
function hasLiveLease(job: Job, now: Date): boolean {
  return job.lease !== undefined && Date.parse(job.lease.until) > now.getTime();
}

/**
 * Takes the job for one worker until `leaseMs` from now, under a `token` new to this claim. A running job can be
 * claimed again only when its lease has run out: its worker died (or lost touch with the table), and the next one
 * resumes at the step it left. The store writes a claim only if the stored lease has run out too (`JobStore.claim`):
 * renewals do not change the version, so the job as read may show a lease that has been renewed since.
 *
 * The history records what people care about: the start, and a take-over from a worker that stopped holding the
 * job. Picking up a job whose step gave its lease back to wait (every poller tick of a long snapshot) is routine:
 * the worker logs it, the history does not. No worker is recorded as `by`: workers are not people.
 */
function claim(job: Job, owner: string, now: Date, leaseMs: number, token: string): Job {
  assertAllowed(job, 'claim', now);
  if (hasLiveLease(job, now)) {
    throw new InvalidTransitionError(job.id, `${job.state} (leased by ${job.lease?.owner})`, 'claimed');
  }
  const lease = { owner, token, until: new Date(now.getTime() + leaseMs).toISOString() };
  const fields = { state: JobState.RUNNING, lease };
  if (job.state === JobState.QUEUED) return next(job, now, { event: 'started' }, fields);
  if (job.lease !== undefined) return next(job, now, { event: TAKEN_OVER }, fields);
  return { ...job, ...fields, version: job.version + 1, updatedAt: now.toISOString() };
}

/** The same hold, `leaseMs` from now: what a heartbeat or a fence writes. Not a history event, not a new version. */
function renewLease(lease: Lease, now: Date, leaseMs: number): Lease {
  return { ...lease, until: new Date(now.getTime() + leaseMs).toISOString() };
}

/** Replaces one step (its status, detail, progress) while the job runs; not a history event of its own. */
function updateStep(job: Job, position: number, step: JobStep, now: Date): Job {
  assertAllowed(job, 'progress', now);
  const steps = job.steps.map((existing, index) => (index === position ? step : existing));
  return { ...job, steps, version: job.version + 1, updatedAt: now.toISOString() };
}

/** Ends a running job, with the reason in its history; the worker keeps its lease until the ending is told. */
function finish(
  job: Job,
  state: typeof JobState.SUCCEEDED | typeof JobState.PARTIAL | typeof JobState.FAILED,
  now: Date,
  detail?: string,
): Job {
  assertAllowed(job, 'finish', now);
  return next(job, now, { event: state.toLowerCase(), detail }, { state, outcomeTold: false });
}

/**
 * Records something people were told about a running job without changing its state: a stall, a cluster that
 * stopped answering. Recorded once, so it is said once.
 */
function note(job: Job, event: 'stalled' | 'unreachable' | 'recovered', now: Date, detail: string): Job {
  assertAllowed(job, 'progress', now);
  return next(job, now, { event, detail }, {});
}

/**
 * Several transitions written at once: the result carries the version of one write on top of the job that was
 * read, so the store's condition (the version the caller read) holds.
 */
function asOneWrite(read: Job, changed: Job): Job {
  return { ...changed, version: read.version + 1 };
}

/** Gives up the lease without ending the job: it waits for the next tick (a snapshot or restore still running). */
function release(job: Job, now: Date): Job {
  assertAllowed(job, 'progress', now);
  return { ...job, lease: undefined, version: job.version + 1, updatedAt: now.toISOString() };
}

type ReplanInput = {
  /** The plan as it would be approved now. */
  plan: JobPlan;
  /** The step that found the changes, before it touched anything. */
  step: StepName;
  cluster: string;
  changes: readonly PlanChange[];
  /** Approvals the new plan needs, and when the request to approve it expires: the cluster's policy, as for a new one. */
  required: number;
  expiresAt: string;
};

/**
 * What the approval covered has changed: the job goes back to waiting for approval, on the plan as it is now.
 * The earlier approvals stay on record, bound to the digest they approved (stamped with it when they predate
 * digests), so they do not count for the new plan; the lease is given up, and the steps from the first
 * destructive one on start again.
 */
function replan(job: Job, input: ReplanInput, now: Date): Job {
  assertAllowed(job, 'replan', now);
  const approved = planDigest(job.plan);
  const approvals = (job.approval?.approvals ?? []).map((given) => ({ ...given, digest: given.digest ?? approved }));
  const detail = `${shortDigest(approved)} → ${shortDigest(planDigest(input.plan))}`;
  return next(
    job,
    now,
    { event: 'replanned', detail },
    {
      state: JobState.PENDING_APPROVAL,
      plan: input.plan,
      steps: replannedSteps(job.steps, input.plan),
      approval: { required: input.required, approvals, expiresAt: input.expiresAt },
      lease: undefined,
      replan: { at: now.toISOString(), step: input.step, cluster: input.cluster, changes: [...input.changes] },
    },
  );
}

export type { ReplanInput };
export {
  approve,
  asOneWrite,
  cancel,
  claim,
  effectiveState,
  expire,
  finish,
  hasLiveLease,
  note,
  reject,
  release,
  renewLease,
  replan,
  requestCancel,
  stop,
  TAKEN_OVER,
  updateStep,
};
