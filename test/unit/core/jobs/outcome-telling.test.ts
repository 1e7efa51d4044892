import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../../src/core/errors.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { awaitsTelling, takeTelling, told } from '../../../../src/core/jobs/outcome-telling.js';
import { approve, claim, finish } from '../../../../src/core/jobs/transitions.js';
import { buildRequestedJob, NOW } from '../../../fixtures/plans.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const LEASE_MS = 120_000;

/** Given a job its worker ended at minute 3 and did not live to tell. */
function endedUntold() {
  const running = claim(
    approve(buildRequestedJob(), 'U0APPROVER', later(1)),
    'worker-1',
    later(2),
    LEASE_MS,
    'token-1',
  );
  return finish(running, JobState.SUCCEEDED, later(3), 'all steps done');
}

describe('an ending not yet told', () => {
  it('awaits telling; a job still running, or told, or ended before the flag existed does not', () => {
    const ended = endedUntold();

    expect(awaitsTelling(ended)).toBe(true);
    expect(awaitsTelling(told(ended, later(3)))).toBe(false);
    expect(awaitsTelling({ ...ended, outcomeTold: undefined })).toBe(false);
    expect(awaitsTelling(buildRequestedJob())).toBe(false);
  });

  it('is left to the worker that ended it while its lease lasts, then taken by another teller', () => {
    const ended = endedUntold();

    expect(() => takeTelling(ended, 'poller-1', later(3.5), LEASE_MS, 'token-2')).toThrowError(InvalidTransitionError);
    const taken = takeTelling(ended, 'poller-1', later(4), LEASE_MS, 'token-2');

    expect(taken).toMatchObject({
      state: JobState.SUCCEEDED,
      lease: { owner: 'poller-1', token: 'token-2', until: later(6).toISOString() },
      version: ended.version + 1,
    });
  });

  it('once told, gives up its lease and cannot be told or taken again', () => {
    const done = told(endedUntold(), later(3));

    expect(done).toMatchObject({ outcomeTold: true, lease: undefined });
    expect(() => told(done, later(4))).toThrowError(InvalidTransitionError);
    expect(() => takeTelling(done, 'poller-1', later(9), LEASE_MS, 'token-3')).toThrowError(InvalidTransitionError);
  });
});
