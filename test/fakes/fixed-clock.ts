import type { Clock } from '../../src/ports/clock.js';

/** A clock that only moves when the test says so. */
function createFixedClock(start: Date): Clock & { advance(milliseconds: number): void; set(date: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

export { createFixedClock };
