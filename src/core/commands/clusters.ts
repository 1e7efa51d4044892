import { COMMAND_PREFIX } from '../grammar/command-request.js';
import type { CommandDefinition } from './command-definition.js';

const clusters: CommandDefinition<'clusters'> = {
  verb: 'clusters',
  usage: `${COMMAND_PREFIX} clusters`,
  summary: 'List the configured clusters with their health and default repository.',
  example: `${COMMAND_PREFIX} clusters`,
  notes: [],
  needsApproval: false,
  arguments: { maxPositionals: 0 },
  parse: () => ({ verb: 'clusters' }),
};

export { clusters };
