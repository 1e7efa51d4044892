import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const status = {
  verb: 'status',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} status <cluster> <repo> <snapshot>`,
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
  print: (request) => ({ names: [request.cluster, request.repository, request.snapshot], options: [] }),
} as const satisfies CommandDefinition<'status'>;

export { status };
