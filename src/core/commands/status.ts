import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const status: CommandDefinition<'status'> = {
  verb: 'status',
  usage: `${COMMAND_PREFIX} status <cluster> <repo> <snapshot>`,
  summary: "Show a snapshot's state, shards, bytes and how far it has got.",
  example: `${COMMAND_PREFIX} status prod migration nightly-2026.11.02`,
  notes: [],
  needsApproval: false,
  arguments: { maxPositionals: 3 },
  parse(args) {
    const [cluster, repository, snapshot] = requirePositionals(args, ['cluster', 'repo', 'snapshot']);
    return {
      verb: 'status',
      cluster: parseClusterAlias(args, cluster),
      repository: validateRepositoryName(repository),
      snapshot: validateSnapshotName(snapshot),
    };
  },
};

export { status };
