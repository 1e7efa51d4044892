import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

/**
 * `approve <id>` typed: answered with where the job's Approve button is. An approval stays a click on the job's own
 * message (src/core/approval/click-binding.ts), the message that shows the plan being approved.
 */
const approve = {
  verb: 'approve',
  kind: VerbKind.CONTROL,
  usage: `${COMMAND_PREFIX} approve <id>`,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    return { verb: 'approve', jobId: parseJobId(args, id) };
  },
  print: (request) => ({ names: [request.jobId], options: [] }),
} as const satisfies CommandDefinition<'approve'>;

export { approve };
