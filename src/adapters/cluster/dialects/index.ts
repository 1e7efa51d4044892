import type { ClusterInfo } from '../../../core/model/cluster-info.js';
import type { ClusterDialect } from './cluster-dialect.js';
import { openSearchDialect } from './opensearch/opensearch-dialect.js';

/**
 * The engine dialects the bot speaks, by name. A new engine or version is a folder beside `opensearch/` and one
 * line here and in {@link dialectFor}.
 */
const DIALECTS = {
  /** OpenSearch 1.x–3.x and Elasticsearch 7 compatible answers (what Amazon OpenSearch Service runs). */
  opensearch: openSearchDialect,
} as const satisfies Record<string, ClusterDialect>;

type DialectName = keyof typeof DIALECTS;

function dialectNamed(name: DialectName): ClusterDialect {
  return DIALECTS[name];
}

/** The dialect of the engine `GET /` named; `undefined` (not asked yet) reads as OpenSearch, whose `GET /` all share. */
function dialectFor(info: ClusterInfo | undefined): ClusterDialect {
  return info === undefined ? DIALECTS.opensearch : DIALECTS.opensearch;
}

export type { DialectName };
export { dialectFor, dialectNamed };
