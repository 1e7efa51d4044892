/** Where a job is in its life. Final states never change again. */
const JobState = {
  PENDING_APPROVAL: 'PENDING_APPROVAL',
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  PARTIAL: 'PARTIAL',
  FAILED: 'FAILED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELLED',
} as const;

type JobState = (typeof JobState)[keyof typeof JobState];

const FINAL_STATES: ReadonlySet<JobState> = new Set([
  JobState.SUCCEEDED,
  JobState.PARTIAL,
  JobState.FAILED,
  JobState.REJECTED,
  JobState.EXPIRED,
  JobState.CANCELLED,
]);

function isFinal(state: JobState): boolean {
  return FINAL_STATES.has(state);
}

const JobKind = {
  REPO_REGISTER: 'repo-register',
  SNAPSHOT_CREATE: 'snapshot-create',
  SNAPSHOT_DELETE: 'snapshot-delete',
  INDEX_DELETE: 'index-delete',
  RESTORE: 'restore',
  MIGRATE: 'migrate',
} as const;

type JobKind = (typeof JobKind)[keyof typeof JobKind];

export { isFinal, JobKind, JobState };
