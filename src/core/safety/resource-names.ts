import { InvalidResourceNameError } from '../errors.js';

/**
 * Name rules of the cluster (index, snapshot and repository validators in OpenSearch / Elasticsearch), checked
 * before a request is built, so that a bad name gets an answer that says why instead of a cluster stack trace,
 * and so that no name can change the meaning of a URL (`/`, `?`, `#`, `..`).
 */
const FORBIDDEN_IN_NAMES = ['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ':'];
const MAX_NAME_BYTES = 255;

function checkCommon(kind: InvalidResourceNameError['kind'], name: string): void {
  if (name.length === 0) throw new InvalidResourceNameError(kind, name, 'is empty');
  if (/\s/.test(name)) throw new InvalidResourceNameError(kind, name, 'contains whitespace');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new InvalidResourceNameError(kind, name, 'contains control characters');
  if (name === '.' || name === '..' || name.includes('..')) {
    throw new InvalidResourceNameError(kind, name, 'contains ".."');
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    throw new InvalidResourceNameError(kind, name, `is longer than ${MAX_NAME_BYTES} bytes`);
  }
}

function checkForbiddenCharacters(kind: InvalidResourceNameError['kind'], name: string, allowed: string[] = []): void {
  const found = FORBIDDEN_IN_NAMES.find((character) => !allowed.includes(character) && name.includes(character));
  if (found !== undefined) throw new InvalidResourceNameError(kind, name, `must not contain "${found}"`);
}

function validateIndexName(name: string): string {
  checkCommon('index', name);
  checkForbiddenCharacters('index', name);
  if (name !== name.toLowerCase()) throw new InvalidResourceNameError('index', name, 'must be lowercase');
  if (/^[-_+]/.test(name)) throw new InvalidResourceNameError('index', name, 'must not start with "-", "_" or "+"');
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
    throw new InvalidResourceNameError('index pattern', pattern, 'would match every index; name the indices instead');
  }
  if (pattern !== pattern.toLowerCase()) {
    throw new InvalidResourceNameError('index pattern', pattern, 'must be lowercase');
  }
  if (/^[-_+]/.test(pattern)) {
    throw new InvalidResourceNameError('index pattern', pattern, 'must not start with "-", "_" or "+"');
  }
  return pattern;
}

function validateSnapshotName(name: string): string {
  checkCommon('snapshot', name);
  checkForbiddenCharacters('snapshot', name, [':']);
  if (name !== name.toLowerCase()) throw new InvalidResourceNameError('snapshot', name, 'must be lowercase');
  if (name.startsWith('_')) throw new InvalidResourceNameError('snapshot', name, 'must not start with "_"');
  return name;
}

function validateRepositoryName(name: string): string {
  checkCommon('repository', name);
  checkForbiddenCharacters('repository', name, [':']);
  if (name.startsWith('_')) throw new InvalidResourceNameError('repository', name, 'must not start with "_"');
  return name;
}

/** The managed service keeps its hourly snapshots in `cs-automated` / `cs-automated-enc`: read-only there. */
function isAutomatedRepository(name: string): boolean {
  return name.startsWith('cs-automated');
}

export { isAutomatedRepository, validateIndexName, validateIndexPattern, validateRepositoryName, validateSnapshotName };
