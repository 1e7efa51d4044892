import { describe, expect, it } from 'vitest';
import { toJobItem } from '../../../../src/adapters/dynamodb/job-item.js';
import { DEFAULT_RETENTION_DAYS } from '../../../../src/adapters/dynamodb/jobs-table.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { buildJob } from '../../../fixtures/job.js';

const ENDED_AT = '2026-11-24T10:00:00.000Z';
const ENDED_AT_SECONDS = Date.parse(ENDED_AT) / 1000;

// A finished job is the audit trail of who asked and who approved: kept a year unless the stage says otherwise.
describe('how long a finished job is kept', () => {
  it('is a year by default', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(365);
  });

  it('expires a finished job the retention after it ended', () => {
    const item = toJobItem(buildJob({ state: JobState.SUCCEEDED, updatedAt: ENDED_AT }), DEFAULT_RETENTION_DAYS);

    expect(item.expires_at).toBe(ENDED_AT_SECONDS + 365 * 86_400);
  });

  it.each([JobState.SUCCEEDED, JobState.REJECTED, JobState.CANCELLED])(
    'keeps a %s job for good when the retention is 0: no expiry, and still out of the active bucket',
    (state) => {
      const item = toJobItem(buildJob({ state, updatedAt: ENDED_AT }), 0);

      expect(item).not.toHaveProperty('expires_at');
      expect(item).not.toHaveProperty('active_bucket');
    },
  );

  it('keeps a job in flight in the active bucket, whatever the retention', () => {
    const item = toJobItem(buildJob({ state: JobState.RUNNING }), 0);

    expect(item).toMatchObject({ active_bucket: 'active' });
    expect(item).not.toHaveProperty('expires_at');
  });
});
