import { describe, expect, it } from 'vitest';
import { JobConflictError, JobNotFoundError, NotAllowedError, UsageError } from '../../../src/core/errors.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import { buildRequestedJob } from '../../fixtures/plans.js';

describe('job errors', () => {
  it('a conflict carries the job as it is now', () => {
    const current = buildRequestedJob();

    const error = new JobConflictError(current);

    expect(error).toMatchObject({ code: 'job_conflict', name: 'JobConflictError', currentJob: current });
    expect(error.message).toBe('job job00001 was changed by someone else (now PENDING_APPROVAL, version 1)');
    expect(error.hint).toBe('Look at the job again: /es snapshot job job00001');
  });

  it('a missing job says how to find jobs', () => {
    expect(new JobNotFoundError('abc123')).toMatchObject({
      code: 'job_not_found',
      message: 'there is no job abc123',
      hint: expect.stringContaining('/es snapshot jobs'),
    });
  });

  it('a refusal says its reason and hint in the words given, English in the log', () => {
    const error = new NotAllowedError((words) => words.channelNotAllowed('prod', ['C0OPS']));

    expect(error).toMatchObject({
      code: 'not_allowed',
      name: 'NotAllowedError',
      message: 'cluster prod is not operated from this channel',
      hint: 'Use <#C0OPS>.',
    });
    expect(error.saidIn(catalogFor('ja')).text).toBe('クラスタ prod はこのチャンネルからは操作できません');
  });

  it("says itself in the reader's language, and in English in its message", () => {
    const error = new UsageError((words) => words.jobNotFound('abc123'));

    expect(error.message).toBe('there is no job abc123');
    expect(error.saidIn(catalogFor('ja')).text).toBe('ジョブ abc123 はありません');
  });
});
