import * as z from 'zod';
import type { Job } from '../../core/jobs/job.js';
import { isFinal } from '../../core/jobs/job-states.js';
import { awaitsTelling } from '../../core/jobs/outcome-telling.js';
import { MalformedJobItemError } from './errors.js';
import { storedJobSchema } from './job-schema.js';
import { ACTIVE_BUCKET, JobsTableAttribute, NO_TEAM } from './jobs-table.js';

/**
 * A job as one DynamoDB item (in the DocumentClient's plain-JavaScript form). What DynamoDB itself acts on is at
 * the top level: the key, the version the writes are conditional on, the index keys and the TTL. The job is one
 * nested map, so adding a field to `Job` needs no change here beyond the schema.
 *
 * ```
 * { id, version, created_at, requested_by, state, active_bucket?: 'active', expires_at?: <epoch s>, job: { kind, state, … } }
 * ```
 */
type JobItem = {
  [JobsTableAttribute.ID]: string;
  [JobsTableAttribute.VERSION]: number;
  [JobsTableAttribute.CREATED_AT]: string;
  [JobsTableAttribute.REQUESTED_BY]: string;
  [JobsTableAttribute.STATE]: Job['state'];
  [JobsTableAttribute.ACTIVE_BUCKET]?: typeof ACTIVE_BUCKET;
  [JobsTableAttribute.EXPIRES_AT]?: number;
  [JobsTableAttribute.FINISHED_TEAM]?: string;
  [JobsTableAttribute.ENDED_AT]?: string;
  [JobsTableAttribute.JOB]: Omit<Job, 'id' | 'version'>;
};

const SECONDS_PER_DAY = 86_400;

/**
 * The item for a job. A job still in flight, or ended but not yet told, carries `active_bucket`, which puts it in
 * the sparse `active-jobs` index; a final job carries `expires_at` instead: the time it ended (its last `updatedAt`)
 * plus the retention, in epoch seconds, as DynamoDB TTL requires, or nothing when the retention is 0 (kept for
 * good). Writes replace the whole item, so ending a job drops the bucket.
 */
function toJobItem(job: Job, retentionDays: number): JobItem {
  const { id, version, ...stored } = job;
  const item: JobItem = {
    id,
    version,
    created_at: job.createdAt,
    requested_by: job.requestedBy,
    state: job.state,
    job: stored,
  };
  if (isFinal(job.state) && !awaitsTelling(job)) {
    item.finished_team = job.team ?? NO_TEAM;
    item.ended_at = job.updatedAt;
    if (retentionDays > 0) {
      item.expires_at = Math.floor(Date.parse(job.updatedAt) / 1000) + retentionDays * SECONDS_PER_DAY;
    }
  } else {
    item.active_bucket = ACTIVE_BUCKET;
  }
  return item;
}

/** The attributes a job is read from; the index and TTL copies are derived, so they are not read back. */
const readableItem = z.object({
  [JobsTableAttribute.ID]: z.string().min(1),
  [JobsTableAttribute.VERSION]: z.number().int().positive(),
  [JobsTableAttribute.JOB]: storedJobSchema,
});

/** Reads an item back, checking every field; a bad item throws MalformedJobItemError naming the job and fields. */
function fromJobItem(item: Record<string, unknown>): Job {
  const parsed = readableItem.safeParse(item);
  if (parsed.success) {
    const { id, version, job } = parsed.data;
    return { id, version, ...job };
  }
  const rawId = item[JobsTableAttribute.ID];
  const jobId = typeof rawId === 'string' ? rawId : '(without an id)';
  const fields = parsed.error.issues.map((issue) => issue.path.map(String).join('.'));
  const reasons = parsed.error.issues.map((issue, index) => `${fields[index]}: ${issue.message}`).join('; ');
  throw new MalformedJobItemError(jobId, fields, reasons, { cause: parsed.error });
}

export type { JobItem };
export { fromJobItem, toJobItem };
