import type { IndexRecovery } from '../model/recovery.js';

/** A target that exists but did not come from the job's snapshot, and what it recovered from instead. */
type ForeignTarget = { index: string; recoveredFrom: string };

/**
 * Where a restore stands, judged from the targets' recoveries. A target counts as restored only when every primary
 * recovered from this job's repository and snapshot and is DONE. A target that exists but came from anything
 * else (an index a writer auto-created after `replace` deleted it, another snapshot) never will be: it is named
 * instead of waited for, once every other target is restored.
 */
type RestoreVerdict =
  | { kind: 'restoring' }
  | { kind: 'restored' }
  | { kind: 'restored-but-foreign'; foreign: ForeignTarget[] };

type RestoreSource = { repository: string; snapshot: string };

function isFromSnapshot(entry: IndexRecovery, from: RestoreSource): boolean {
  const [type, ...others] = entry.types;
  return (
    type === 'SNAPSHOT' &&
    others.length === 0 &&
    entry.source?.repository === from.repository &&
    entry.source.snapshot === from.snapshot
  );
}

/** `EMPTY_STORE`, or `SNAPSHOT other-repo:other-snapshot`: said as the engine names it. */
function recoveredFrom(entry: IndexRecovery): string {
  return entry.types
    .map((type) =>
      type === 'SNAPSHOT' && entry.source !== undefined
        ? `${type} ${entry.source.repository}:${entry.source.snapshot}`
        : type,
    )
    .join(', ');
}

/**
 * @example
 * judgeRestore(['orders'], recoveries, { repository: 'r', snapshot: 's' }) // { kind: 'restored' } once DONE
 */
function judgeRestore(
  targets: readonly string[],
  recoveries: readonly IndexRecovery[],
  from: RestoreSource,
): RestoreVerdict {
  const byIndex = new Map(recoveries.map((entry) => [entry.index, entry]));
  const foreign: ForeignTarget[] = [];
  let restoring = false;
  for (const target of targets) {
    const entry = byIndex.get(target);
    if (entry === undefined || entry.types.length === 0) restoring = true;
    else if (!isFromSnapshot(entry, from)) foreign.push({ index: target, recoveredFrom: recoveredFrom(entry) });
    else if (entry.shardsDone < entry.shardsTotal) restoring = true;
  }
  if (restoring) return { kind: 'restoring' };
  return foreign.length === 0 ? { kind: 'restored' } : { kind: 'restored-but-foreign', foreign };
}

export type { ForeignTarget, RestoreSource, RestoreVerdict };
export { isFromSnapshot, judgeRestore };
