import { parseBoolean, parseClusterAlias, parseIndexList, requirePositionals } from '../grammar/arguments.js';
import { COMMAND_PREFIX } from '../grammar/command-request.js';
import { JobKind } from '../jobs/job-states.js';
import { validateRepositoryName, validateSnapshotName } from '../safety/resource-names.js';
import { type CommandDefinition, VerbKind } from './command-definition.js';

const create = {
  verb: 'create',
  kind: VerbKind.JOB,
  jobKind: JobKind.SNAPSHOT_CREATE,
  usage: `${COMMAND_PREFIX} create <cluster> [repo] [name] [indices=a,b*] [global_state=true] [partial=true]`,
  arguments: { maxPositionals: 3, options: ['indices', 'global_state', 'partial'] },
  parse(args) {
    const [cluster] = requirePositionals(args, ['cluster']);
    const [, repository, snapshot] = args.positionals;
    return {
      verb: 'create',
      cluster: parseClusterAlias(args, cluster),
      repository: repository === undefined ? undefined : validateRepositoryName(repository),
      snapshot: snapshot === undefined ? undefined : validateSnapshotName(snapshot),
      indices: parseIndexList(args, 'indices'),
      includeGlobalState: parseBoolean(args, 'global_state') ?? false,
      partial: parseBoolean(args, 'partial') ?? false,
    };
  },
  print: (request) => ({
    names: [request.cluster, request.repository, request.snapshot],
    options: [
      ['indices', request.indices.join(',') || undefined],
      ['global_state', request.includeGlobalState || undefined],
      ['partial', request.partial || undefined],
    ],
  }),
} as const satisfies CommandDefinition<'create'>;

export { create };
