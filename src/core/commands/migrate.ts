import { parseClusterAlias, parseIndexList, requirePositionals, usageError } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { parseRenameOrReplace, printRenameOrReplace } from '../grammar/rename-option.js';
import { JobKind } from '../jobs/job-states.js';
import { validateRepositoryName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const migrate = {
  verb: 'migrate',
  kind: VerbKind.JOB,
  jobKind: JobKind.MIGRATE,
  usage: `${COMMAND_PREFIX} migrate <from> <to> [repo] indices=a,b [replace|rename=pat:repl]`,
  arguments: { maxPositionals: 3, options: ['indices', 'rename'], flags: ['replace'] },
  parse(args) {
    const [source, target] = requirePositionals(args, ['from', 'to']);
    const from = parseClusterAlias(args, source);
    const to = parseClusterAlias(args, target);
    if (from === to) throw usageError(args, (words) => words.migrateSameCluster(from));
    const repository = args.positionals[2];
    const indices = parseIndexList(args, 'indices');
    if (indices.length === 0) throw usageError(args, (words) => words.migrateWithoutIndices);
    return {
      verb: 'migrate',
      from,
      to,
      repository: repository === undefined ? undefined : validateRepositoryName(repository),
      indices,
      ...parseRenameOrReplace(args),
    };
  },
  print: (request) => ({
    names: [request.from, request.to, request.repository],
    ...printRenameOrReplace(request),
  }),
} as const satisfies CommandDefinition<'migrate'>;

export { migrate };
