/**
 * The engine pairs `npm run test:engines` proves the bot on: each engine against itself, and the migrations the
 * managed service's users make between versions. Engines are written as the rig reads them from
 * `ES_SNAPSHOT_BOT_ENGINE_A` / `_B` (`opensearch:2.19.6`, `elasticsearch:7.10.2`).
 */
type EnginePair = {
  /** What `--pair` names it by, and the table's first column. */
  id: string;
  a: string;
  b: string;
  /** The integration files the pair runs, when not all of them: a pair that cannot migrate runs what proves why. */
  files?: readonly string[];
  /** What the row should make a reader expect, beside the counts. */
  note?: string;
};

const OPENSEARCH_1 = 'opensearch:1.3.20';
const OPENSEARCH_2 = 'opensearch:2.19.6';
const OPENSEARCH_3 = 'opensearch:3.6.0';
const ELASTICSEARCH_7 = 'elasticsearch:7.10.2';

const ENGINE_PAIRS: readonly EnginePair[] = [
  { id: 'os2', a: OPENSEARCH_2, b: OPENSEARCH_2, note: 'the default engine' },
  { id: 'es7', a: ELASTICSEARCH_7, b: ELASTICSEARCH_7 },
  { id: 'os1', a: OPENSEARCH_1, b: OPENSEARCH_1 },
  { id: 'os3', a: OPENSEARCH_3, b: OPENSEARCH_3 },
  { id: 'es7-os2', a: ELASTICSEARCH_7, b: OPENSEARCH_2 },
  { id: 'os1-os2', a: OPENSEARCH_1, b: OPENSEARCH_2 },
  { id: 'os2-os3', a: OPENSEARCH_2, b: OPENSEARCH_3 },
  {
    id: 'os2-os1',
    a: OPENSEARCH_2,
    b: OPENSEARCH_1,
    // An older B cannot read what a newer A wrote: the preflight's refusal, before approval, is what is proven.
    files: ['test/integration/bot/engine-direction.test.ts'],
    note: 'refused direction: the preflight refuses a migration into the older engine before approval',
  },
];

/** The pairs `--pair` names (all of them without it); an unknown id is refused with the ones there are. */
function selectPairs(ids: readonly string[]): EnginePair[] {
  if (ids.length === 0) return [...ENGINE_PAIRS];
  const known = new Map(ENGINE_PAIRS.map((pair) => [pair.id, pair]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `no engine pair ${unknown.join(', ')}: pick from ${ENGINE_PAIRS.map((pair) => pair.id).join(', ')}`,
    );
  }
  return ENGINE_PAIRS.filter((pair) => ids.includes(pair.id));
}

export { ENGINE_PAIRS, type EnginePair, selectPairs };
