import type { JobStep, Pace, Progress, Reading } from './job.js';

/** A change of at least this many points is worth a message update; smaller ones wait for the next. */
const NOTICEABLE_PERCENT = 5;

/** How far back the rate looks: long enough to smooth one reading's jitter, short enough to follow a change of pace. */
const RATE_WINDOW_MS = 3 * 60_000;

/**
 * Two readings further apart than this are on either side of an outage (the cluster or the poller did not answer):
 * the rate over the gap says nothing about the rate now, so the estimate starts again.
 */
const OUTAGE_GAP_MS = 5 * 60_000;

/**
 * Whether a person would notice the change: the first reading, the totals becoming known, the work starting to
 * move, done, or a few percent more.
 */
function isNoticeable(previous: Progress | undefined, next: Progress): boolean {
  if (previous === undefined || previous.totalsKnown !== next.totalsKnown) return true;
  if (previous.percent === 0 && next.percent > 0) return true;
  if (next.percent >= 100 && previous.percent < 100) return true;
  return Math.abs(next.percent - previous.percent) >= NOTICEABLE_PERCENT;
}

/** Whether any work happened between two readings, however little: what stall detection looks at. */
function hasMoved(previous: Progress | undefined, next: Progress): boolean {
  return (
    previous === undefined ||
    next.bytesDone !== previous.bytesDone ||
    next.shardsDone !== previous.shardsDone ||
    next.percent !== previous.percent
  );
}

function apart(earlier: Reading, later: Reading): number {
  return Date.parse(later.at) - Date.parse(earlier.at);
}

/**
 * The pace after one more reading. The window's start moves up to the previous reading once it is older than
 * {@link RATE_WINDOW_MS}, so the rate is the recent one; a reading after an outage, a percentage that went back or
 * totals not known yet start again from this reading alone, with no rate until the next.
 */
function nextPace(pace: Pace | undefined, progress: Progress, now: Date): Pace | undefined {
  if (!progress.totalsKnown) return undefined;
  const reading = { at: now.toISOString(), percent: progress.percent };
  if (pace === undefined || apart(pace.to, reading) > OUTAGE_GAP_MS || reading.percent < pace.to.percent) {
    return { from: reading, to: reading };
  }
  const from = apart(pace.from, reading) > RATE_WINDOW_MS ? pace.to : pace.from;
  return { from, to: reading };
}

/**
 * Time left at the recent rate (see {@link nextPace}), counted from now; undefined while there is no rate to go
 * on: the totals are not known yet, the work has not moved within the window, it is overdue, or it is done.
 */
function estimateRemainingMs(step: JobStep, now: Date): number | undefined {
  const { pace } = step;
  if (pace === undefined || pace.to.percent >= 100) return undefined;
  const moved = pace.to.percent - pace.from.percent;
  const took = apart(pace.from, pace.to);
  if (moved <= 0 || took <= 0) return undefined;
  const sinceReading = now.getTime() - Date.parse(pace.to.at);
  const left = (took * (100 - pace.to.percent)) / moved - sinceReading;
  // Past its own estimate the work is slower than it was: there is nothing true to say until the next reading.
  return left > 0 ? left : undefined;
}

/** A running step whose work has not moved for `stallMinutes`. */
function isStalled(step: JobStep, now: Date, stallMinutes: number): boolean {
  const since = step.progressAt ?? step.startedAt;
  return step.status === 'running' && since !== undefined && now.getTime() - Date.parse(since) >= stallMinutes * 60_000;
}

export { estimateRemainingMs, hasMoved, isNoticeable, isStalled, nextPace };
