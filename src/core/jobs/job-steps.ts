import { type JobPlan, type JobStep, StepName } from './job.js';
import { JobKind } from './job-states.js';

function step(name: JobStep['name'], cluster: string): JobStep {
  return {
    name,
    cluster,
    status: 'pending',
    startedAt: undefined,
    endedAt: undefined,
    detail: undefined,
    progress: undefined,
    progressAt: undefined,
  };
}

/** Not yet finished: pending, running or failed. A `partial` step is finished (with something missing). */
function isUnfinished(step: JobStep): boolean {
  return step.status !== 'done' && step.status !== 'partial';
}

/** The step a job is on: its first unfinished one, or undefined once every step is finished. */
function currentStep(job: { steps: readonly JobStep[] }): JobStep | undefined {
  return job.steps.find(isUnfinished);
}

/**
 * The steps of a plan, in order. Each step is safe to repeat, so a worker that dies mid-step is resumed at the
 * step it was on.
 */
function stepsFor(plan: JobPlan): JobStep[] {
  switch (plan.kind) {
    case JobKind.REPO_REGISTER:
      return [step(StepName.REGISTER_REPOSITORY, plan.cluster)];
    case JobKind.SNAPSHOT_CREATE:
      return [
        ...(plan.registerFirst === undefined ? [] : [step(StepName.REGISTER_REPOSITORY, plan.cluster)]),
        step(StepName.START_SNAPSHOT, plan.cluster),
        step(StepName.AWAIT_SNAPSHOT, plan.cluster),
      ];
    case JobKind.SNAPSHOT_DELETE:
      return [step(StepName.DELETE_SNAPSHOT, plan.cluster)];
    case JobKind.INDEX_DELETE:
      return [step(StepName.DELETE_INDICES, plan.cluster)];
    case JobKind.RESTORE:
      return [
        ...(plan.deletions.length > 0 ? [step(StepName.DELETE_INDICES, plan.cluster)] : []),
        step(StepName.START_RESTORE, plan.cluster),
        step(StepName.AWAIT_RESTORE, plan.cluster),
        ...(plan.snapshotSizes === undefined ? [] : [step(StepName.VERIFY_RESTORED_SIZES, plan.cluster)]),
      ];
    case JobKind.MIGRATE:
      return [
        step(StepName.REGISTER_REPOSITORY, plan.from),
        step(StepName.REGISTER_REPOSITORY, plan.to),
        step(StepName.START_SNAPSHOT, plan.from),
        step(StepName.AWAIT_SNAPSHOT, plan.from),
        ...(plan.deletions.length > 0 ? [step(StepName.DELETE_INDICES, plan.to)] : []),
        step(StepName.START_RESTORE, plan.to),
        step(StepName.AWAIT_RESTORE, plan.to),
        step(StepName.VERIFY_DOC_COUNTS, plan.to),
      ];
  }
}

export { currentStep, isUnfinished, stepsFor };
