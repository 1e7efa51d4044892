import { ClusterErrorCode, isClusterError } from '../../core/cluster-errors.js';
import type { IndexFacts } from '../../core/model/allocation.js';
import type { IndexSummary, ResolvedIndices } from '../../core/model/search-index.js';
import { inclusionsOf, selectIndices } from '../../core/safety/index-expressions.js';
import { assertDeletable } from '../../core/safety/protected-indices.js';
import { validateIndexExpression, validateIndexName } from '../../core/safety/resource-names.js';
import type { DeleteIndicesOptions, DeleteOutcome, IndexApi, ResolveOptions } from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath, readInLists } from './request-path.js';

/**
 * One pattern at a time: a wildcard that reaches nothing answers `[]`, a missing name answers 404. (Asking for
 * several with `ignore_unavailable=true` instead makes OpenSearch 2.19 never answer when a name is missing.)
 */
async function catIndices(
  call: ClusterCall,
  pattern: string,
  includeHidden: boolean,
): Promise<IndexSummary[] | undefined> {
  const { catIndicesQuery } = (await call.dialect()).requests;
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_cat/indices/${pattern}`,
    query: includeHidden ? { ...catIndicesQuery, expand_wildcards: 'all' } : catIndicesQuery,
  };
  try {
    return await read(call, request, (answers) => answers.catIndices);
  } catch (error) {
    if (isClusterError(error, ClusterErrorCode.INDEX_NOT_FOUND)) return undefined;
    throw error;
  }
}

/** `_cat/indices` reads one resolution sends at once: a migration of hundreds of names must not send hundreds. */
const PATTERNS_AT_ONCE = 8;

/** `catIndices` of each pattern, a few at once, in the patterns' order. */
async function catEach(call: ClusterCall, patterns: readonly string[], includeHidden: boolean) {
  const answers: Array<IndexSummary[] | undefined> = [];
  for (let start = 0; start < patterns.length; start += PATTERNS_AT_ONCE) {
    const batch = patterns.slice(start, start + PATTERNS_AT_ONCE);
    answers.push(...(await Promise.all(batch.map((pattern) => catIndices(call, pattern, includeHidden)))));
  }
  return answers;
}

/**
 * Resolves an index list to the concrete indices it reaches now, with doc counts and sizes, sorted by name: the
 * cluster resolves each inclusion, and the core reads the list in order so that `-pattern` removes what came
 * before it. `unmatched` lists the inclusions that reach nothing, so a plan never silently shrinks.
 */
async function resolveIndices(
  call: ClusterCall,
  expressions: readonly string[],
  options: ResolveOptions,
): Promise<ResolvedIndices> {
  const checked = expressions.map(validateIndexExpression);
  const inclusions = inclusionsOf(checked);
  const answers = await catEach(call, inclusions, options.includeHidden ?? false);
  const reached = new Map(inclusions.map((pattern, position) => [pattern, answers[position] ?? []]));
  const byName = new Map(answers.flatMap((rows) => rows ?? []).map((row) => [row.index, row]));
  const { names, unmatched } = selectIndices(checked, (pattern) =>
    (reached.get(pattern) ?? []).map((row) => row.index),
  );
  const indices = names
    .flatMap((name) => byName.get(name) ?? [])
    .sort((left, right) => left.index.localeCompare(right.index));
  return { indices, unmatched };
}

/** Every hidden index: the settings API reports `index.hidden` only where it is set. */
async function hiddenIndices(call: ClusterCall): Promise<string[]> {
  const request = {
    method: 'GET' as const,
    path: '/_all/_settings/index.hidden',
    query: { expand_wildcards: 'all', flat_settings: 'true' },
  };
  return read(call, request, (answers) => answers.hiddenIndices);
}

/**
 * Deletes exactly the named indices, one request each: no wildcard, no `_all`, no protected index, and an alias
 * is refused by the cluster rather than resolved. An index already gone counts as deleted (safe to repeat).
 */
async function deleteIndices(
  call: ClusterCall,
  indices: readonly string[],
  protectedPatterns: readonly string[],
  options: DeleteIndicesOptions = {},
): Promise<Array<{ index: string; outcome: DeleteOutcome }>> {
  const names = indices.map(validateIndexName);
  assertDeletable(names, protectedPatterns);
  const results: Array<{ index: string; outcome: DeleteOutcome }> = [];
  for (const index of names) {
    await options.beforeEach?.(index);
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

/**
 * Document counts (primaries) of the named indices that exist; closed indices have none to count. Names too many
 * for one request line are asked in several.
 */
async function docCounts(call: ClusterCall, indices: readonly string[]): Promise<Map<string, number>> {
  const counts = await readInLists(indices.map(validateIndexName), async (names) => {
    const request = {
      method: 'GET' as const,
      path: clusterPath`/${names}/_stats/docs`,
      query: { ignore_unavailable: 'true', allow_no_indices: 'true' },
    };
    return [...(await read(call, request, (answers) => answers.docCounts))];
  });
  return new Map(counts);
}

/**
 * What a restore of the named indices would bring elsewhere: creation version, shards and replicas from
 * `_settings`, primaries' bytes from `_stats/store`. An index that does not exist is left out. Names too many for
 * one request line are asked in several.
 */
async function indexFacts(call: ClusterCall, indices: readonly string[]): Promise<IndexFacts[]> {
  const facts = await readInLists(indices.map(validateIndexName), (names) => indexFactsOf(call, names));
  return facts.sort((left, right) => left.index.localeCompare(right.index));
}

/** `indexFacts` of names that fit in one request line. */
async function indexFactsOf(call: ClusterCall, names: readonly string[]): Promise<IndexFacts[]> {
  const query = { ignore_unavailable: 'true', allow_no_indices: 'true', expand_wildcards: 'all' };
  const settingsRequest = {
    method: 'GET' as const,
    path: clusterPath`/${names}/_settings/${(await call.dialect()).requests.indexSettingNames}`,
    query: { ...query, flat_settings: 'true' },
  };
  const storeRequest = { method: 'GET' as const, path: clusterPath`/${names}/_stats/store`, query };
  const [settings, bytes] = await Promise.all([
    read(call, settingsRequest, (answers) => answers.indexSettings),
    read(call, storeRequest, (answers) => answers.primaryBytes),
  ]);
  return [...settings].map(([index, facts]) => ({ index, ...facts, primaryBytes: bytes.get(index) ?? 0 }));
}

/** The index capability; `protectedPatterns` are never deleted, whatever a plan says. */
function indexApi(call: ClusterCall, protectedPatterns: readonly string[]): IndexApi {
  return {
    resolveIndices: (expressions, options = {}) => resolveIndices(call, expressions, options),
    hiddenIndices: () => hiddenIndices(call),
    deleteIndices: (indices, options) => deleteIndices(call, indices, protectedPatterns, options),
    docCounts: (indices) => docCounts(call, indices),
    indexFacts: (indices) => indexFacts(call, indices),
    aliases: async () => {
      const query = (await call.dialect()).requests.aliasesQuery;
      return read(call, { method: 'GET', path: '/_cat/aliases', query }, (answers) => answers.aliases);
    },
  };
}

export { indexApi };
