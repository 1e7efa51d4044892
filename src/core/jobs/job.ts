import { z } from 'zod';
import { rename } from '../model/rename.js';
import { repositoryDefinition } from '../model/repository.js';
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

/** An index as the approver saw it: its exact name, with documents and size at request time. */
const plannedIndex = z.object({ index: z.string(), docsCount: count, storeBytes: count });

/** Source index in the snapshot → the index it becomes on the target cluster. */
const plannedRestore = z.object({ index: z.string(), target: z.string() });

const restoreFields = {
  restores: z.array(plannedRestore),
  rename: maybe(rename),
  /** Existing target indices deleted first (`replace`). */
  deletions: z.array(plannedIndex),
};

/**
 * What a job will do, resolved when it was requested: exact names only, never a pattern. Execution touches
 * exactly this, re-checked just before it runs.
 */
const jobPlan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(JobKind.REPO_REGISTER), cluster: z.string(), repository: repositoryDefinition }),
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
  }),
  z.object({ kind: z.literal(JobKind.INDEX_DELETE), cluster: z.string(), indices: z.array(plannedIndex) }),
  z.object({
    kind: z.literal(JobKind.RESTORE),
    cluster: z.string(),
    repository: z.string(),
    snapshot: z.string(),
    ...restoreFields,
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
  }),
]);

/** `partial`: finished with something missing (a PARTIAL snapshot); the job then ends PARTIAL. */
const stepStatus = z.enum(['pending', 'running', 'done', 'partial', 'failed']);

const progress = z.object({
  percent: z.number(),
  shardsDone: count,
  shardsTotal: count,
  bytesDone: count,
  bytesTotal: count,
});

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
});

/** One recorded transition: who did what, when and why. */
const jobEvent = z.object({ at: isoTime, event: z.string(), by: maybe(z.string()), detail: maybe(z.string()) });

const approval = z.object({ userId: z.string(), at: isoTime });

const approvalState = z.object({
  required: z.number().int().positive(),
  approvals: z.array(approval),
  /** ISO time after which the request can no longer be approved. */
  expiresAt: isoTime,
});

const lease = z.object({ owner: z.string(), until: isoTime });

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
  /** The job's message in the channel (approval, then progress); replies go in its thread. */
  messageTs: maybe(z.string()),
  approval: maybe(approvalState),
  history: z.array(jobEvent),
  lease: maybe(lease),
  createdAt: isoTime,
  updatedAt: isoTime,
});

type PlannedIndex = z.infer<typeof plannedIndex>;
type PlannedRestore = z.infer<typeof plannedRestore>;
type JobPlan = z.infer<typeof jobPlan>;
type StepStatus = z.infer<typeof stepStatus>;
type Progress = z.infer<typeof progress>;
type JobStep = z.infer<typeof jobStep>;
type JobEvent = z.infer<typeof jobEvent>;
type Approval = z.infer<typeof approval>;
type ApprovalState = z.infer<typeof approvalState>;
type Lease = z.infer<typeof lease>;
type Job = z.infer<typeof job>;

export type {
  Approval,
  ApprovalState,
  Job,
  JobEvent,
  JobPlan,
  JobStep,
  Lease,
  PlannedIndex,
  PlannedRestore,
  Progress,
  StepStatus,
};
export { job as jobSchema, StepName };
