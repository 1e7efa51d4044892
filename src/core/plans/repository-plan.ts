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

/**
 * A repository registration. Settings given in the command win; the rest come from the cluster's default
 * repository when the names match, so `repo register b migration` registers on B what the config says.
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
  const base = fallback?.name === name ? fallback : undefined;
  const { type: givenType, ...given } = options;
  const type = givenType ?? base?.type ?? (given.location === undefined ? 's3' : 'fs');
  const settings = { ...(base?.type === type ? base.settings : {}), ...defined(given) };
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

/** Whether two sets of repository settings say the same, compared as the engines answer them. */
function isSameSettings(one: Record<string, unknown>, other: Record<string, unknown>): boolean {
  const left = asAnswered(one);
  const right = asAnswered(other);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
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

export type { DefaultRepository };
export { isSameRepository, isSameSettings, planRepositoryRegister, withReplaced };
