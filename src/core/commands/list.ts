import { parseClusterAlias, parseInteger, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateRepositoryName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const LIST_LIMIT = { min: 1, max: 200, fallback: 20 } as const;

const list = {
  verb: 'list',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} list <cluster> [repo] [limit=${LIST_LIMIT.fallback}]`,
  arguments: { maxPositionals: 2, options: ['limit'] },
  parse(args) {
    const [cluster] = requirePositionals(args, ['cluster']);
    const repository = args.positionals[1];
    return {
      verb: 'list',
      cluster: parseClusterAlias(args, cluster),
      repository: repository === undefined ? undefined : validateRepositoryName(repository),
      limit: parseInteger(args, 'limit', LIST_LIMIT),
    };
  },
  print: (request) => ({
    names: [request.cluster, request.repository],
    options: [['limit', request.limit === LIST_LIMIT.fallback ? undefined : request.limit]],
  }),
} as const satisfies CommandDefinition<'list'>;

export { LIST_LIMIT, list };
