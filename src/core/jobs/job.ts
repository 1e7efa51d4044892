import * as z from 'zod';
import { clusterEngine, repositorySummary } from '../model/cluster-info.js';
import { LeftOutReason } from '../model/left-out.js';
import { planChange } from '../model/plan-change.js';
import { rename } from '../model/rename.js';
import { repositoryDefinition } from '../model/repository.js';
import { preflightFinding } from '../preflight/preflight-findings.js';
import { JobKind, JobState } from './job-states.js';

const StepName = {
  REGISTER_REPOSITORY: 'register-repository',
  START_SNAPSHOT: 'start-snapshot',
  AWAIT_SNAPSHOT: 'await-snapshot',
  DELETE_SNAPSHOT: 'delete-snapshot',
  DELETE_INDICES: 'delete-indices',
  START_RESTORE: 'start-restore',
  AWAIT_RESTORE: 'await-restore',
  VERIFY_DOC_COUNTS: 'verify-doc-counts',
  /** A restore's copies against the snapshot's own statistics (bytes per index), recorded when it was planned. */
  VERIFY_RESTORED_SIZES: 'verify-restored-sizes',
} as const;

type StepName = (typeof StepName)[keyof typeof StepName];

/**
 * A field that may be absent. DynamoDB has no `undefined`, so a stored job simply lacks the attribute; reading gives
 * `undefined` and keeps the key required in the type, so that code building a job has to say every field.
 */
function maybe<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((value) => value);
}

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

/**
 * An index as the approver saw it: its exact name, with documents and size at request time, and its UUID, which
 * tells it from an index deleted and created again under the same name (absent in jobs planned before UUIDs).
 */
const plannedIndex = z.object({ index: z.string(), docsCount: count, storeBytes: count, uuid: maybe(z.string()) });

/** The request's own `indices=` patterns, so that a re-check can tell when they reach other names now. */
const requestedPatterns = maybe(z.array(z.string()));

/** The UUID of the snapshot as planned: a snapshot deleted and taken again under its name is another one. */
const snapshotUuid = maybe(z.string());

/** Source index in the snapshot → the index it becomes on the target cluster. */
const plannedRestore = z.object({ index: z.string(), target: z.string() });

/** An index the request reached that the plan leaves out, with why (and the pattern that matched it). */
const leftOutIndex = z.object({ index: z.string(), reason: z.enum(LeftOutReason), pattern: maybe(z.string()) });

const restoreFields = {
  restores: z.array(plannedRestore),
  rename: maybe(rename),
  /** Existing target indices deleted first (`replace`). */
  deletions: z.array(plannedIndex),
  // Jobs stored before left-out lists existed left nothing out: they refused system indices instead.
  leftOut: z.array(leftOutIndex).default([]),
  /** Whether `replace` was asked for: a target taken after approval is then deleted too, once re-approved. */
  replace: maybe(z.boolean()),
  patterns: requestedPatterns,
};

/** What the preflight found before the approval message; absent on plans stored before it existed. */
const preflightFields = {
  preflight: maybe(z.array(preflightFinding)),
  /** `master_timeout` the restore request carries when the default 30 s is too short for its indices. */
  masterTimeout: maybe(z.string()),
  /** Each cluster's engine and version as the preflight read them, the source first: the approver sees them. */
  engines: maybe(z.array(clusterEngine)),
};

/**
 * What a job will do, resolved when it was requested: exact names only, never a pattern. Execution touches
 * exactly this, re-checked just before it runs.
 */
const jobPlan = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal(JobKind.REPO_REGISTER),
    cluster: z.string(),
    repository: repositoryDefinition,
    /**
     * The repository of that name as the cluster had it when planned, when its type or settings differ: the
     * registration replaces it (a `PUT _snapshot` is an upsert), so it waits for approval.
     */
    replaces: maybe(repositorySummary),
  }),
  z.object({
    kind: z.literal(JobKind.SNAPSHOT_CREATE),
    cluster: z.string(),
    repository: z.string(),
    snapshot: z.string(),
    indices: z.array(plannedIndex),
    includeGlobalState: z.boolean(),
    // Jobs stored before `partial=` existed lack it: they were all taken without.
    partial: z.boolean().default(false),
    /** The cluster's configured default repository, registered (or updated) before the snapshot starts. */
    registerFirst: maybe(repositoryDefinition),
  }),
  z.object({
    kind: z.literal(JobKind.SNAPSHOT_DELETE),
    cluster: z.string(),
    repository: z.string(),
    snapshot: z.string(),
    snapshotUuid,
  }),
  z.object({
    kind: z.literal(JobKind.INDEX_DELETE),
    cluster: z.string(),
    indices: z.array(plannedIndex),
    patterns: requestedPatterns,
    // Hidden indices a wildcard reached and that are not deleted; jobs stored before the list existed had none.
    leftOut: z.array(leftOutIndex).default([]),
  }),
  z.object({
    kind: z.literal(JobKind.RESTORE),
    cluster: z.string(),
    repository: z.string(),
    snapshot: z.string(),
    snapshotUuid,
    ...restoreFields,
    ...preflightFields,
    /**
     * What the snapshot holds of each restored index (`_status`, read at plan time): the restored copies must hold
     * the same. Absent on restores planned before it was recorded.
     */
    snapshotSizes: maybe(z.array(z.object({ index: z.string(), bytes: count }))),
  }),
  z.object({
    kind: z.literal(JobKind.MIGRATE),
    from: z.string(),
    to: z.string(),
    repository: repositoryDefinition,
    snapshot: z.string(),
    indices: z.array(plannedIndex),
    ...restoreFields,
    ...preflightFields,
  }),
]);

/**
 * `partial`: finished with something missing (a PARTIAL snapshot); the job then ends PARTIAL. `stopped`: the step
 * was under way when a cancel stopped the job.
 */
const stepStatus = z.enum(['pending', 'running', 'done', 'partial', 'failed', 'stopped']);

const progress = z.object({
  percent: z.number(),
  shardsDone: count,
  shardsTotal: count,
  bytesDone: count,
  bytesTotal: count,
  /**
   * Whether the counts are the work's own totals: a snapshot's shards still initializing, or a restore's targets
   * not all recovering yet, report totals that are not the work's (`0 B of 401 B`). Readings stored before this
   * was recorded are taken as known.
   */
  totalsKnown: z.boolean().default(true),
});

/** One reading of a step's percentage, and when it was taken. */
const reading = z.object({ at: isoTime, percent: z.number() });

/** The readings the estimate goes by: the recent rate, from `from` to `to` (see `nextPace`). */
const pace = z.object({ from: reading, to: reading });

const jobStep = z.object({
  name: z.enum(StepName),
  cluster: z.string(),
  status: stepStatus,
  startedAt: maybe(isoTime),
  endedAt: maybe(isoTime),
  /** What the step found or did, in words: shown in `job <id>` and the thread. */
  detail: maybe(z.string()),
  progress: maybe(progress),
  /** When the step's work last moved: a step that has not moved for a while is reported as stalled. */
  progressAt: maybe(isoTime),
  /** The recent rate of the step's work; absent until it is known, so that the estimate says it is estimating. */
  pace: maybe(pace),
});

/** One recorded transition: who did what, when and why. */
const jobEvent = z.object({ at: isoTime, event: z.string(), by: maybe(z.string()), detail: maybe(z.string()) });

/** One approval, of the plan whose digest it records (absent in approvals given before plans had digests). */
const approval = z.object({ userId: z.string(), at: isoTime, digest: maybe(z.string()) });

/** Why a job went back to approval: what changed, found just before `step`. */
const replan = z.object({ at: isoTime, step: z.enum(StepName), cluster: z.string(), changes: z.array(planChange) });

const approvalState = z.object({
  required: z.number().int().positive(),
  approvals: z.array(approval),
  /** ISO time after which the request can no longer be approved. */
  expiresAt: isoTime,
});

/**
 * A worker's hold on a running job. `token` is new at every claim, so a worker can prove that the hold it renews
 * (or acts under) is still its own and not a later claim by another worker of the same id; jobs claimed before
 * tokens existed have none, and no worker can renew those.
 */
const lease = z.object({ owner: z.string(), token: maybe(z.string()), until: isoTime });

/**
 * Someone asked to cancel the job: who and when. A running job stops at its next safe point (before a step, or
 * where it waits); `stopJob` is the index deletion that stops its restore, a job of its own with its own approval.
 */
const cancelRequest = z.object({ by: z.string(), at: isoTime, stopJob: maybe(z.string()) });

/**
 * A job, as every layer sees it. Unknown fields are dropped rather than refused when one is read back, so that an
 * older reader survives a newer writer.
 */
const job = z.object({
  id: z.string(),
  kind: z.enum(JobKind),
  state: z.enum(JobState),
  /** Incremented on every write; every write is conditional on the version it read. */
  version: z.number().int().nonnegative(),
  plan: jobPlan,
  steps: z.array(jobStep),
  requestedBy: z.string(),
  /** The command as typed, for echo lines and audit. */
  requestText: z.string(),
  channel: z.string(),
  /** The Slack workspace the request came from; its buttons act only there. Absent on jobs stored before it was. */
  team: maybe(z.string()),
  /** The job's message in the channel (approval, then progress); replies go in its thread. */
  messageTs: maybe(z.string()),
  approval: maybe(approvalState),
  history: z.array(jobEvent),
  lease: maybe(lease),
  cancelRequest: maybe(cancelRequest),
  /**
   * `false` from the write that ends the job until its ending has been shown on its message and told in its thread
   * and to on-call: a worker that dies in between leaves it for the poller to tell. Jobs ended before it was
   * recorded were told.
   */
  outcomeTold: maybe(z.boolean()),
  /** The last time the plan changed after approval, and why; the message shows it while approval is asked again. */
  replan: maybe(replan),
  createdAt: isoTime,
  updatedAt: isoTime,
});

type LeftOutIndex = z.infer<typeof leftOutIndex>;
type PlannedIndex = z.infer<typeof plannedIndex>;
type PlannedRestore = z.infer<typeof plannedRestore>;
type JobPlan = z.infer<typeof jobPlan>;
type StepStatus = z.infer<typeof stepStatus>;
type Progress = z.infer<typeof progress>;
type Pace = z.infer<typeof pace>;
type Reading = z.infer<typeof reading>;
type JobStep = z.infer<typeof jobStep>;
type JobEvent = z.infer<typeof jobEvent>;
type Approval = z.infer<typeof approval>;
type ApprovalState = z.infer<typeof approvalState>;
type Lease = z.infer<typeof lease>;
type CancelRequest = z.infer<typeof cancelRequest>;
type Replan = z.infer<typeof replan>;
type Job = z.infer<typeof job>;

export type {
  Approval,
  ApprovalState,
  CancelRequest,
  Job,
  JobEvent,
  JobPlan,
  JobStep,
  Lease,
  LeftOutIndex,
  Pace,
  PlannedIndex,
  PlannedRestore,
  Progress,
  Reading,
  Replan,
  StepStatus,
};
export { job as jobSchema, StepName };
