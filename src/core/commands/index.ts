import type { Verb } from '../grammar/command-request.js';
import { VERBS } from '../grammar/command-request.js';
import { cancel } from './cancel.js';
import { clusters } from './clusters.js';
import type { CommandDefinition, SomeCommandDefinition } from './command-definition.js';
import { create } from './create.js';
import { deleteSnapshot } from './delete.js';
import { deleteIndex } from './delete-index.js';
import { help } from './help.js';
import { job } from './job.js';
import { jobs } from './jobs.js';
import { list } from './list.js';
import { migrate } from './migrate.js';
import { repoRegister } from './repo-register.js';
import { repos } from './repos.js';
import { restore } from './restore.js';
import { status } from './status.js';

/** Every verb has exactly one definition: the type makes a missing one a compile error. */
const COMMAND_BY_VERB: { readonly [V in Verb]: CommandDefinition<V> } = {
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
};

/** The definitions in the order help lists them. */
const COMMANDS: readonly SomeCommandDefinition[] = VERBS.map((verb) => COMMAND_BY_VERB[verb]);

function commandFor<V extends Verb>(verb: V): CommandDefinition<V> {
  return COMMAND_BY_VERB[verb];
}

export { COMMANDS, commandFor };
