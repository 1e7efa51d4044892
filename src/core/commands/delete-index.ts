import { parseClusterAlias, requirePositionals, splitList, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateIndexPattern } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const deleteIndex: CommandDefinition<'delete-index'> = {
  verb: 'delete-index',
  usage: `${COMMAND_PREFIX} delete-index <cluster> <index,…>`,
  summary: 'Delete indices.',
  example: `${COMMAND_PREFIX} delete-index staging logs-2026.10.*,orders-old`,
  notes: [
    'Patterns are resolved when you ask: the approval message lists the exact indices, and only those are deleted.',
    'Protected and system indices are never deleted; _all and * are refused.',
  ],
  needsApproval: true,
  arguments: { maxPositionals: 2, variadic: true },
  parse(args) {
    const [cluster, list] = requirePositionals(args, ['cluster', 'index,…']);
    const indices = splitList(list);
    if (indices.length === 0) throw usageError(args, 'missing <index,…>');
    return {
      verb: 'delete-index',
      cluster: parseClusterAlias(args, cluster),
      indices: indices.map(validateIndexPattern),
    };
  },
};

export { deleteIndex };
