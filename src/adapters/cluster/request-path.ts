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

export type { PathValue };
export { clusterPath };
