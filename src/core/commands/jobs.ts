import { shown, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX, JobsFilter } from '../grammar/command-request.js';
import type { CommandDefinition } from './command-definition.js';

const jobs: CommandDefinition<'jobs'> = {
  verb: 'jobs',
  usage: `${COMMAND_PREFIX} jobs [active|mine]`,
  summary: 'List the jobs still waiting or running, or every recent job you asked for.',
  example: `${COMMAND_PREFIX} jobs mine`,
  notes: ['Without a filter the active jobs are listed.'],
  needsApproval: false,
  arguments: { maxPositionals: 1 },
  parse(args) {
    const value = args.positionals[0] ?? JobsFilter.ACTIVE;
    const filter = Object.values(JobsFilter).find((known) => known === value.toLowerCase());
    if (filter === undefined) throw usageError(args, `jobs takes "active" or "mine", not "${shown(value)}"`);
    return { verb: 'jobs', filter };
  },
};

export { jobs };
