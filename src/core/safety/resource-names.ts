import { InvalidResourceNameError } from '../errors.js';
import { shownName } from '../words/shown-name.js';

/**
 * Name rules of the cluster (index, snapshot and repository validators in OpenSearch / Elasticsearch), checked
 * before a request is built, so that a bad name gets an answer that says why instead of a cluster stack trace,
 * and so that no name can change the meaning of a URL (`/`, `?`, `#`, `..`).
 */
// `%` is the bot's own rule: its request paths never carry one (adapters/cluster/request-path.ts), so a name
// with one is refused here, as the name it is, rather than later as a bare path segment.
const FORBIDDEN_IN_NAMES = ['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ':', '%'];
const MAX_NAME_BYTES = 255;

function checkCommon(kind: InvalidResourceNameError['kind'], name: string): void {
  if (name.length === 0) throw new InvalidResourceNameError(kind, name, { rule: 'empty' });
  // A lone UTF-16 half cannot be percent-encoded: URL building would throw a URIError instead of answering.
  if (/\p{Cs}/u.test(name)) {
    throw new InvalidResourceNameError(kind, shownName(name), { rule: 'broken-unicode' });
  }
  if (/\s/.test(name)) throw new InvalidResourceNameError(kind, name, { rule: 'whitespace' });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new InvalidResourceNameError(kind, name, { rule: 'control-characters' });
  if (name === '.' || name === '..' || name.includes('..')) {
    throw new InvalidResourceNameError(kind, name, { rule: 'dot-dot' });
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    throw new InvalidResourceNameError(kind, name, { rule: 'too-long', bytes: MAX_NAME_BYTES });
  }
}

function checkForbiddenCharacters(kind: InvalidResourceNameError['kind'], name: string, allowed: string[] = []): void {
  const found = FORBIDDEN_IN_NAMES.find((character) => !allowed.includes(character) && name.includes(character));
  if (found !== undefined)
    throw new InvalidResourceNameError(kind, name, { rule: 'forbidden-character', character: found });
}

function validateIndexName(name: string): string {
  checkCommon('index', name);
  checkForbiddenCharacters('index', name);
  if (name !== name.toLowerCase()) throw new InvalidResourceNameError('index', name, { rule: 'uppercase' });
  if (/^[-_+]/.test(name))
    throw new InvalidResourceNameError('index', name, { rule: 'bad-start', characters: ['-', '_', '+'] });
  return name;
}

/**
 * An index pattern as a person types it: a name, or a name with `*` wildcards. `_all` and patterns made only of
 * wildcards are refused: they would reach every index, system ones included.
 */
function validateIndexPattern(pattern: string): string {
  checkCommon('index pattern', pattern);
  checkForbiddenCharacters('index pattern', pattern, ['*']);
  if (pattern === '_all' || /^\*+$/.test(pattern)) {
    throw new InvalidResourceNameError('index pattern', pattern, { rule: 'matches-everything' });
  }
  if (pattern !== pattern.toLowerCase()) {
    throw new InvalidResourceNameError('index pattern', pattern, { rule: 'uppercase' });
  }
  if (/^[-_+]/.test(pattern)) {
    throw new InvalidResourceNameError('index pattern', pattern, { rule: 'bad-start', characters: ['-', '_', '+'] });
  }
  return pattern;
}

/** `-pattern` in an index list: removes what the items before it reached, as the engines read index lists. */
function isExclusion(expression: string): boolean {
  return expression.startsWith('-');
}

/** One item of an index list: a name or pattern, or `-` and a name or pattern to leave out. */
function validateIndexExpression(expression: string): string {
  if (isExclusion(expression)) {
    validateIndexPattern(expression.slice(1));
    return expression;
  }
  return validateIndexPattern(expression);
}

function validateSnapshotName(name: string): string {
  checkCommon('snapshot', name);
  checkForbiddenCharacters('snapshot', name, [':']);
  if (name !== name.toLowerCase()) throw new InvalidResourceNameError('snapshot', name, { rule: 'uppercase' });
  if (name.startsWith('_'))
    throw new InvalidResourceNameError('snapshot', name, { rule: 'bad-start', characters: ['_'] });
  return name;
}

function validateRepositoryName(name: string): string {
  checkCommon('repository', name);
  checkForbiddenCharacters('repository', name, [':']);
  if (name.startsWith('_'))
    throw new InvalidResourceNameError('repository', name, { rule: 'bad-start', characters: ['_'] });
  return name;
}

/** The managed service keeps its hourly snapshots in `cs-automated` / `cs-automated-enc`: read-only there. */
function isAutomatedRepository(name: string): boolean {
  return name.startsWith('cs-automated');
}

export {
  isAutomatedRepository,
  isExclusion,
  validateIndexExpression,
  validateIndexName,
  validateIndexPattern,
  validateRepositoryName,
  validateSnapshotName,
};
