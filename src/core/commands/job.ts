import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import type { CommandDefinition } from './command-definition.js';

const job: CommandDefinition<'job'> = {
  verb: 'job',
  usage: `${COMMAND_PREFIX} job <id>`,
  summary: 'Show a job: its plan, where it is, and who did what when.',
  example: `${COMMAND_PREFIX} job k3x9q2m7`,
  notes: [],
  needsApproval: false,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    return { verb: 'job', jobId: parseJobId(args, id) };
  },
};

export { job };
