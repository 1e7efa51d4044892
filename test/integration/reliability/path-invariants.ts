/**
 * What every request path reaching a cluster must look like, judged from the wire and not from the bot's own rules:
 * each segment decodes once to a printable name that cannot climb, split or end the path, and a DELETE never names
 * a wildcard, `_all` or a dot-prefixed (system or hidden) index.
 */

// Whitespace, controls, separators, the characters the engines refuse in any name, and `%` (a name encoded twice).
const FORBIDDEN_IN_NAME = /[\s\p{Cc}\p{Cs}/\\?#"<>|%]/u;
const MAX_NAME_BYTES = 255;

/** The name a segment stands for, when it is percent-encoded exactly as `encodeURIComponent` would. */
function decodedOnce(segment: string): string | undefined {
  try {
    const decoded = decodeURIComponent(segment);
    return encodeURIComponent(decoded) === segment ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function nameProblem(part: string): string | undefined {
  const name = decodedOnce(part);
  if (name === undefined) return `segment "${part}" is not encoded exactly once`;
  if (name === '.' || name === '..') return `segment "${part}" climbs the path`;
  if (FORBIDDEN_IN_NAME.test(name)) return `segment "${part}" holds a character no name may hold`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `segment "${part.slice(0, 40)}…" is longer than a name`;
  return undefined;
}

/** An index deletion names each index: never a pattern, `_all`, or a dot-prefixed (system or hidden) index. */
function deletionProblem(firstSegment: string): string | undefined {
  const indices = firstSegment.split(',').map((part) => decodeURIComponent(part));
  const unsafe = indices.find((index) => index.includes('*') || index === '_all' || index.startsWith('.'));
  return unsafe === undefined ? undefined : `DELETE of "${unsafe}"`;
}

/** Why a path is not one the bot should ever send, or undefined when it is fine. */
function pathProblem(method: string, path: string): string | undefined {
  const segments = path.split('/').slice(1);
  const parts = segments.flatMap((segment) => (segment === '' ? [] : segment.split(',')));
  if (segments.some((segment) => segment !== '' && segment.split(',').includes(''))) return `empty name in "${path}"`;
  const problem = parts.map(nameProblem).find((found) => found !== undefined);
  if (problem !== undefined) return problem;
  if (method === 'DELETE' && segments[0] !== '_snapshot') return deletionProblem(segments[0] ?? '');
  return undefined;
}

export { pathProblem };
