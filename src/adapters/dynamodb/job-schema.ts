import { type Job, jobSchema } from '../../core/jobs/job.js';

/** The job map of an item: a Job without `id` and `version`, which are top-level attributes. */
type StoredJob = Omit<Job, 'id' | 'version'>;

/**
 * What a stored job must look like to be read back: the core's job schema without the top-level attributes. The
 * job-item test asserts the output type EQUALS StoredJob, so the two cannot drift apart.
 */
const storedJobSchema = jobSchema
  .omit({ id: true, version: true })
  // A Job carries its kind twice (kind, plan.kind); if they disagree, the item was written wrongly.
  .refine((job) => job.kind === job.plan.kind, { path: ['kind'], message: 'does not match plan.kind' });

export type { StoredJob };
export { storedJobSchema };
