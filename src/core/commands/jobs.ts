import { shown, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX, JobsFilter } from '../grammar/command-request.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const jobs = {
  verb: 'jobs',
  kind: VerbKind.QUERY,
  usage: `${COMMAND_PREFIX} jobs [active|mine|recent [cluster]]`,
  arguments: { maxPositionals: 2 },
  parse(args) {
    const value = args.positionals[0] ?? JobsFilter.ACTIVE;
    const filter = Object.values(JobsFilter).find((known) => known === value.toLowerCase());
    if (filter === undefined) throw usageError(args, (words) => words.jobsFilterUnknown(shown(value)));
    const cluster = args.positionals[1];
    // Only the team's finished jobs can be narrowed to a cluster: the others are few enough to read whole.
    if (cluster !== undefined && filter !== JobsFilter.RECENT) {
      throw usageError(args, (words) => words.unexpectedWord(shown(cluster), false));
    }
    return cluster === undefined ? { verb: 'jobs', filter } : { verb: 'jobs', filter, cluster };
  },
  print: (request) => ({
    names: [request.filter === JobsFilter.ACTIVE ? undefined : request.filter, request.cluster],
    options: [],
  }),
} as const satisfies CommandDefinition<'jobs'>;

export { jobs };
