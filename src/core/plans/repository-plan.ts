import { UsageError } from '../errors.js';
import type { RepositoryOptions } from '../grammar/command-request.js';
import type { JobPlan } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import type { RepositorySummary } from '../model/cluster-info.js';
import type { RepositoryDefinition } from '../model/repository.js';
import { validateRepositoryName } from '../safety/resource-names.js';

type DefaultRepository =
  | { name: string; type: 's3'; settings: Record<string, unknown> }
  | { name: string; type: 'fs'; settings: Record<string, unknown> };

type RegistrationPlan = Extract<JobPlan, { kind: typeof JobKind.REPO_REGISTER }>;

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

const S3_KEYS = ['bucket', 'region', 'role_arn', 'base_path'] as const;

/**
 * Names the engines write at a repository's root (`index-N`, `index.latest`, `indices/`, `snap-*`, `meta-*`, the
 * verification's `tests-*`): a repository placed inside the default one under such a name would mix its files
 * with the default's, and a cleanup of either could delete the other's.
 */
const ROOT_NAMES = /^(index-|index\.latest$|indices$|snap-|meta-|tests-|incompatible-snapshots$)/;

/** The type a registration asks for: said, or told by its settings, or the default repository's. */
function wantedType(options: RepositoryOptions, fallback: DefaultRepository | undefined): 's3' | 'fs' {
  if (options.type !== undefined) return options.type;
  if (options.location !== undefined) return 'fs';
  if (S3_KEYS.some((key) => options[key] !== undefined)) return 's3';
  return fallback?.type ?? 's3';
}

/** `base/name`, or `name` at the root when there is no base. */
function under(base: unknown, name: string): string {
  return typeof base === 'string' && base.replace(/\/+$/, '') !== '' ? `${base.replace(/\/+$/, '')}/${name}` : name;
}

/**
 * A new repository's own place inside the default repository's: an fs `location` of `<default location>/<name>`
 * (inside the cluster's `path.repo` whenever the default is), an s3 `base_path` of `<default base_path>/<name>` in
 * the default's bucket. Only when the command gives no place of its own (`location=`, `bucket=`).
 */
function ownPlace(name: string, fallback: DefaultRepository, given: Record<string, unknown>): Record<string, unknown> {
  const { location, bucket, base_path: basePath, ...rest } = fallback.settings;
  if (fallback.type === 'fs') {
    if (given.location !== undefined) return rest;
    return { ...rest, location: under(location, name) };
  }
  if (given.bucket !== undefined) return rest;
  return { ...rest, bucket, base_path: under(basePath, name) };
}

/** The settings a registration starts from before the command's own: the default repository's, when it applies. */
function inherited(
  name: string,
  type: 's3' | 'fs',
  fallback: DefaultRepository | undefined,
  given: Record<string, unknown>,
) {
  if (fallback === undefined || fallback.type !== type) return {};
  if (fallback.name === name) return fallback.settings;
  const place = ownPlace(name, fallback, given);
  const placed =
    fallback.type === 'fs' ? given.location === undefined : given.bucket === undefined && given.base_path === undefined;
  if (placed && ROOT_NAMES.test(name)) {
    throw new UsageError((words) => words.nameInsideDefaultRepository(name, fallback.name));
  }
  return place;
}

/**
 * A repository registration. Settings given in the command win; the rest come from the cluster's default
 * repository when it is of the same type. Under the default's name that is the default itself, so
 * `repo register b migration` registers on B what the config says; under another name the new repository gets its
 * own place inside the default's (see {@link ownPlace}), so `repo register a archive` works wherever the default
 * repository does, and never writes into the default's files.
 */
function planRepositoryRegister(
  cluster: string,
  name: string,
  options: RepositoryOptions,
  fallback: DefaultRepository | undefined,
  signing: 'es' | 'none',
): RegistrationPlan {
  validateRepositoryName(name);
  if (name.startsWith('cs-')) {
    throw new UsageError((words) => words.reservedRepositoryName);
  }
  const { type: _said, ...given } = options;
  const type = wantedType(options, fallback);
  const settings = { ...inherited(name, type, fallback, defined(given)), ...defined(given) };
  if (type === 'fs') {
    if (typeof settings.location !== 'string') throw new UsageError((words) => words.fsWithoutLocation);
    return {
      kind: JobKind.REPO_REGISTER,
      cluster,
      repository: { name, type, settings: { ...settings, location: settings.location } },
      replaces: undefined,
    };
  }
  if (typeof settings.bucket !== 'string') throw new UsageError((words) => words.s3WithoutBucket);
  if (signing === 'es' && typeof settings.role_arn !== 'string') {
    throw new UsageError((words) => words.s3WithoutRoleArn);
  }
  return {
    kind: JobKind.REPO_REGISTER,
    cluster,
    repository: { name, type, settings: { ...settings, bucket: settings.bucket } },
    replaces: undefined,
  };
}

/** Settings as the engines answer them: every value a string, whatever type it was registered with. */
function asAnswered(settings: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

/** Whether a repository's settings make it read-only (`readonly` as the engines answer it: a string or a flag). */
function isReadOnly(settings: Readonly<Record<string, unknown>>): boolean {
  return String(settings.readonly) === 'true';
}

/** Whether two sets of repository settings say the same, compared as the engines answer them. */
function isSameSettings(one: Record<string, unknown>, other: Record<string, unknown>): boolean {
  const left = asAnswered(one);
  const right = asAnswered(other);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

/** One way a registered repository differs from the one a step would register; undefined: not set on that side. */
type RepositoryDifference = { setting: string; registered: string | undefined; planned: string | undefined };

/**
 * How the cluster's repository differs from the one a step would register, compared as the engines (and the
 * managed service, for s3) answer `GET _snapshot`: type first, then each setting. `ignored` settings are left out.
 */
function repositoryDifferences(
  existing: RepositorySummary,
  repository: RepositoryDefinition,
  ignored: readonly string[] = [],
): RepositoryDifference[] {
  // Own keys only: a setting named like an Object.prototype member (`constructor`) is just a setting.
  const on = (settings: Record<string, string>, key: string) =>
    Object.hasOwn(settings, key) ? settings[key] : undefined;
  const registered = asAnswered(existing.settings);
  const planned = asAnswered(repository.settings);
  const settings = [...new Set([...Object.keys(registered), ...Object.keys(planned)])]
    .filter((key) => !ignored.includes(key) && on(registered, key) !== on(planned, key))
    .map((setting) => ({ setting, registered: on(registered, setting), planned: on(planned, setting) }));
  if (existing.type === repository.type) return settings;
  return [{ setting: 'type', registered: existing.type, planned: repository.type }, ...settings];
}

/** Whether the cluster's repository is the one a registration would write: same type, same settings. */
function isSameRepository(existing: RepositorySummary, repository: RepositoryDefinition): boolean {
  return existing.type === repository.type && isSameSettings(existing.settings, repository.settings);
}

/**
 * A registration planned against what the cluster has: a repository of that name with another type or other
 * settings is recorded as replaced, and the plan waits for approval (re-pointing a repository at another bucket
 * hides every snapshot of the old one). The same repository again is a harmless upsert.
 */
function withReplaced(plan: RegistrationPlan, existing: readonly RepositorySummary[]): RegistrationPlan {
  const found = existing.find((repository) => repository.name === plan.repository.name);
  if (found === undefined || isSameRepository(found, plan.repository)) return { ...plan, replaces: undefined };
  return { ...plan, replaces: found };
}

export type { DefaultRepository, RepositoryDifference };
export { isReadOnly, isSameRepository, isSameSettings, planRepositoryRegister, repositoryDifferences, withReplaced };
