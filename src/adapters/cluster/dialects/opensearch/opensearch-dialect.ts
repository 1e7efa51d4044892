import type { ClusterDialect } from '../cluster-dialect.js';
import { health, info, repositories, verifiedNodes } from './cluster-answers.js';
import { fault } from './fault-answers.js';
import { CAT_INDICES_QUERY, catIndices, docCounts } from './index-answers.js';
import { recovery } from './recovery-answers.js';
import { jobIdOf, restoreBody, snapshotBody } from './request-bodies.js';
import {
  SNAPSHOT_LIST_QUERY,
  snapshotIndexSizes,
  snapshotList,
  snapshotStatus,
  snapshots,
} from './snapshot-answers.js';

/**
 * OpenSearch 1.x–2.x and Elasticsearch 6.8–7.x as Amazon OpenSearch Service runs them: the answers the bot has
 * been tested against (OpenSearch in the rig, Elasticsearch 6 `_status` fields in unit tests).
 */
const openSearchDialect: ClusterDialect = {
  answers: {
    info,
    health,
    repositories,
    verifiedNodes,
    snapshots,
    snapshotList,
    snapshotStatus,
    snapshotIndexSizes,
    catIndices,
    docCounts,
    recovery,
    fault,
  },
  requests: {
    snapshotBody,
    jobIdOf,
    restoreBody,
    snapshotListQuery: SNAPSHOT_LIST_QUERY,
    catIndicesQuery: CAT_INDICES_QUERY,
  },
};

export { openSearchDialect };
