import * as z from 'zod';
import type { EngineFault, EngineReason } from '../cluster-dialect.js';

/** One exception as the engines write it; `caused_by` nests the exception that caused it. */
type EngineException = { type: string; reason?: string | null; caused_by?: EngineException };

const engineException: z.ZodType<EngineException> = z.lazy(() =>
  z.object({ type: z.string(), reason: z.string().nullish(), caused_by: engineException.optional() }).loose(),
);

const typedErrorBody = z.object({
  error: z.union([
    z
      .object({
        type: z.string(),
        reason: z.string().nullish(),
        caused_by: engineException.optional(),
        root_cause: z.array(engineException).optional(),
      })
      .loose(),
    // Engines before 5.x answered a bare string.
    z.string(),
  ]),
});

// Amazon OpenSearch Service answers IAM and gateway refusals with `Message` (or `message`) instead of `error`.
const serviceErrorBody = z.union([z.object({ Message: z.string() }), z.object({ message: z.string() })]);

/** How much of an engine's sentence a person reads; the rest is in the cluster's own log. */
const REASON_LENGTH = 300;

/**
 * An engine's sentence as a person reads it: its first line (a stack trace, asked for with `error_trace`, starts
 * on the next one), spaces collapsed, cut to a readable length.
 */
function shortReason(text: string): string {
  const [firstLine = ''] = text.split(/\r?\n/);
  const collapsed = firstLine.replace(/\s+/g, ' ').trim();
  const characters = [...collapsed];
  return characters.length <= REASON_LENGTH ? collapsed : `${characters.slice(0, REASON_LENGTH - 1).join('')}…`;
}

/** `[repo]` / `[repo:snapshot]`: the engine's prefix of a reason, said once when the cause repeats it. */
const SUBJECT_PREFIX = /^\[[^\]]*\]\s*/;

function withoutRepeatedSubject(cause: string, top: string): string {
  const subject = SUBJECT_PREFIX.exec(cause)?.[0];
  return subject !== undefined && top.startsWith(subject.trim()) ? cause.slice(subject.length) : cause;
}

function deepest(exception: EngineException): EngineException {
  let current = exception;
  // The engines nest a few levels at most; the bound keeps a malformed answer from looping.
  for (let depth = 0; depth < 20 && current.caused_by !== undefined; depth += 1) current = current.caused_by;
  return current;
}

/**
 * The exception at the bottom of the chain: the deepest `caused_by`, else the first `root_cause`. Undefined when it
 * says nothing the top reason does not (`failed to create repository` is the top; why it failed is the cause).
 */
function causeOf(
  top: { type: string; reason: string },
  causedBy: EngineException | undefined,
  rootCauses: readonly EngineException[] | undefined,
): EngineReason | undefined {
  const bottom = causedBy === undefined ? rootCauses?.[0] : deepest(causedBy);
  const full = shortReason(bottom?.reason ?? '');
  if (bottom === undefined || full === '' || full === top.reason) return undefined;
  return { type: bottom.type, reason: withoutRepeatedSubject(full, top.reason) };
}

function fault(body: unknown): EngineFault {
  const typed = typedErrorBody.safeParse(body);
  if (typed.success) {
    const { error } = typed.data;
    if (typeof error === 'string') return { type: 'error', reason: shortReason(error) };
    const top = { type: error.type, reason: shortReason(error.reason ?? '') };
    const cause = causeOf(top, error.caused_by, error.root_cause);
    return cause === undefined ? top : { ...top, cause };
  }
  const service = serviceErrorBody.safeParse(body);
  if (!service.success) return { message: shortReason(String(body ?? '')) };
  return { message: shortReason('Message' in service.data ? service.data.Message : service.data.message) };
}

export { fault };
