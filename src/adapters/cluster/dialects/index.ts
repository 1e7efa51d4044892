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

/**
 * The dialect of the engine `GET /` named (`undefined`: not asked yet; `GET /` reads alike in all). Every engine the
 * bot is proven on answers as `opensearch/` reads: Elasticsearch 7.10.2 and OpenSearch 1.3.20, 2.19.6 and 3.6.0
 * ran the whole integration suite in the rig, and the unit tests read Elasticsearch's recorded answers. An engine
 * whose answers differ gets its folder and its rule here.
 */
function dialectFor(_engine: ClusterInfo | undefined): ClusterDialect {
  return DIALECTS.opensearch;
}

export type { DialectName };
export { dialectFor, dialectNamed };
