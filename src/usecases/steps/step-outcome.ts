import type { Progress } from '../../core/jobs/job.js';
import type { PlanChange } from '../../core/model/plan-change.js';
import type { ClusterNow } from '../../core/plans/plan-check.js';

/**
 * What running a step once found: `done` moves on; `waiting` keeps the step for the next tick (the cluster is
 * still working); `failed` ends the job. `partial` marks a step that finished with something missing (a PARTIAL
 * snapshot), so the job ends PARTIAL rather than SUCCEEDED.
 */
type StepOutcome =
  | { status: 'done'; detail: string; partial?: boolean }
  | { status: 'waiting'; detail?: string; progress?: Progress }
  | { status: 'failed'; detail: string };

/** A destructive step that did not run: what it touches is no longer what was approved (`now` is what it read). */
type PlanChanged = { status: 'changed'; changes: PlanChange[]; now: ClusterNow };

export type { PlanChanged, StepOutcome };
