import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const job = {
  verb: 'job',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} job <id>`,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    return { verb: 'job', jobId: parseJobId(args, id) };
  },
  print: (request) => ({ names: [request.jobId], options: [] }),
} as const satisfies CommandDefinition<'job'>;

export { job };
