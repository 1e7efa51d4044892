import { requirePositionals, shown, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { resolveVerb } from '../grammar/verb-lookup.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const help = {
  verb: 'help',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} help [command]`,
  // Two words, for `help repo register`.
  arguments: { maxPositionals: 2 },
  parse(args) {
    if (args.positionals.length === 0) return { verb: 'help', topic: undefined };
    const [first] = requirePositionals(args, ['command']);
    const { verb, length } = resolveVerb(first, args.positionals[1]);
    const extra = args.positionals[length];
    if (extra !== undefined) throw usageError(args, (words) => words.helpOfOneCommand(shown(extra)));
    return { verb: 'help', topic: verb };
  },
  print: (request) => ({ names: [request.topic], options: [] }),
} as const satisfies CommandDefinition<'help'>;

export { help };
