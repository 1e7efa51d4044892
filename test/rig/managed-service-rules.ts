/** What Amazon OpenSearch Service answers instead of passing a request on (FACTS.md section E). */
type Refusal = { status: number; message: string };

/** Calls that the managed service may answer with 504 while the work goes on. */
type LongRunningCall = 'restore' | 'snapshot-create';

type RuleInput = { method: string; rawPath: string; body: Buffer };

const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE']);

/** Stand-ins for the security and Dashboards indices a domain holds, to test wildcard patterns against. */
const PROTECTED_SAMPLES = [
  '.opendistro_security',
  '.opendistro-reports-definitions',
  '.opendistro-reports-instances',
  '.kibana',
  '.kibana_1',
];

function isProtectedName(name: string): boolean {
  return name === '.opendistro_security' || name.startsWith('.opendistro-reports-') || name.startsWith('.kibana');
}

function pathSegments(rawPath: string): string[] {
  return rawPath
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Index expressions as restore reads them: in order, `-pattern` removes what came before it, and a list that starts
 * with an exclusion starts from every index. No `indices` at all means every index.
 */
function restoredProtectedIndex(indices: unknown): string | undefined {
  const expressions = (Array.isArray(indices) ? indices.map(String) : String(indices ?? '*').split(','))
    .map((expression) => expression.trim())
    .filter(Boolean);
  const candidates = [...PROTECTED_SAMPLES, ...expressions.filter(isProtectedName)];
  return candidates.find((name) => {
    let included = expressions.length === 0 || expressions[0]?.startsWith('-') === true;
    for (const expression of expressions) {
      if (expression.startsWith('-')) included &&= !globMatches(expression.slice(1), name);
      else included ||= globMatches(expression, name);
    }
    return included;
  });
}

function snapshotRules(method: string, segments: string[], body: Buffer): Refusal | undefined {
  const [, repository = '', snapshot, action] = segments;
  const isWrite = WRITE_METHODS.has(method);
  if (isWrite && method !== 'DELETE' && segments.length === 2 && repository.startsWith('cs-')) {
    return {
      status: 400,
      message: `Repository name '${repository}' is invalid: names starting with 'cs-' are reserved.`,
    };
  }
  if (isWrite && repository.startsWith('cs-automated') && action !== '_restore') {
    return {
      status: 403,
      message: `Repository '${repository}' holds automated snapshots and is read-only: snapshots can be restored from it, not created in it or deleted.`,
    };
  }
  if (method === 'POST' && snapshot !== undefined && action === '_restore' && segments.length === 4) {
    const restored = restoredProtectedIndex(parseJson(body)?.indices);
    if (restored !== undefined) {
      return {
        status: 403,
        message: `Restoring '${restored}' is not allowed: exclude the security and Dashboards indices, e.g. "indices": "-.kibana*,-.opendistro*".`,
      };
    }
  }
  return undefined;
}

/** The managed service's refusals that a plain cluster does not make; undefined when the request may pass. */
function checkManagedServiceRules({ method, rawPath, body }: RuleInput): Refusal | undefined {
  const segments = pathSegments(rawPath);
  if (segments.length === 1 && segments[0] === '_recovery') {
    return { status: 401, message: "Your request: '/_recovery' is not allowed." };
  }
  if (segments.includes('_close')) return { status: 401, message: `Your request: '${rawPath}' is not allowed.` };
  if (segments[0] === '_snapshot' && segments.length >= 2) return snapshotRules(method, segments, body);
  return undefined;
}

/** Recognises a snapshot restore or a snapshot creation (`_snapshot/<repo>/<snap>`, not `_status`/`_verify`). */
function classifyLongRunning(method: string, rawPath: string): LongRunningCall | undefined {
  const [root, , snapshot = '', action, ...rest] = pathSegments(rawPath);
  if (root !== '_snapshot' || snapshot === '' || rest.length > 0) return undefined;
  if (method === 'POST' && action === '_restore') return 'restore';
  if ((method === 'PUT' || method === 'POST') && action === undefined && !snapshot.startsWith('_')) {
    return 'snapshot-create';
  }
  return undefined;
}

export {
  checkManagedServiceRules,
  classifyLongRunning,
  type LongRunningCall,
  pathSegments,
  type Refusal,
  type RuleInput,
};
