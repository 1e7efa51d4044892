import type { Rename } from '../model/rename.js';
import type { RepositoryType } from '../model/repository.js';

/** The Slack command, and the word after it that every command of this bot starts with. */
const SLASH_COMMAND = '/es';
const COMMAND_PREFIX = `${SLASH_COMMAND} snapshot`;

/** Every verb of `/es snapshot`, in the order help lists them. */
const VERBS = [
  'help',
  'clusters',
  'repos',
  'repo-register',
  'create',
  'list',
  'status',
  'delete',
  'delete-index',
  'restore',
  'migrate',
  'jobs',
  'job',
  'cancel',
  'approve',
  'reject',
] as const;

type Verb = (typeof VERBS)[number];

const JobsFilter = { ACTIVE: 'active', MINE: 'mine', RECENT: 'recent' } as const;

type JobsFilter = (typeof JobsFilter)[keyof typeof JobsFilter];

/** What `repo register` was told; anything left out comes from the cluster's configured default repository. */
type RepositoryOptions = {
  type?: RepositoryType;
  bucket?: string;
  region?: string;
  role_arn?: string;
  base_path?: string;
  location?: string;
  readonly?: boolean;
};

/** The text of `/es snapshot …` once understood: names are checked, nothing is resolved against a cluster yet. */
type CommandRequest =
  | { verb: 'help'; topic: Verb | undefined }
  | { verb: 'clusters' }
  | { verb: 'repos'; cluster: string }
  | { verb: 'repo-register'; cluster: string; repository: string; settings: RepositoryOptions }
  | {
      verb: 'create';
      cluster: string;
      /** Undefined: the cluster's default repository. */
      repository: string | undefined;
      /** Undefined: a generated name. Never set without `repository`: one word after the cluster is the repository. */
      snapshot: string | undefined;
      /** Index names or patterns; empty: every index the cluster snapshots by default. */
      indices: string[];
      includeGlobalState: boolean;
      /** Keep going when primaries are unavailable: the snapshot may end PARTIAL. */
      partial: boolean;
    }
  | { verb: 'list'; cluster: string; repository: string | undefined; limit: number }
  | { verb: 'status'; cluster: string; repository: string; snapshot: string }
  | { verb: 'delete'; cluster: string; repository: string; snapshot: string }
  | { verb: 'delete-index'; cluster: string; indices: string[] }
  | {
      verb: 'restore';
      cluster: string;
      repository: string;
      snapshot: string;
      indices: string[];
      rename: Rename | undefined;
      replace: boolean;
    }
  | {
      verb: 'migrate';
      from: string;
      to: string;
      repository: string | undefined;
      indices: string[];
      rename: Rename | undefined;
      replace: boolean;
    }
  | { verb: 'jobs'; filter: JobsFilter; cluster?: string }
  | { verb: 'job'; jobId: string }
  | { verb: 'cancel'; jobId: string }
  /** Typed, it only says where the button is: an approval is a click on the message that shows the plan. */
  | { verb: 'approve'; jobId: string }
  /** `reason`: why, recorded on the job's history and shown on its message. */
  | { verb: 'reject'; jobId: string; reason: string | undefined };

type RequestOf<V extends Verb> = Extract<CommandRequest, { verb: V }>;

export type { CommandRequest, Rename, RepositoryOptions, RequestOf, Verb };
export { COMMAND_PREFIX, JobsFilter, SLASH_COMMAND, VERBS };
