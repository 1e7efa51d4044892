import { InvalidTransitionError } from '../errors.js';
import type { Job } from './job.js';
import { isFinal } from './job-states.js';
import { hasLiveLease } from './transitions.js';

/** An ended job whose ending nobody has told yet (its message, its thread, on-call). */
function awaitsTelling(job: Job): boolean {
  return isFinal(job.state) && job.outcomeTold === false;
}

/**
 * Takes an ended, untold job for one teller, the way a worker claims a job: a worker that ended it and still holds
 * its lease is telling it now, so it is taken only once that lease has run out.
 */
function takeTelling(job: Job, owner: string, now: Date, leaseMs: number, token: string): Job {
  if (!awaitsTelling(job) || hasLiveLease(job, now)) {
    throw new InvalidTransitionError(job.id, `${job.state} (being told by ${job.lease?.owner})`, 'taken to tell');
  }
  const lease = { owner, token, until: new Date(now.getTime() + leaseMs).toISOString() };
  return { ...job, lease, version: job.version + 1, updatedAt: now.toISOString() };
}

/** The ending has been shown and told: the job leaves the active ones and its lease goes. */
function told(job: Job, now: Date): Job {
  if (!awaitsTelling(job)) throw new InvalidTransitionError(job.id, job.state, 'told');
  return { ...job, outcomeTold: true, lease: undefined, version: job.version + 1, updatedAt: now.toISOString() };
}

export { awaitsTelling, takeTelling, told };
