import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import type { IndexFacts } from '../../core/model/allocation.js';
import type { IndexSummary, ResolvedIndices } from '../../core/model/search-index.js';
import { assertDeletable } from '../../core/safety/protected-indices.js';
import { validateIndexName, validateIndexPattern } from '../../core/safety/resource-names.js';
import type { DeleteOutcome, IndexApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath } from './request-path.js';

/**
 * One pattern at a time: a wildcard that reaches nothing answers `[]`, a missing name answers 404. (Asking for
 * several with `ignore_unavailable=true` instead makes OpenSearch 2.19 never answer when a name is missing.)
 */
async function catIndices(call: ClusterCall, pattern: string): Promise<IndexSummary[] | undefined> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_cat/indices/${pattern}`,
    query: call.dialect.requests.catIndicesQuery,
  };
  try {
    return await read(call, request, call.dialect.answers.catIndices);
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.INDEX_NOT_FOUND)) return undefined;
    throw error;
  }
}

/**
 * Resolves names and `*` patterns to the concrete indices they reach now, with doc counts and sizes, sorted by
 * name; `unmatched` lists the patterns that reach nothing, so a plan never silently shrinks.
 */
async function resolveIndices(call: ClusterCall, patterns: readonly string[]): Promise<ResolvedIndices> {
  const checked = patterns.map(validateIndexPattern);
  const answers = await Promise.all(checked.map((pattern) => catIndices(call, pattern)));
  const byName = new Map(answers.flatMap((rows) => rows ?? []).map((row) => [row.index, row]));
  const indices = [...byName.values()].sort((left, right) => left.index.localeCompare(right.index));
  const unmatched = checked.filter((_pattern, position) => (answers[position] ?? []).length === 0);
  return { indices, unmatched };
}

/**
 * Deletes exactly the named indices, one request each: no wildcard, no `_all`, no protected index, and an alias
 * is refused by the cluster rather than resolved. An index already gone counts as deleted (safe to repeat).
 */
async function deleteIndices(
  call: ClusterCall,
  indices: readonly string[],
  protectedPatterns: readonly string[],
): Promise<Array<{ index: string; outcome: DeleteOutcome }>> {
  const names = indices.map(validateIndexName);
  assertDeletable(names, protectedPatterns);
  const results: Array<{ index: string; outcome: DeleteOutcome }> = [];
  for (const index of names) {
    try {
      const outcome = await write(call, { method: 'DELETE', path: clusterPath`/${index}` }, { index });
      results.push({ index, outcome: outcome === 'accepted' ? 'deleted' : outcome });
    } catch (error) {
      if (!isClusterError(error, ClusterErrorCode.INDEX_NOT_FOUND)) throw error;
      results.push({ index, outcome: 'already-absent' });
    }
  }
  return results;
}

/** Document counts (primaries) of the named indices that exist; closed indices have none to count. */
async function docCounts(call: ClusterCall, indices: readonly string[]): Promise<Map<string, number>> {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/${indices.map(validateIndexName)}/_stats/docs`,
    query: { ignore_unavailable: 'true', allow_no_indices: 'true' },
  };
  return read(call, request, call.dialect.answers.docCounts);
}

/**
 * What a restore of the named indices would bring elsewhere: creation version, shards and replicas from
 * `_settings`, primaries' bytes from `_stats/store`. An index that does not exist is left out.
 */
async function indexFacts(call: ClusterCall, indices: readonly string[]): Promise<IndexFacts[]> {
  if (indices.length === 0) return [];
  const names = indices.map(validateIndexName);
  const query = { ignore_unavailable: 'true', allow_no_indices: 'true', expand_wildcards: 'all' };
  const settingsRequest = {
    method: 'GET' as const,
    path: clusterPath`/${names}/_settings/${call.dialect.requests.indexSettingNames}`,
    query: { ...query, flat_settings: 'true' },
  };
  const storeRequest = { method: 'GET' as const, path: clusterPath`/${names}/_stats/store`, query };
  const [settings, bytes] = await Promise.all([
    read(call, settingsRequest, call.dialect.answers.indexSettings),
    read(call, storeRequest, call.dialect.answers.primaryBytes),
  ]);
  return [...settings]
    .map(([index, facts]) => ({ index, ...facts, primaryBytes: bytes.get(index) ?? 0 }))
    .sort((left, right) => left.index.localeCompare(right.index));
}

/** The index capability; `protectedPatterns` are never deleted, whatever a plan says. */
function indexApi(call: ClusterCall, protectedPatterns: readonly string[]): IndexApi {
  return {
    resolveIndices: (patterns) => resolveIndices(call, patterns),
    deleteIndices: (indices) => deleteIndices(call, indices, protectedPatterns),
    docCounts: (indices) => docCounts(call, indices),
    indexFacts: (indices) => indexFacts(call, indices),
    aliases: () =>
      read(
        call,
        { method: 'GET', path: '/_cat/aliases', query: call.dialect.requests.aliasesQuery },
        call.dialect.answers.aliases,
      ),
  };
}

export { indexApi };
