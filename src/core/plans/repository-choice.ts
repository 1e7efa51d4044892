import { AutomatedRepositoryError, UsageError } from '../errors.js';
import { isAutomatedRepository } from '../safety/resource-names.js';

/** The repository a request names, or the cluster's default; never an automated-snapshot repository for writes. */
function chooseRepository(
  cluster: string,
  requested: string | undefined,
  defaultName: string | undefined,
  purpose: 'read' | 'write',
): string {
  const repository = requested ?? defaultName;
  if (repository === undefined) {
    throw new UsageError(`no repository given, and cluster ${cluster} has no default_repository`, {
      hint: `Name one (see /es snapshot repos ${cluster}), or set default_repository in the cluster config.`,
    });
  }
  if (purpose === 'write' && isAutomatedRepository(repository)) throw new AutomatedRepositoryError(repository);
  return repository;
}

export { chooseRepository };
