import type { JobPlan } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { RepositoryDefinition } from '../model/repository.js';
import { validateSnapshotName } from '../safety/resource-names.js';
import { plannedIndices, type ResolvedIndices } from './planned-index.js';
import { chooseRepository } from './repository-choice.js';

type SnapshotCreateInput = {
  cluster: string;
  repository: string | undefined;
  snapshot: string | undefined;
  includeGlobalState: boolean;
  partial: boolean;
  /** The cluster's configured default repository: registered first when the snapshot goes there. */
  defaultRepository: RepositoryDefinition | undefined;
  /** Undefined when the request names no indices: the snapshot takes every index. */
  resolved: ResolvedIndices | undefined;
  jobId: string;
  now: Date;
};

/** `<cluster>-2026.11.24-0900-<job>`: sortable, lowercase, unique per job. */
function generatedSnapshotName(cluster: string, jobId: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/-/g, '.').replace('T', '-').replace(':', '');
  return validateSnapshotName(`${cluster}-${stamp}-${jobId.slice(0, 6)}`.toLowerCase());
}

/**
 * A snapshot now. Into the cluster's default repository unless another is named; the default is registered (an
 * idempotent update when it exists) before the snapshot starts, so a fresh cluster needs no separate step.
 */
function planSnapshotCreate(input: SnapshotCreateInput): Extract<JobPlan, { kind: typeof JobKind.SNAPSHOT_CREATE }> {
  const { cluster, defaultRepository } = input;
  const repository = chooseRepository(cluster, input.repository, defaultRepository?.name, 'write');
  return {
    kind: JobKind.SNAPSHOT_CREATE,
    cluster,
    repository,
    snapshot: input.snapshot ?? generatedSnapshotName(cluster, input.jobId, input.now),
    indices: input.resolved === undefined ? [] : plannedIndices(cluster, input.resolved),
    includeGlobalState: input.includeGlobalState,
    partial: input.partial,
    registerFirst: defaultRepository?.name === repository ? defaultRepository : undefined,
  };
}

/** `snapshotUuid`: the snapshot as it is now, so that one taken again under its name is not deleted unapproved. */
function planSnapshotDelete(cluster: string, repository: string, snapshot: string, snapshotUuid: string): JobPlan {
  return {
    kind: JobKind.SNAPSHOT_DELETE,
    cluster,
    repository: chooseRepository(cluster, repository, undefined, 'write'),
    snapshot,
    snapshotUuid,
  };
}

export type { SnapshotCreateInput };
export { generatedSnapshotName, planSnapshotCreate, planSnapshotDelete };
