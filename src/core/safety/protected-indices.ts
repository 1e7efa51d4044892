import { type DeletionPurpose, ProtectedIndexError } from '../errors.js';

/**
 * System indices of OpenSearch, its plugins and Dashboards/Kibana, as Amazon OpenSearch Service keeps them: deleting
 * one breaks the cluster's tooling, and the service refuses to restore them. Restores and migrations leave them out.
 */
const BUILT_IN_PROTECTED_PATTERNS = [
  '.kibana*',
  '.opendistro*',
  '.plugins*',
  '.opensearch*',
  '.security*',
  '.tasks',
  '.ql-datasources',
  '.replication-metadata-store',
] as const;

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Whether `name` matches a simple `*` wildcard pattern, the way the cluster expands index patterns. */
function matchesWildcard(pattern: string, name: string): boolean {
  return wildcardToRegExp(pattern).test(name);
}

function protectedPatternFor(index: string, extraPatterns: readonly string[]): string | undefined {
  return [...BUILT_IN_PROTECTED_PATTERNS, ...extraPatterns].find((pattern) => matchesWildcard(pattern, index));
}

/** Throws a ProtectedIndexError for the first index that must never be deleted. */
function assertDeletable(
  indices: readonly string[],
  extraPatterns: readonly string[],
  purpose: DeletionPurpose = 'delete',
): void {
  for (const index of indices) {
    const pattern = protectedPatternFor(index, extraPatterns);
    if (pattern !== undefined) throw new ProtectedIndexError(index, pattern, purpose);
  }
}

export { assertDeletable, BUILT_IN_PROTECTED_PATTERNS, matchesWildcard, protectedPatternFor };
