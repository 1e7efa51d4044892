import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const clusters = {
  verb: 'clusters',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} clusters`,
  arguments: { maxPositionals: 0 },
  parse: () => ({ verb: 'clusters' }),
  print: () => ({ names: [], options: [] }),
} as const satisfies CommandDefinition<'clusters'>;

export { clusters };
