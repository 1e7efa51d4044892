import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { JobKind } from '../jobs/job-states.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const deleteSnapshot = {
  verb: 'delete',
  kind: VerbKind.JOB,
  jobKind: JobKind.SNAPSHOT_DELETE,
  usage: `${COMMAND_PREFIX} delete <cluster> <repo> <snapshot>`,
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
  print: (request) => ({ names: [request.cluster, request.repository, request.snapshot], options: [] }),
} as const satisfies CommandDefinition<'delete'>;

export { deleteSnapshot };
