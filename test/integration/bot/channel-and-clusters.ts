import { deleteIndexDirectly } from '../../rig/seed-indices.js';
import type { BotUnderTest } from './bot-under-test.js';

/** What a person reads on a message: the text of its blocks, in order, one per line. */
function readable(blocks: unknown): string {
  const texts: string[] = [];
  JSON.stringify(blocks ?? [], (key, value) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n');
}

/** Removes every index a test file made, restored copies included, from both clusters. */
async function removeFromBothClusters(bot: BotUnderTest, indices: Iterable<string>): Promise<void> {
  const removals = [...indices].flatMap((index) => [
    deleteIndexDirectly(bot.clusters.a.directUrl, index),
    deleteIndexDirectly(bot.clusters.b.directUrl, index),
  ]);
  await Promise.all(removals);
}

/**
 * A cluster's engine as the bot should name it (`OpenSearch 2.19.6`), read from its own `GET /`: the suite runs
 * against whichever engine pair the rig started.
 */
async function engineNameOf(directUrl: string): Promise<string> {
  const response = await fetch(`${directUrl.replace(/\/$/, '')}/`);
  const { version } = (await response.json()) as { version: { number: string; distribution?: string } };
  return `${version.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${version.number}`;
}

export { engineNameOf, readable, removeFromBothClusters };
