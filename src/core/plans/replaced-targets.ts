import { UsageError } from '../errors.js';
import type { PlannedIndex } from '../jobs/job.js';
import { assertDeletable } from '../safety/protected-indices.js';

/**
 * The indices a restore must delete first: the targets that exist now, when `replace` was asked for. Without
 * `replace` an existing target refuses the request (the cluster would refuse the restore), and a protected index
 * is never replaced.
 */
function replacedTargets(
  cluster: string,
  existingTargets: readonly PlannedIndex[],
  replace: boolean,
  protectedPatterns: readonly string[],
): PlannedIndex[] {
  if (existingTargets.length > 0 && !replace) {
    const names = existingTargets.map((entry) => entry.index);
    throw new UsageError((words) => words.targetsExist(cluster, names));
  }
  assertDeletable(
    existingTargets.map((entry) => entry.index),
    protectedPatterns,
    'replace',
  );
  return [...existingTargets];
}

export { replacedTargets };
