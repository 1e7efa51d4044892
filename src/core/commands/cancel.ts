import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import type { CommandDefinition } from './command-definition.js';

const cancel: CommandDefinition<'cancel'> = {
  verb: 'cancel',
  usage: `${COMMAND_PREFIX} cancel <id>`,
  summary: 'Cancel a job that is waiting for approval or has not finished.',
  example: `${COMMAND_PREFIX} cancel k3x9q2m7`,
  notes: [],
  // Cancelling a running snapshot may need approval; that is decided when the job is known, not from the words.
  needsApproval: false,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    return { verb: 'cancel', jobId: parseJobId(args, id) };
  },
};

export { cancel };
