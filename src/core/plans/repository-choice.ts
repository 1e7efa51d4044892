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
    throw new UsageError((words) => words.noDefaultRepository(cluster));
  }
  if (purpose === 'write' && isAutomatedRepository(repository)) throw new AutomatedRepositoryError(repository);
  return repository;
}

export { chooseRepository };
