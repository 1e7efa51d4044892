import { formatCount } from '../messages/format.js';

/**
 * A count with its English noun in the right number: `1 index`, `2 indices`, `1,200 shards`. Every English count
 * phrase goes through it, so no line reads `1 indices`; Japanese counts with counters (`3 個`) and needs none.
 *
 * @example
 * counted(1, 'index', 'indices'); // '1 index'
 * counted(4, 'shard'); // '4 shards'
 */
function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export { counted };
