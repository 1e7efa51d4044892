import type { ClusterDialect } from './cluster-dialect.js';
import { openSearchDialect } from './opensearch/opensearch-dialect.js';

/**
 * The engine dialects the bot speaks, by name. A new engine or version is a folder beside `opensearch/` and one
 * line here.
 */
const DIALECTS = {
  /** OpenSearch 2.x and Elasticsearch 7 compatible answers (what Amazon OpenSearch Service runs). */
  opensearch: openSearchDialect,
} as const satisfies Record<string, ClusterDialect>;

type DialectName = keyof typeof DIALECTS;

function dialectNamed(name: DialectName): ClusterDialect {
  return DIALECTS[name];
}

export type { DialectName };
export { dialectNamed };
