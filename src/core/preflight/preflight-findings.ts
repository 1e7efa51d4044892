import * as z from 'zod';

/**
 * What one preflight check found, stored with the plan so that the approval message (and `job <id>`) shows it.
 * Each finding says its own facts; whether it blocks the request follows from the finding alone.
 */

const count = z.number().int().nonnegative();
const names = z.array(z.string());

const preflightFinding = z.discriminatedUnion('finding', [
  z.object({ finding: z.literal('repository-readable'), repository: z.string(), nodes: count }),
  /** A migration registers the repository on the target itself (and verifies it there) before restoring. */
  z.object({ finding: z.literal('repository-registered-by-plan'), repository: z.string() }),
  z.object({ finding: z.literal('repository-missing'), repository: z.string() }),
  z.object({ finding: z.literal('repository-unreadable'), repository: z.string(), reason: z.string() }),
  z.object({ finding: z.literal('version-readable'), written: z.string(), target: z.string() }),
  z.object({ finding: z.literal('version-newer'), indices: names, written: z.string(), target: z.string() }),
  z.object({ finding: z.literal('version-too-old'), indices: names, written: z.string(), target: z.string() }),
  z.object({ finding: z.literal('version-other-engine'), indices: names, written: z.string(), target: z.string() }),
  z.object({ finding: z.literal('version-unknown'), target: z.string() }),
  z.object({
    finding: z.enum(['disk-fits', 'disk-short']),
    neededBytes: count,
    roomBytes: count,
    nodes: count,
    /**
     * The high watermark as the cluster states it; absent when it does not apply (disabled, one node). Optional,
     * not `undefined`-valued: DynamoDB stores no attribute for it.
     */
    watermark: z.string().optional(),
  }),
  z.object({ finding: z.literal('disk-watermark-unreadable'), watermark: z.string() }),
  z.object({ finding: z.literal('targets-free'), count }),
  /** `replace`: these exist and are deleted first; `closed` are among them. */
  z.object({ finding: z.literal('targets-replaced'), indices: names, closed: names }),
  z.object({ finding: z.literal('aliases-free'), count }),
  z.object({ finding: z.literal('write-alias-taken'), alias: z.string(), index: z.string(), writeIndex: z.string() }),
  z.object({ finding: z.literal('alias-shared'), alias: z.string(), indices: names }),
  z.object({ finding: z.enum(['shards-fit', 'shards-over']), adding: count, current: count, limit: count }),
  z.object({ finding: z.literal('master-timeout'), timeout: z.string(), indices: count }),
]);

type PreflightFinding = z.infer<typeof preflightFinding>;

type PreflightStatus = 'passed' | 'warning' | 'failed';

const FAILED = new Set<PreflightFinding['finding']>([
  'repository-missing',
  'repository-unreadable',
  'version-newer',
  'version-too-old',
  'version-other-engine',
  'disk-short',
  'write-alias-taken',
  'shards-over',
]);

const WARNINGS = new Set<PreflightFinding['finding']>(['version-unknown', 'disk-watermark-unreadable', 'alias-shared']);

function preflightStatus(finding: PreflightFinding): PreflightStatus {
  if (FAILED.has(finding.finding)) return 'failed';
  return WARNINGS.has(finding.finding) ? 'warning' : 'passed';
}

/** A failed check blocks the request; a warning is only shown. */
function blocksApproval(findings: readonly PreflightFinding[]): boolean {
  return findings.some((finding) => preflightStatus(finding) === 'failed');
}

export type { PreflightFinding, PreflightStatus };
export { blocksApproval, preflightFinding, preflightStatus };
