import { describe, expect, it } from 'vitest';
import type { JobStep, Progress } from '../../../../src/core/jobs/job.js';
import { estimateRemainingMs, hasMoved, isNoticeable, isStalled } from '../../../../src/core/jobs/progress.js';
import { approve, claim, note } from '../../../../src/core/jobs/transitions.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW } from '../../../fixtures/plans.js';

const at = (percent: number, bytesDone = percent * 10): Progress => ({
  percent,
  shardsDone: 0,
  shardsTotal: 4,
  bytesDone,
  bytesTotal: 1000,
});

function runningStep(overrides: Partial<JobStep> = {}): JobStep {
  return {
    name: 'await-restore',
    cluster: 'b',
    status: 'running',
    startedAt: NOW.toISOString(),
    endedAt: undefined,
    detail: undefined,
    progress: at(25),
    progressAt: NOW.toISOString(),
    ...overrides,
  };
}

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('isNoticeable', () => {
  it.each([
    ['the first reading', undefined, at(1), true],
    ['a few percent more', at(10), at(15), true],
    ['a small step', at(10), at(12), false],
    ['reaching 100 %', at(98), at(100), true],
    ['staying at 100 %', at(100), at(100), false],
  ])('%s is noticeable: %s', (_case, previous, next, expected) => {
    expect(isNoticeable(previous, next)).toBe(expected);
  });
});

describe('hasMoved', () => {
  it('sees any work, however little', () => {
    expect(hasMoved(undefined, at(0))).toBe(true);
    expect(hasMoved(at(10, 100), at(10, 101))).toBe(true);
    expect(hasMoved(at(10, 100), at(10, 100))).toBe(false);
  });
});

describe('estimateRemainingMs', () => {
  it('extrapolates from the step pace', () => {
    expect(estimateRemainingMs(runningStep(), later(10))).toBe(30 * 60_000);
  });

  it.each([
    ['no progress yet', { progress: at(0) }],
    ['no reading', { progress: undefined }],
    ['done', { progress: at(100) }],
    ['not started', { startedAt: undefined }],
  ])('has no estimate with %s', (_case, overrides) => {
    expect(estimateRemainingMs(runningStep(overrides), later(10))).toBeUndefined();
  });
});

describe('isStalled', () => {
  it('is stalled when nothing moved for the configured time', () => {
    expect(isStalled(runningStep(), later(29), 30)).toBe(false);
    expect(isStalled(runningStep(), later(30), 30)).toBe(true);
  });

  it('counts from the start when there was never progress, and never for a finished step', () => {
    expect(isStalled(runningStep({ progressAt: undefined }), later(31), 30)).toBe(true);
    expect(isStalled(runningStep({ progressAt: undefined, startedAt: undefined }), later(31), 30)).toBe(false);
    expect(isStalled(runningStep({ status: 'done' }), later(31), 30)).toBe(false);
  });
});

describe('note', () => {
  it('records a warning on a running job without changing its state', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');

    const noted = note(running, 'stalled', later(40), 'await-restore on b');

    expect(noted).toMatchObject({ state: 'RUNNING', version: running.version + 1 });
    expect(noted.history.at(-1)).toMatchObject({ event: 'stalled', detail: 'await-restore on b' });
  });
});

describe('timing text', () => {
  it.each(['en', 'ja'] as const)('has an estimate or none in %s', (language) => {
    const catalog = catalogFor(language);

    expect(catalog.timing('3 m', '5 m')).toContain('5 m');
    expect(catalog.timing('3 m', undefined)).not.toContain('undefined');
  });
});
