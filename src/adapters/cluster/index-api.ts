import { z } from 'zod';
import { IndexNotFoundError } from '../../core/errors.js';
import { assertDeletable, matchesWildcard } from '../../core/safety/protected-indices.js';
import { validateIndexName, validateIndexPattern } from '../../core/safety/resource-names.js';
import type { DeleteOutcome, IndexSummary } from '../../ports/cluster-client.js';
import { type ClusterCall, read, write } from './cluster-call.js';
import { clusterPath } from './request-path.js';

const catIndicesAnswer = z.array(
  z.object({
    index: z.string(),
    health: z.string().nullish(),
    status: z.string().nullish(),
    'docs.count': z.coerce.number().nullish(),
    'store.size': z.coerce.number().nullish(),
    pri: z.coerce.number().nullish(),
  }),
);

// Missing names are left out of the answer instead of failing the whole call; the caller reports them.
const LENIENT = { format: 'json', bytes: 'b', ignore_unavailable: 'true', allow_no_indices: 'true' };

async function catIndices(call: ClusterCall, names: readonly string[], columns: string) {
  const request = {
    method: 'GET' as const,
    path: clusterPath`/_cat/indices/${names}`,
    query: { ...LENIENT, h: columns },
  };
  return read(call, request, catIndicesAnswer);
}

/**
 * Resolves names and `*` patterns to the concrete indices they reach now, with doc counts and sizes, sorted by
 * name; `unmatched` lists the patterns that reach nothing, so a plan never silently shrinks.
 */
async function resolveIndices(
  call: ClusterCall,
  patterns: readonly string[],
): Promise<{ indices: IndexSummary[]; unmatched: string[] }> {
  const checked = patterns.map(validateIndexPattern);
  const rows = await catIndices(call, checked, 'index,health,status,docs.count,store.size,pri');
  const indices = rows
    .map((row) => ({
      index: row.index,
      health: row.health ?? 'unknown',
      status: row.status ?? 'unknown',
      docsCount: row['docs.count'] ?? 0,
      storeBytes: row['store.size'] ?? 0,
      primaries: row.pri ?? 0,
    }))
    .sort((left, right) => left.index.localeCompare(right.index));
  const unmatched = checked.filter((pattern) => !indices.some((found) => matchesWildcard(pattern, found.index)));
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
      if (!(error instanceof IndexNotFoundError)) throw error;
      results.push({ index, outcome: 'already-absent' });
    }
  }
  return results;
}

/** Document counts (primaries) of the named indices that exist. */
async function docCounts(call: ClusterCall, indices: readonly string[]): Promise<Map<string, number>> {
  const rows = await catIndices(call, indices.map(validateIndexName), 'index,docs.count');
  return new Map(rows.map((row) => [row.index, row['docs.count'] ?? 0]));
}

export { deleteIndices, docCounts, resolveIndices };
