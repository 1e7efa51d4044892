import { parseClusterAlias, parseIndexList, requirePositionals, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { parseRenameOrReplace, printRenameOrReplace } from '../grammar/rename-option.js';
import { JobKind } from '../jobs/job-states.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const restore = {
  verb: 'restore',
  kind: VerbKind.JOB,
  jobKind: JobKind.RESTORE,
  usage: `${COMMAND_PREFIX} restore <cluster> <repo> <snapshot> indices=a,b [rename=pat:repl] [replace]`,
  arguments: { maxPositionals: 3, options: ['indices', 'rename'], flags: ['replace'] },
  parse(args) {
    const [cluster, repository, snapshot] = requirePositionals(args, ['cluster', 'repo', 'snapshot']);
    const indices = parseIndexList(args, 'indices');
    if (indices.length === 0) throw usageError(args, (words) => words.restoreWithoutIndices);
    return {
      verb: 'restore',
      cluster: parseClusterAlias(args, cluster),
      repository: validateRepositoryName(repository),
      snapshot: validateSnapshotName(snapshot),
      indices,
      ...parseRenameOrReplace(args),
    };
  },
  print: (request) => ({
    names: [request.cluster, request.repository, request.snapshot],
    ...printRenameOrReplace(request),
  }),
} as const satisfies CommandDefinition<'restore'>;

export { restore };
