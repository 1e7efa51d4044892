import { z } from 'zod';
import { type Job, StepName } from '../../core/jobs/job.js';
import { JobKind, JobState } from '../../core/jobs/job-states.js';
import { rename } from '../../core/model/rename.js';
import { repositoryDefinition as repository } from '../../core/model/repository.js';

/**
 * What a stored job must look like to be read back. Undefined fields are not stored (DynamoDB has no
 * `undefined`), so `maybe` accepts a missing attribute and gives `undefined`, keeping the key required in the
 * type, as in `Job`. Unknown attributes are dropped rather than refused, so an older reader survives a newer writer.
 */
function maybe<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((value) => value);
}

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

const plannedIndex = z.object({ index: z.string(), docsCount: count, storeBytes: count });
const plannedRestore = z.object({ index: z.string(), target: z.string() });
const restoreFields = {
  restores: z.array(plannedRestore),
  rename: maybe(rename),
  deletions: z.array(plannedIndex),
};

const plan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(JobKind.REPO_REGISTER), cluster: z.string(), repository }),
  z.object({
    kind: z.literal(JobKind.SNAPSHOT_CREATE),
    cluster: z.string(),
    repository: z.string(),
    snapshot: z.string(),
    indices: z.array(plannedIndex),
    includeGlobalState: z.boolean(),
    partial: z.boolean().default(false),
    registerFirst: maybe(repository),
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
  }),
  z.object({
    kind: z.literal(JobKind.MIGRATE),
    from: z.string(),
    to: z.string(),
    repository,
    snapshot: z.string(),
    indices: z.array(plannedIndex),
    ...restoreFields,
  }),
]);

const step = z.object({
  name: z.enum(StepName),
  cluster: z.string(),
  status: z.enum(['pending', 'running', 'done', 'partial', 'failed']),
  startedAt: maybe(isoTime),
  endedAt: maybe(isoTime),
  detail: maybe(z.string()),
  progress: maybe(
    z.object({ percent: z.number(), shardsDone: count, shardsTotal: count, bytesDone: count, bytesTotal: count }),
  ),
  progressAt: maybe(isoTime),
});

const approval = z.object({
  required: z.number().int().positive(),
  approvals: z.array(z.object({ userId: z.string(), at: isoTime })),
  expiresAt: isoTime,
});

/** The job map of an item: a Job without `id` and `version`, which are top-level attributes. */
type StoredJob = Omit<Job, 'id' | 'version'>;

/**
 * Not annotated as `z.ZodType<StoredJob>`, which checks one direction only: the job-item test asserts the output
 * type EQUALS StoredJob, so a field or a union member added to Job but not here fails the typecheck.
 */
const storedJobSchema = z
  .object({
    kind: z.enum(JobKind),
    state: z.enum(JobState),
    plan,
    steps: z.array(step),
    requestedBy: z.string(),
    requestText: z.string(),
    channel: z.string(),
    messageTs: maybe(z.string()),
    approval: maybe(approval),
    history: z.array(z.object({ at: isoTime, event: z.string(), by: maybe(z.string()), detail: maybe(z.string()) })),
    lease: maybe(z.object({ owner: z.string(), until: isoTime })),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  // A Job carries its kind twice (kind, plan.kind); if they disagree, the item was written wrongly.
  .refine((job) => job.kind === job.plan.kind, { path: ['kind'], message: 'does not match plan.kind' });

export type { StoredJob };
export { storedJobSchema };
