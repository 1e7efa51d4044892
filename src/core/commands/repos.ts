import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import type { CommandDefinition } from './command-definition.js';

const repos: CommandDefinition<'repos'> = {
  verb: 'repos',
  usage: `${COMMAND_PREFIX} repos <cluster>`,
  summary: 'List the snapshot repositories registered on a cluster.',
  example: `${COMMAND_PREFIX} repos prod`,
  notes: [],
  needsApproval: false,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [cluster] = requirePositionals(args, ['cluster']);
    return { verb: 'repos', cluster: parseClusterAlias(args, cluster) };
  },
};

export { repos };
