import { formatCount } from '../messages/format.js';

/**
 * A count with its English noun in the right number: `1 index`, `2 indices`, `1,200 shards`. Every English count
 * phrase goes through it, so no line reads `1 indices`; Japanese counts with counters (`3 個`) and needs none.
 *
 * @example
 * counted(1, 'index', 'indices'); // '1 index'
 * counted(4, 'shard'); // '4 shards'
 * counted('1,200', 'doc'); // '1,200 docs': a count already formatted is taken as it is
 */
function counted(count: number | string, singular: string, plural = `${singular}s`): string {
  const shown = typeof count === 'number' ? formatCount(count) : count;
  return `${shown} ${shown === '1' ? singular : plural}`;
}

export { counted };
