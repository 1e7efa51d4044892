import { parseJobId, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

/** How much of a reason is kept: a sentence or two, not a paste. */
const REASON_LENGTH = 200;

/**
 * `reject <id> ["reason"]`: the Reject button with a reason. Rejecting only ends a request that has not run, so it
 * may be typed, in the job's own channel, by someone who may decide it (src/usecases/decide-approval.ts).
 */
const reject = {
  verb: 'reject',
  kind: VerbKind.CONTROL,
  usage: `${COMMAND_PREFIX} reject <id> ["reason"]`,
  arguments: { maxPositionals: 2 },
  parse(args) {
    const [id] = requirePositionals(args, ['id']);
    // `<` and `>` go: the reason is shown on the job's message, where `<!channel>` or `<@U…>` would notify people.
    const reason = args.positionals[1]?.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
    return {
      verb: 'reject',
      jobId: parseJobId(args, id),
      reason: reason === undefined || reason === '' ? undefined : [...reason].slice(0, REASON_LENGTH).join(''),
    };
  },
  print: (request) => ({ names: [request.jobId, request.reason], options: [] }),
} as const satisfies CommandDefinition<'reject'>;

export { reject };
