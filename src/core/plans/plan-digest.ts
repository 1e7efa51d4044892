import type { JobPlan } from '../jobs/job.js';
import { sha256Hex } from './sha256.js';

/** How many hex digits of a digest a message shows: enough for a person to compare two plans by eye. */
const SHORT_DIGEST_LENGTH = 8;

/**
 * JSON with object keys sorted and absent fields left out, so that the same plan gives the same text however it
 * was built or read back (a stored job lacks the attributes that were undefined when it was written).
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The digest of a plan: the SHA-256 of its canonical form. An approval records the digest it approved and
 * counts only while the job's plan still has that digest: whatever is added to a plan (UUIDs, counts, targets,
 * preflight results) is covered without listing it here.
 */
function planDigest(plan: JobPlan): string {
  return sha256Hex(canonicalJson(plan));
}

/** The digest as a message shows it. */
function shortDigest(digest: string): string {
  return digest.slice(0, SHORT_DIGEST_LENGTH);
}

export { canonicalJson, planDigest, shortDigest };
