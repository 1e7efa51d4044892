import { UsageError } from '../errors.js';
import type { LeftOutIndex } from '../jobs/job.js';
import { LeftOutReason } from '../model/left-out.js';
import { BUILT_IN_PROTECTED_PATTERNS, matchesWildcard } from '../safety/protected-indices.js';

/** What tells a restore or migration which of the indices a request reached stay out of its plan. */
type LeftOutRules = {
  /** Indices marked `index.hidden: true` on the cluster the plan reads them from. */
  hidden: readonly string[];
  /** The clusters' configured protected patterns. */
  protectedPatterns: readonly string[];
  /**
   * Whether a leading dot counts as hidden. A snapshot keeps its indices' settings where no API shows them, so a
   * restore goes by the name: the engines reserve leading dots for hidden and system indices.
   */
  dotNamesAreHidden: boolean;
};

function patternMatching(patterns: readonly string[], index: string): string | undefined {
  return patterns.find((pattern) => matchesWildcard(pattern, index));
}

/** Why `index` stays out of a restore or migration, or undefined when it goes in. */
function leftOutReason(index: string, rules: LeftOutRules): LeftOutIndex | undefined {
  const system = patternMatching(BUILT_IN_PROTECTED_PATTERNS, index);
  if (system !== undefined) return { index, reason: LeftOutReason.SYSTEM, pattern: system };
  const configured = patternMatching(rules.protectedPatterns, index);
  if (configured !== undefined) return { index, reason: LeftOutReason.PROTECTED, pattern: configured };
  if (rules.hidden.includes(index)) return { index, reason: LeftOutReason.HIDDEN, pattern: undefined };
  if (rules.dotNamesAreHidden && index.startsWith('.')) {
    return { index, reason: LeftOutReason.DOT_NAME, pattern: undefined };
  }
  return undefined;
}

/**
 * The reached indices split into those the plan keeps and those it leaves out, each with its reason. A request
 * that reaches only indices to leave out is refused with their reasons, rather than planned as nothing.
 */
function leaveOut(names: readonly string[], rules: LeftOutRules): { kept: string[]; leftOut: LeftOutIndex[] } {
  const kept: string[] = [];
  const leftOut: LeftOutIndex[] = [];
  for (const index of names) {
    const reason = leftOutReason(index, rules);
    if (reason === undefined) kept.push(index);
    else leftOut.push(reason);
  }
  if (kept.length === 0 && leftOut.length > 0) {
    throw new UsageError((words) => words.onlyLeftOut(leftOut.map((entry) => words.leftOutEntry(entry))));
  }
  return { kept, leftOut };
}

export type { LeftOutRules };
export { leaveOut, leftOutReason };
