import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const deleteSnapshot: CommandDefinition<'delete'> = {
  verb: 'delete',
  usage: `${COMMAND_PREFIX} delete <cluster> <repo> <snapshot>`,
  summary: 'Delete a snapshot.',
  example: `${COMMAND_PREFIX} delete prod migration nightly-2026.11.02`,
  notes: ["The service's automated snapshots (cs-automated…) cannot be deleted."],
  needsApproval: true,
  arguments: { maxPositionals: 3 },
  parse(args) {
    const [cluster, repository, snapshot] = requirePositionals(args, ['cluster', 'repo', 'snapshot']);
    return {
      verb: 'delete',
      cluster: parseClusterAlias(args, cluster),
      repository: validateRepositoryName(repository),
      snapshot: validateSnapshotName(snapshot),
    };
  },
};

export { deleteSnapshot };
