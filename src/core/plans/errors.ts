import { BotError } from '../errors.js';
import type { PlanPart } from '../words/plan-words.js';

/** A step asked its plan for something the plan's kind does not have: the job was built or stored wrongly. */
class PlanMismatchError extends BotError {
  constructor(
    readonly jobKind: string,
    readonly part: PlanPart,
  ) {
    super('plan_mismatch', (words) => words.planLacks(jobKind, part));
    this.name = 'PlanMismatchError';
  }
}

export { PlanMismatchError };
