import { parseClusterAlias, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const repos = {
  verb: 'repos',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} repos <cluster>`,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [cluster] = requirePositionals(args, ['cluster']);
    return { verb: 'repos', cluster: parseClusterAlias(args, cluster) };
  },
  print: (request) => ({ names: [request.cluster], options: [] }),
} as const satisfies CommandDefinition<'repos'>;

export { repos };
