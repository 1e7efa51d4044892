import type { ClusterDialect } from '../cluster-dialect.js';
import { health, info, repositories, verifiedNodes } from './cluster-answers.js';
import { fault } from './fault-answers.js';
import { CAT_INDICES_QUERY, catIndices, docCounts, hiddenIndices } from './index-answers.js';
import {
  ALIASES_QUERY,
  ALLOCATION_QUERY,
  aliases,
  allocationSettings,
  diskAllocation,
  INDEX_SETTING_NAMES,
  indexSettings,
  primaryBytes,
  SETTINGS_QUERY,
  snapshotIndexSizes,
  snapshotVersion,
} from './preflight-answers.js';
import { recovery } from './recovery-answers.js';
import { jobIdOf, restoreBody, snapshotBody } from './request-bodies.js';
import { SNAPSHOT_LIST_QUERY, snapshotList, snapshotStatus, snapshots } from './snapshot-answers.js';

/**
 * OpenSearch 1.x–3.x and Elasticsearch 6.8–7.x as Amazon OpenSearch Service runs them: the answers the bot has
 * been tested against (Elasticsearch 7.10.2 and OpenSearch 1.3, 2.19 and 3.x in the rig, Elasticsearch 6 `_status`
 * fields in unit tests).
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
    catIndices,
    docCounts,
    hiddenIndices,
    recovery,
    diskAllocation,
    allocationSettings,
    indexSettings,
    primaryBytes,
    aliases,
    snapshotVersion,
    snapshotIndexSizes,
    fault,
  },
  requests: {
    snapshotBody,
    jobIdOf,
    restoreBody,
    snapshotListQuery: SNAPSHOT_LIST_QUERY,
    catIndicesQuery: CAT_INDICES_QUERY,
    allocationQuery: ALLOCATION_QUERY,
    settingsQuery: SETTINGS_QUERY,
    aliasesQuery: ALIASES_QUERY,
    indexSettingNames: INDEX_SETTING_NAMES,
  },
};

export { openSearchDialect };
