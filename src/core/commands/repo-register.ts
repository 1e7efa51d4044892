import {
  type ParsedArguments,
  parseBoolean,
  parseClusterAlias,
  requirePositionals,
  shown,
  usageError,
} from '../grammar/arguments.js';
import { COMMAND_PREFIX, type RepositoryOptions } from '../grammar/command-request.js';
import { JobKind } from '../jobs/job-states.js';
import { RepositoryType, ROLE_ARN } from '../model/repository.js';
import { validateRepositoryName } from '../safety/resource-names.js';
import type { CheckedSetting } from '../words/usage-words.js';
import { type CommandDefinition, type PrintedRequest, VerbKind } from './command-definition.js';

const S3_KEYS = ['bucket', 'region', 'role_arn', 'base_path'] as const;
const FS_KEYS = ['location'] as const;

// What AWS accepts (the role ARN as the cluster config checks it): a typo is answered before any cluster call.
const FORMATS: Readonly<Record<CheckedSetting, RegExp>> = {
  bucket: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  region: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
  role_arn: ROLE_ARN,
};

function parseType(args: ParsedArguments): RepositoryType | undefined {
  const value = args.options.get('type');
  if (value === undefined) return undefined;
  const type = Object.values(RepositoryType).find((known) => known === value.toLowerCase());
  if (type === undefined) throw usageError(args, (words) => words.repositoryTypeUnknown(shown(value)));
  return type;
}

function checkedSetting(args: ParsedArguments, key: CheckedSetting): string | undefined {
  const value = args.options.get(key);
  if (value !== undefined && !FORMATS[key].test(value)) {
    throw usageError(args, (words) => words.settingFormat(key, shown(value)));
  }
  return value;
}

/** The type follows from the settings when it is not given: `location=` is a file system, `bucket=` is S3. */
function repositoryType(args: ParsedArguments): RepositoryType | undefined {
  const given = parseType(args);
  const [s3Key] = S3_KEYS.filter((key) => args.options.has(key));
  const [fsKey] = FS_KEYS.filter((key) => args.options.has(key));
  if (s3Key !== undefined && fsKey !== undefined) {
    throw usageError(args, (words) => words.settingsOfTwoTypes(s3Key, fsKey));
  }
  if (given === RepositoryType.FS && s3Key !== undefined) {
    throw usageError(args, (words) => words.settingOfOtherType(s3Key, RepositoryType.S3));
  }
  if (given === RepositoryType.S3 && fsKey !== undefined) {
    throw usageError(args, (words) => words.settingOfOtherType(fsKey, RepositoryType.FS));
  }
  if (given !== undefined) return given;
  if (s3Key !== undefined) return RepositoryType.S3;
  return fsKey === undefined ? undefined : RepositoryType.FS;
}

function parseSettings(args: ParsedArguments): RepositoryOptions {
  const settings: RepositoryOptions = {
    type: repositoryType(args),
    bucket: checkedSetting(args, 'bucket'),
    region: checkedSetting(args, 'region'),
    role_arn: checkedSetting(args, 'role_arn'),
    base_path: args.options.get('base_path'),
    location: args.options.get('location'),
    readonly: parseBoolean(args, 'readonly'),
  };
  // Only what was given: anything left out comes from the cluster's configured default repository.
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/** `type=` is left out when the settings already say it, as `repo register` works it out from them. */
function settingOptions(settings: RepositoryOptions): PrintedRequest['options'] {
  const keys = ['bucket', 'region', 'role_arn', 'base_path', 'location', 'readonly'] as const;
  const implied = keys.some((key) => key !== 'readonly' && settings[key] !== undefined);
  return [['type', implied ? undefined : settings.type], ...keys.map((key) => [key, settings[key]] as const)];
}

const repoRegister = {
  verb: 'repo-register',
  kind: VerbKind.JOB,
  jobKind: JobKind.REPO_REGISTER,
  usage: `${COMMAND_PREFIX} repo register <cluster> <repo> [type=s3|fs] [bucket=… region=… role_arn=… base_path=… location=… readonly=true]`,
  arguments: {
    maxPositionals: 2,
    options: ['type', 'bucket', 'region', 'role_arn', 'base_path', 'location', 'readonly'],
  },
  parse(args) {
    const [cluster, repository] = requirePositionals(args, ['cluster', 'repo']);
    return {
      verb: 'repo-register',
      cluster: parseClusterAlias(args, cluster),
      repository: validateRepositoryName(repository),
      settings: parseSettings(args),
    };
  },
  print: (request) => ({ names: [request.cluster, request.repository], options: settingOptions(request.settings) }),
} as const satisfies CommandDefinition<'repo-register'>;

export { repoRegister };
