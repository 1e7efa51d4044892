import { InvalidResourceNameError } from '../../core/errors.js';
import { shownName } from '../../core/words/shown-name.js';

type PathValue = string | readonly string[];

function encodeSegment(value: string): string {
  // A lone UTF-16 half (`\p{Cs}`) would make encodeURIComponent throw a URIError instead of this answer.
  if (value.length === 0 || /[\s/?#%\\]|\p{Cs}/u.test(value) || value.includes('..') || value.includes(',')) {
    throw new InvalidResourceNameError('path segment', shownName(value), { rule: 'not-in-path' });
  }
  // `*` stays literal (encodeURIComponent keeps it): it is how index patterns reach the cluster.
  return encodeURIComponent(value);
}

function encodeValue(value: PathValue): string {
  if (typeof value === 'string') return encodeSegment(value);
  if (value.length === 0) throw new InvalidResourceNameError('path segment', '', { rule: 'empty-list' });
  return value.map(encodeSegment).join(',');
}

/**
 * Builds a request path from a template whose interpolations are names: each one is checked and percent-encoded,
 * and a list becomes a comma-separated segment. A name can never add a path segment, a query or a fragment.
 *
 * @example
 * clusterPath`/_snapshot/${repository}/${snapshot}/_restore`
 * clusterPath`/${['logs-1', 'logs-2']}/_recovery` // "/logs-1,logs-2/_recovery"
 */
function clusterPath(strings: TemplateStringsArray, ...values: PathValue[]): string {
  const encoded = values.map(encodeValue);
  return strings.map((literal, position) => literal + (encoded[position] ?? '')).join('');
}

/**
 * Characters of comma-separated names one request path may carry. The engines refuse a request line longer than
 * `http.max_initial_line_length` (4 kB by default) with 400: measured on OpenSearch 2.19, 150 restore targets of
 * 29 characters were refused. 3,000 leaves room for the method, the rest of the path and the query.
 */
const NAMES_PER_REQUEST = 3000;

/**
 * Splits names into lists that each fit in one request path (percent-encoded, commas included), in order: a read
 * of many indices or snapshots then takes as many requests as its names need, never a line the cluster refuses.
 *
 * @example
 * for (const names of requestSizedLists(targets)) await read(call, { path: clusterPath`/${names}/_recovery` });
 */
function requestSizedLists(names: readonly string[], limit = NAMES_PER_REQUEST): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const name of names) {
    const size = encodeURIComponent(name).length;
    if (current.length > 0 && length + 1 + size > limit) {
      lists.push(current);
      current = [];
      length = 0;
    }
    length += (current.length === 0 ? 0 : 1) + size;
    current.push(name);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** `read` of each list of `names` that fits one request path (`requestSizedLists`), all at once, answers in order. */
async function readInLists<T>(names: readonly string[], read: (list: string[]) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(requestSizedLists(names).map(read))).flat();
}

/** Patterns shorter than this before their `*` would match too much of a cluster to be worth one request. */
const SHORTEST_PATTERN_PREFIX = 4;

function joinedLength(names: readonly string[]): number {
  return names.reduce((length, name) => length + encodeURIComponent(name).length, Math.max(names.length - 1, 0));
}

/**
 * Each name longer than `length` characters (code points, so that no character is split) cut to it and ended with
 * `*`, once each.
 */
function cutTo(names: readonly string[], length: number): string[] {
  const cut = (characters: string[]) =>
    characters.length <= length ? characters.join('') : `${characters.slice(0, length).join('')}*`;
  return [...new Set(names.map((name) => cut([...name])))];
}

/**
 * Lists of index names or patterns that together match every one of `names`, each fitting one request path: the
 * names as they are when they fit, else the names cut to the longest length at which they fit, each ended with
 * `*`, so that a read of many indices stays one request however many jobs wait on them. Only for reads whose
 * caller keeps the indices it asked about from the answer (a pattern matches others too), with wildcards
 * expanded to hidden indices. When no cut of at least four characters fits, the names are split as
 * `requestSizedLists` splits them.
 *
 * @example
 * indexRequestLists(['restored-logs-00001', 'restored-logs-00002'], 20) // [['restored-logs-0000*']]
 */
function indexRequestLists(names: readonly string[], limit = NAMES_PER_REQUEST): string[][] {
  if (joinedLength(names) <= limit) return names.length === 0 ? [] : [[...names]];
  const longest = Math.max(...names.map((name) => [...name].length));
  for (let length = longest - 1; length >= SHORTEST_PATTERN_PREFIX; length -= 1) {
    const patterns = cutTo(names, length);
    if (joinedLength(patterns) <= limit) return [patterns];
  }
  return requestSizedLists(names, limit);
}

export type { PathValue };
export { clusterPath, indexRequestLists, readInLists, requestSizedLists };
