import * as z from 'zod';
import type { IndexSummary } from '../../../../core/model/search-index.js';
import type { Answer } from '../cluster-dialect.js';

// `_cat` answers every cell as a string, and leaves out the counts of a closed index.
const catIndicesAnswer = z.array(
  z.object({
    index: z.string(),
    uuid: z.string(),
    health: z.string().nullish(),
    status: z.string().nullish(),
    'docs.count': z.coerce.number().nullish(),
    'store.size': z.coerce.number().nullish(),
    pri: z.coerce.number().nullish(),
  }),
);

const CAT_INDICES_QUERY = { format: 'json', bytes: 'b', h: 'index,uuid,health,status,docs.count,store.size,pri' };

const catIndices: Answer<IndexSummary[]> = catIndicesAnswer.transform((rows) =>
  rows.map((row) => ({
    index: row.index,
    uuid: row.uuid,
    health: row.health ?? 'unknown',
    status: row.status ?? 'unknown',
    docsCount: row['docs.count'] ?? 0,
    storeBytes: row['store.size'] ?? 0,
    primaries: row.pri ?? 0,
  })),
);

const statsAnswer = z.object({
  indices: z.record(
    z.string(),
    z.object({ primaries: z.object({ docs: z.object({ count: z.number() }).optional() }) }),
  ),
});

// A closed index has no documents to count.
const docCounts: Answer<Map<string, number>> = statsAnswer.transform(
  (answer) =>
    new Map(Object.entries(answer.indices).map(([index, stats]) => [index, stats.primaries.docs?.count ?? 0])),
);

const settingsAnswer = z.record(
  z.string(),
  z.object({ settings: z.object({ 'index.hidden': z.string().optional() }) }),
);

// Settings come back as text: `"true"`.
const hiddenIndices: Answer<string[]> = settingsAnswer.transform((answer) =>
  Object.entries(answer)
    .filter(([, { settings }]) => settings['index.hidden'] === 'true')
    .map(([index]) => index)
    .sort(),
);

export { CAT_INDICES_QUERY, catIndices, docCounts, hiddenIndices };
