import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { JobKind } from '../jobs/job-states.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const cancel = {
  verb: 'cancel',
  kind: VerbKind.CONTROL,
  // Stopping a running restore deletes the indices still restoring: an index deletion job, with that kind's approval.
  jobKind: JobKind.INDEX_DELETE,
  usage: `${COMMAND_PREFIX} cancel <id>`,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    return { verb: 'cancel', jobId: parseJobId(args, id) };
  },
  print: (request) => ({ names: [request.jobId], options: [] }),
} as const satisfies CommandDefinition<'cancel'>;

export { cancel };
