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
    pace: undefined,
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

/** The steps that delete or overwrite: each is re-checked against the approved plan just before it runs. */
const DESTRUCTIVE_STEPS: ReadonlySet<StepName> = new Set([
  StepName.DELETE_INDICES,
  StepName.START_RESTORE,
  StepName.DELETE_SNAPSHOT,
]);

function isDestructive(name: StepName): boolean {
  return DESTRUCTIVE_STEPS.has(name);
}

/**
 * The steps of a plan that changed after approval. What was done before the first destructive step (a
 * migration's registrations and its snapshot) stays done; from that step on, everything runs again on the new
 * plan, so that a target that came back after `replace` deleted it is deleted again, once re-approved.
 */
function replannedSteps(before: readonly JobStep[], plan: JobPlan): JobStep[] {
  const fresh = stepsFor(plan);
  const firstDestructive = fresh.findIndex((step) => isDestructive(step.name));
  return fresh.map((step, position) => {
    const kept = before[position];
    const safe = position < firstDestructive && kept?.name === step.name && kept.cluster === step.cluster;
    return safe ? kept : step;
  });
}

export { currentStep, isDestructive, isUnfinished, replannedSteps, stepsFor };
