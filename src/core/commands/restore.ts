import { parseClusterAlias, parseList, requirePositionals, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { parseRenameOrReplace } from '../grammar/rename-option.js';
import { validateIndexPattern, validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const restore: CommandDefinition<'restore'> = {
  verb: 'restore',
  usage: `${COMMAND_PREFIX} restore <cluster> <repo> <snapshot> indices=a,b [rename=pat:repl] [replace]`,
  summary: 'Restore indices from a snapshot.',
  example: `${COMMAND_PREFIX} restore prod migration nightly-2026.11.02 indices=logs-* rename=(.+):restored-$1`,
  notes: [
    'indices= is required: restoring everything would include the system indices.',
    '`replace` deletes the existing indices of the same names first; rename= restores beside them instead.',
    'rename= splits at the first colon; write \\: for a colon in the pattern.',
  ],
  needsApproval: true,
  arguments: { maxPositionals: 3, options: ['indices', 'rename'], flags: ['replace'] },
  parse(args) {
    const [cluster, repository, snapshot] = requirePositionals(args, ['cluster', 'repo', 'snapshot']);
    const indices = parseList(args, 'indices', validateIndexPattern);
    if (indices.length === 0) throw usageError(args, 'restore needs indices=, e.g. indices=logs-2026.11.*');
    return {
      verb: 'restore',
      cluster: parseClusterAlias(args, cluster),
      repository: validateRepositoryName(repository),
      snapshot: validateSnapshotName(snapshot),
      indices,
      ...parseRenameOrReplace(args),
    };
  },
};

export { restore };
