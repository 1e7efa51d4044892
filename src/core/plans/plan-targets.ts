import type { JobPlan, PlannedIndex, PlannedRestore } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { RepositoryDefinition } from '../model/repository.js';
import { PlanMismatchError } from './errors.js';

/** What the snapshot steps of a plan work on. */
function snapshotOf(plan: JobPlan): {
  repository: string;
  snapshot: string;
  indices: PlannedIndex[];
  global: boolean;
  partial: boolean;
} {
  if (plan.kind === JobKind.SNAPSHOT_CREATE) {
    return {
      repository: plan.repository,
      snapshot: plan.snapshot,
      indices: plan.indices,
      global: plan.includeGlobalState,
      partial: plan.partial,
    };
  }
  if (plan.kind === JobKind.MIGRATE) {
    return {
      repository: plan.repository.name,
      snapshot: plan.snapshot,
      indices: plan.indices,
      global: false,
      partial: false,
    };
  }
  if (plan.kind === JobKind.SNAPSHOT_DELETE || plan.kind === JobKind.RESTORE) {
    return { repository: plan.repository, snapshot: plan.snapshot, indices: [], global: false, partial: false };
  }
  throw new PlanMismatchError(plan.kind, 'snapshot');
}

function deletionsOf(plan: JobPlan): PlannedIndex[] {
  if (plan.kind === JobKind.INDEX_DELETE) return plan.indices;
  if (plan.kind === JobKind.RESTORE || plan.kind === JobKind.MIGRATE) return plan.deletions;
  throw new PlanMismatchError(plan.kind, 'deletions');
}

function restoresOf(plan: JobPlan): {
  restores: PlannedRestore[];
  rename: { pattern: string; replacement: string } | undefined;
} {
  if (plan.kind === JobKind.RESTORE || plan.kind === JobKind.MIGRATE)
    return { restores: plan.restores, rename: plan.rename };
  throw new PlanMismatchError(plan.kind, 'restores');
}

/**
 * The repository a registration step registers on `cluster`. In a migration the target gets it read-only: only
 * one cluster should ever write to a repository.
 */
function repositoryFor(plan: JobPlan, cluster: string): RepositoryDefinition {
  if (plan.kind === JobKind.REPO_REGISTER) return plan.repository;
  if (plan.kind === JobKind.SNAPSHOT_CREATE && plan.registerFirst !== undefined) return plan.registerFirst;
  if (plan.kind === JobKind.MIGRATE) {
    const { repository } = plan;
    if (cluster === plan.from) return repository;
    return { ...repository, settings: { ...repository.settings, readonly: true } } as RepositoryDefinition;
  }
  throw new PlanMismatchError(plan.kind, 'repository');
}

export { deletionsOf, repositoryFor, restoresOf, snapshotOf };
