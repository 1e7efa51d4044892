import type { JobStep, Progress } from './job.js';

/** A change of at least this many points is worth a message update; smaller ones wait for the next. */
const NOTICEABLE_PERCENT = 5;

/** Whether a person would notice the change: the first reading, done, or a few percent more. */
function isNoticeable(previous: Progress | undefined, next: Progress): boolean {
  if (previous === undefined) return true;
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

/** Linear estimate from the step's own pace; undefined until there is some progress to go on. */
function estimateRemainingMs(step: JobStep, now: Date): number | undefined {
  const percent = step.progress?.percent ?? 0;
  if (step.startedAt === undefined || percent <= 0 || percent >= 100) return undefined;
  const elapsed = now.getTime() - Date.parse(step.startedAt);
  return (elapsed * (100 - percent)) / percent;
}

/** A running step whose work has not moved for `stallMinutes`. */
function isStalled(step: JobStep, now: Date, stallMinutes: number): boolean {
  const since = step.progressAt ?? step.startedAt;
  return step.status === 'running' && since !== undefined && now.getTime() - Date.parse(since) >= stallMinutes * 60_000;
}

export { estimateRemainingMs, hasMoved, isNoticeable, isStalled };
