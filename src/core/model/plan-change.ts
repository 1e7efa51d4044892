import * as z from 'zod';

const count = z.number().int().nonnegative();

/**
 * One way in which what a destructive step would touch now differs from the plan that was approved. Stored with
 * the job that went back to approval, so that its message and `job <id>` say what changed in either language.
 */
const planChange = z.discriminatedUnion('kind', [
  /** An index to delete is no longer there. */
  z.object({ kind: z.literal('index-gone'), index: z.string(), approvedDocs: count }),
  /** An index to delete was deleted and created again under its name: it is another index. */
  z.object({ kind: z.literal('index-replaced'), index: z.string(), approvedUuid: z.string(), uuid: z.string() }),
  /** An index to delete holds more documents than the approver saw. */
  z.object({ kind: z.literal('index-grew'), index: z.string(), approvedDocs: count, docs: count }),
  /** The request's patterns now also reach this index. */
  z.object({ kind: z.literal('index-added'), index: z.string(), docs: count }),
  /** A restore target that was free now exists. */
  z.object({ kind: z.literal('target-taken'), index: z.string(), docs: count }),
  z.object({ kind: z.literal('snapshot-gone'), snapshot: z.string() }),
  /** The snapshot was deleted and taken again under its name. */
  z.object({ kind: z.literal('snapshot-replaced'), snapshot: z.string(), approvedUuid: z.string(), uuid: z.string() }),
]);

type PlanChange = z.infer<typeof planChange>;

export type { PlanChange };
export { planChange };
