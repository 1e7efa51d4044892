import { parseClusterAlias, parseInteger, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { validateRepositoryName } from '../safety/resource-names.js';
import type { CommandDefinition } from './command-definition.js';

const LIST_LIMIT = { min: 1, max: 200, fallback: 20 } as const;

const list: CommandDefinition<'list'> = {
  verb: 'list',
  usage: `${COMMAND_PREFIX} list <cluster> [repo] [limit=${LIST_LIMIT.fallback}]`,
  summary: 'List the newest snapshots in a repository.',
  example: `${COMMAND_PREFIX} list prod cs-automated-enc limit=5`,
  notes: [
    "Without [repo] the cluster's default repository is listed.",
    `limit= is ${LIST_LIMIT.min} to ${LIST_LIMIT.max}, ${LIST_LIMIT.fallback} when left out.`,
  ],
  needsApproval: false,
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
};

export { LIST_LIMIT, list };
