import { z } from 'zod';
import type { EngineFault } from '../cluster-dialect.js';

const typedErrorBody = z.object({
  error: z.union([
    z.object({ type: z.string(), reason: z.string().nullish(), index: z.string().optional() }).loose(),
    // Engines before 5.x answered a bare string.
    z.string(),
  ]),
});

// Amazon OpenSearch Service answers IAM and gateway refusals with `Message` (or `message`) instead of `error`.
const serviceErrorBody = z.union([z.object({ Message: z.string() }), z.object({ message: z.string() })]);

function fault(body: unknown): EngineFault {
  const typed = typedErrorBody.safeParse(body);
  if (typed.success) {
    const { error } = typed.data;
    return typeof error === 'string'
      ? { type: 'error', reason: error }
      : { type: error.type, reason: error.reason ?? '' };
  }
  const service = serviceErrorBody.safeParse(body);
  if (!service.success) return { message: String(body ?? '').slice(0, 300) };
  return { message: 'Message' in service.data ? service.data.Message : service.data.message };
}

export { fault };
