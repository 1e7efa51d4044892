import type { RequestOf, Verb } from '../grammar/command-request.js';
import { VERBS } from '../grammar/command-request.js';
import { approve } from './approve.js';
import { cancel } from './cancel.js';
import { clusters } from './clusters.js';
import type { CommandDefinition, SomeCommandDefinition, VerbKind } from './command-definition.js';
import { create } from './create.js';
import { deleteSnapshot } from './delete.js';
import { deleteIndex } from './delete-index.js';
import { help } from './help.js';
import { job } from './job.js';
import { jobs } from './jobs.js';
import { list } from './list.js';
import { migrate } from './migrate.js';
import { reject } from './reject.js';
import { repoRegister } from './repo-register.js';
import { repos } from './repos.js';
import { restore } from './restore.js';
import { status } from './status.js';

/** Every verb has exactly one definition: the type makes a missing one a compile error. */
const COMMAND_BY_VERB = {
  help,
  clusters,
  repos,
  'repo-register': repoRegister,
  create,
  list,
  status,
  delete: deleteSnapshot,
  'delete-index': deleteIndex,
  restore,
  migrate,
  jobs,
  job,
  cancel,
  approve,
  reject,
} as const satisfies { readonly [V in Verb]: CommandDefinition<V> };

/** The verbs of one kind, read from their definitions: `VerbOfKind<'job'>` are the verbs that plan a job. */
type VerbOfKind<K extends VerbKind> = {
  [V in Verb]: (typeof COMMAND_BY_VERB)[V]['kind'] extends K ? V : never;
}[Verb];

/** The requests of one kind of verb. */
type RequestOfKind<K extends VerbKind> = RequestOf<VerbOfKind<K>>;

/** The same definitions, each seen as the definition of its verb. */
const DEFINITIONS: { readonly [V in Verb]: CommandDefinition<V> } = COMMAND_BY_VERB;

/** The definitions in the order help lists them. */
const COMMANDS: readonly SomeCommandDefinition[] = VERBS.map((verb) => DEFINITIONS[verb]);

function commandFor<V extends Verb>(verb: V): CommandDefinition<V> {
  return DEFINITIONS[verb];
}

export type { RequestOfKind, VerbOfKind };
export { COMMANDS, commandFor };
