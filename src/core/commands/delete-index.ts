import { checkIndexList, parseClusterAlias, requirePositionals, splitList, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { JobKind } from '../jobs/job-states.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const deleteIndex = {
  verb: 'delete-index',
  kind: VerbKind.JOB,
  jobKind: JobKind.INDEX_DELETE,
  usage: `${COMMAND_PREFIX} delete-index <cluster> <index,…>`,
  arguments: { maxPositionals: 2, variadic: true },
  parse(args) {
    const [cluster, list] = requirePositionals(args, ['cluster', 'index,…']);
    const indices = splitList(list);
    if (indices.length === 0) throw usageError(args, (words) => words.missingName('index,…'));
    return {
      verb: 'delete-index',
      cluster: parseClusterAlias(args, cluster),
      indices: checkIndexList(args, indices),
    };
  },
  print: (request) => ({ names: [request.cluster, request.indices.join(',')], options: [] }),
} as const satisfies CommandDefinition<'delete-index'>;

export { deleteIndex };
