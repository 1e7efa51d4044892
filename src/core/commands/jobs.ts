import { shown, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX, JobsFilter } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const jobs = {
  verb: 'jobs',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} jobs [active|mine]`,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const value = args.positionals[0] ?? JobsFilter.ACTIVE;
    const filter = Object.values(JobsFilter).find((known) => known === value.toLowerCase());
    if (filter === undefined) throw usageError(args, (words) => words.jobsFilterUnknown(shown(value)));
    return { verb: 'jobs', filter };
  },
  print: (request) => ({ names: [request.filter === JobsFilter.ACTIVE ? undefined : request.filter], options: [] }),
} as const satisfies CommandDefinition<'jobs'>;

export { jobs };
