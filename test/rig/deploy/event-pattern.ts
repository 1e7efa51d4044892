/** One entry of a leaf list: a value, or `{ "anything-but": [values] }` (any value present but those). */
function matchesLeaf(allowed: unknown, value: unknown): boolean {
  if (allowed !== null && typeof allowed === 'object' && 'anything-but' in allowed) {
    const refused = (allowed as { 'anything-but': unknown[] })['anything-but'];
    return value !== undefined && !refused.includes(value);
  }
  return allowed === value;
}

/**
 * Lambda's event filtering, for the patterns the deployment uses: every key of the pattern must be present in the
 * event, and a leaf list holds the values allowed there, plain or `anything-but`. (Enough to check that the stream
 * filter in serverless.yml and the items the job store writes agree; not the whole filtering language.)
 */
function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((allowed) => matchesLeaf(allowed, event));
  if (pattern === null || typeof pattern !== 'object') return pattern === event;
  if (event === null || typeof event !== 'object') return false;
  return Object.entries(pattern).every(([key, expected]) =>
    matchesEventPattern(expected, (event as Record<string, unknown>)[key]),
  );
}

export { matchesEventPattern };
