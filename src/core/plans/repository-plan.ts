import { UsageError } from '../errors.js';
import type { RepositoryOptions } from '../grammar/command-request.js';
import type { JobPlan } from '../jobs/job.js';
import { JobKind } from '../jobs/job-states.js';
import { validateRepositoryName } from '../safety/resource-names.js';

type DefaultRepository =
  | { name: string; type: 's3'; settings: Record<string, unknown> }
  | { name: string; type: 'fs'; settings: Record<string, unknown> };

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
): JobPlan {
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
  };
}

export type { DefaultRepository };
export { planRepositoryRegister };
