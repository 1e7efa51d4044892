import { parseClusterAlias, parseList, requirePositionals, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { parseRenameOrReplace } from '../grammar/rename-option.js';
import { validateIndexPattern, validateRepositoryName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const migrate: CommandDefinition<'migrate'> = {
  verb: 'migrate',
  usage: `${COMMAND_PREFIX} migrate <from> <to> [repo] indices=a,b [replace|rename=pat:repl]`,
  summary: 'Copy indices from one cluster to another through a snapshot, the whole runbook.',
  example: `${COMMAND_PREFIX} migrate prod staging migration indices=orders,customers replace`,
  notes: [
    'Registers the repository on both clusters, snapshots, restores and checks document counts.',
    "Without [repo] the source cluster's default repository is used.",
    "`replace` deletes the target's indices of the same names first; rename= restores beside them instead.",
  ],
  needsApproval: true,
  arguments: { maxPositionals: 3, options: ['indices', 'rename'], flags: ['replace'] },
  parse(args) {
    const [source, target] = requirePositionals(args, ['from', 'to']);
    const from = parseClusterAlias(args, source);
    const to = parseClusterAlias(args, target);
    if (from === to)
      throw usageError(args, `migrate copies between two clusters; to restore within ${from} use restore`);
    const repository = args.positionals[2];
    const indices = parseList(args, 'indices', validateIndexPattern);
    if (indices.length === 0) throw usageError(args, 'migrate needs indices=, e.g. indices=orders,customers');
    return {
      verb: 'migrate',
      from,
      to,
      repository: repository === undefined ? undefined : validateRepositoryName(repository),
      indices,
      ...parseRenameOrReplace(args),
    };
  },
};

export { migrate };
