import type { Rename } from '../model/rename.js';
import type { RepositoryDefinition } from '../model/repository.js';
import type { JobKind, JobState } from './job-states.js';

/** An index as the approver saw it: its exact name, with documents and size at request time. */
type PlannedIndex = { index: string; docsCount: number; storeBytes: number };

/** Source index in the snapshot → the index it becomes on the target cluster. */
type PlannedRestore = { index: string; target: string };

/**
 * What a job will do, resolved when it was requested: exact names only, never a pattern. Execution touches
 * exactly this, re-checked just before it runs.
 */
type JobPlan =
  | { kind: typeof JobKind.REPO_REGISTER; cluster: string; repository: RepositoryDefinition }
  | {
      kind: typeof JobKind.SNAPSHOT_CREATE;
      cluster: string;
      repository: string;
      snapshot: string;
      indices: PlannedIndex[];
      includeGlobalState: boolean;
      partial: boolean;
      /** The cluster's configured default repository, registered (or updated) before the snapshot starts. */
      registerFirst: RepositoryDefinition | undefined;
    }
  | { kind: typeof JobKind.SNAPSHOT_DELETE; cluster: string; repository: string; snapshot: string }
  | { kind: typeof JobKind.INDEX_DELETE; cluster: string; indices: PlannedIndex[] }
  | {
      kind: typeof JobKind.RESTORE;
      cluster: string;
      repository: string;
      snapshot: string;
      restores: PlannedRestore[];
      rename: Rename | undefined;
      /** Existing target indices deleted first (`replace`). */
      deletions: PlannedIndex[];
    }
  | {
      kind: typeof JobKind.MIGRATE;
      from: string;
      to: string;
      repository: RepositoryDefinition;
      snapshot: string;
      indices: PlannedIndex[];
      restores: PlannedRestore[];
      rename: Rename | undefined;
      deletions: PlannedIndex[];
    };

const StepName = {
  REGISTER_REPOSITORY: 'register-repository',
  START_SNAPSHOT: 'start-snapshot',
  AWAIT_SNAPSHOT: 'await-snapshot',
  DELETE_SNAPSHOT: 'delete-snapshot',
  DELETE_INDICES: 'delete-indices',
  START_RESTORE: 'start-restore',
  AWAIT_RESTORE: 'await-restore',
  VERIFY_DOC_COUNTS: 'verify-doc-counts',
} as const;

type StepName = (typeof StepName)[keyof typeof StepName];

/** `partial`: finished with something missing (a PARTIAL snapshot); the job then ends PARTIAL. */
type StepStatus = 'pending' | 'running' | 'done' | 'partial' | 'failed';

type Progress = {
  percent: number;
  shardsDone: number;
  shardsTotal: number;
  bytesDone: number;
  bytesTotal: number;
};

type JobStep = {
  name: StepName;
  cluster: string;
  status: StepStatus;
  startedAt: string | undefined;
  endedAt: string | undefined;
  /** What the step found or did, in words: shown in `job <id>` and the thread. */
  detail: string | undefined;
  progress: Progress | undefined;
  /** When the step's work last moved: a step that has not moved for a while is reported as stalled. */
  progressAt: string | undefined;
};

/** One recorded transition: who did what, when and why. */
type JobEvent = { at: string; event: string; by: string | undefined; detail: string | undefined };

type Approval = { userId: string; at: string };

type ApprovalState = {
  required: number;
  approvals: Approval[];
  /** ISO time after which the request can no longer be approved. */
  expiresAt: string;
};

type Lease = { owner: string; until: string };

type Job = {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Incremented on every write; every write is conditional on the version it read. */
  version: number;
  plan: JobPlan;
  steps: JobStep[];
  requestedBy: string;
  /** The command as typed, for echo lines and audit. */
  requestText: string;
  channel: string;
  /** The job's message in the channel (approval, then progress); replies go in its thread. */
  messageTs: string | undefined;
  approval: ApprovalState | undefined;
  history: JobEvent[];
  lease: Lease | undefined;
  createdAt: string;
  updatedAt: string;
};

export type {
  Approval,
  ApprovalState,
  Job,
  JobEvent,
  JobPlan,
  JobStep,
  Lease,
  PlannedIndex,
  PlannedRestore,
  Progress,
  StepStatus,
};
export { StepName };
