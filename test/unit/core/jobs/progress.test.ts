import { describe, expect, it } from 'vitest';
import type { JobStep, Progress } from '../../../../src/core/jobs/job.js';
import {
  estimateRemainingMs,
  hasMoved,
  isNoticeable,
  isStalled,
  nextPace,
} from '../../../../src/core/jobs/progress.js';
import { approve, claim, note } from '../../../../src/core/jobs/transitions.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW } from '../../../fixtures/plans.js';

const at = (percent: number, bytesDone = percent * 10): Progress => ({
  percent,
  shardsDone: 0,
  shardsTotal: 4,
  bytesDone,
  bytesTotal: 1000,
  totalsKnown: true,
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
    pace: undefined,
    ...overrides,
  };
}

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('isNoticeable', () => {
  it.each([
    ['the first reading', undefined, at(1), true],
    ['a few percent more', at(10), at(15), true],
    ['a small step', at(10), at(12), false],
    ['the work starting to move', at(0), at(1), true],
    ['the totals becoming known', { ...at(0), totalsKnown: false }, at(0), true],
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

/** The pace after readings of `percent` at each `minute`. */
function paceOf(readings: ReadonlyArray<readonly [minute: number, percent: number]>, totalsKnown = true) {
  return readings.reduce<JobStep['pace']>(
    (pace, [minute, percent]) => nextPace(pace, { ...at(percent), totalsKnown }, later(minute)),
    undefined,
  );
}

describe('nextPace', () => {
  it('keeps a window of about three minutes of readings, so that the rate is the recent one', () => {
    expect(paceOf([[0, 10]])).toEqual({
      from: { at: later(0).toISOString(), percent: 10 },
      to: { at: later(0).toISOString(), percent: 10 },
    });
    expect(
      paceOf([
        [0, 10],
        [1, 12],
        [2, 14],
        [3, 16],
      ])?.from.percent,
    ).toBe(10);
    expect(
      paceOf([
        [0, 10],
        [1, 12],
        [2, 14],
        [3, 16],
        [4, 30],
      ]),
    ).toEqual({
      from: { at: later(3).toISOString(), percent: 16 },
      to: { at: later(4).toISOString(), percent: 30 },
    });
  });

  it.each([
    [
      'after an outage',
      [
        [0, 10],
        [1, 12],
        [20, 90],
      ] as const,
      90,
    ],
    [
      'when the percentage goes back',
      [
        [0, 10],
        [1, 12],
        [2, 5],
      ] as const,
      5,
    ],
  ])('starts again from the reading alone %s', (_case, readings, percent) => {
    const pace = paceOf(readings);
    expect(pace?.from).toEqual(pace?.to);
    expect(pace?.to.percent).toBe(percent);
  });

  it('has no pace while the totals are not known', () => {
    expect(
      paceOf(
        [
          [0, 0],
          [1, 0],
        ],
        false,
      ),
    ).toBeUndefined();
  });
});

describe('estimateRemainingMs', () => {
  it('goes by the recent rate, counted from now', () => {
    // 10 points in 2 minutes: 50 points left take 10 minutes from the last reading, half a minute ago.
    const pace = paceOf([
      [0, 40],
      [2, 50],
    ]);
    expect(estimateRemainingMs(runningStep({ pace }), new Date(later(2).getTime() + 30_000))).toBe(9.5 * 60_000);
  });

  it('is not the average over an outage: a job nearly done after one is estimated again from its new rate', () => {
    const outage = paceOf([
      [0, 10],
      [1, 11],
      [15, 95],
    ]);
    expect(estimateRemainingMs(runningStep({ pace: outage }), later(15))).toBeUndefined();
    const after = paceOf([
      [0, 10],
      [1, 11],
      [15, 95],
      [16, 97],
    ]);
    expect(estimateRemainingMs(runningStep({ pace: after }), later(16))).toBe(1.5 * 60_000);
  });

  it.each([
    ['no pace yet', undefined],
    ['a single reading', paceOf([[0, 10]])],
    [
      'no move within the window',
      paceOf([
        [0, 10],
        [1, 10],
      ]),
    ],
    [
      'done',
      paceOf([
        [0, 90],
        [1, 100],
      ]),
    ],
    [
      'the estimate run out',
      paceOf([
        [0, 10],
        [1, 90],
      ]),
    ],
  ])('says nothing (estimating) with %s', (_case, pace) => {
    expect(estimateRemainingMs(runningStep({ pace }), later(3))).toBeUndefined();
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
