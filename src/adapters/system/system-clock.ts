import type { Clock } from '../../ports/clock.js';

const systemClock: Clock = { now: () => new Date() };

export { systemClock };
