import { parseBoolean, parseClusterAlias, parseList, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateIndexPattern, validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const create: CommandDefinition<'create'> = {
  verb: 'create',
  usage: `${COMMAND_PREFIX} create <cluster> [repo] [name] [indices=a,b*] [global_state=true] [partial=true]`,
  summary: 'Take a snapshot now.',
  example: `${COMMAND_PREFIX} create prod migration nightly-2026.11.02 indices=logs-*,orders`,
  notes: [
    "Without [repo] the cluster's default repository is used; without [name] a name is generated.",
    'Without indices= the snapshot holds every index the cluster includes by default.',
    'partial=true keeps the snapshot going when some primary shards are unavailable: it ends PARTIAL, naming them.',
  ],
  needsApproval: false,
  arguments: { maxPositionals: 3, options: ['indices', 'global_state', 'partial'] },
  parse(args) {
    const [cluster] = requirePositionals(args, ['cluster']);
    const [, repository, snapshot] = args.positionals;
    return {
      verb: 'create',
      cluster: parseClusterAlias(args, cluster),
      repository: repository === undefined ? undefined : validateRepositoryName(repository),
      snapshot: snapshot === undefined ? undefined : validateSnapshotName(snapshot),
      indices: parseList(args, 'indices', validateIndexPattern),
      includeGlobalState: parseBoolean(args, 'global_state') ?? false,
      partial: parseBoolean(args, 'partial') ?? false,
    };
  },
};

export { create };
