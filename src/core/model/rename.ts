import * as z from 'zod';

/** `rename=pattern:replacement`: the engine's `rename_pattern` / `rename_replacement` of a restore. */
const rename = z.object({ pattern: z.string(), replacement: z.string() });

type Rename = z.infer<typeof rename>;

export type { Rename };
export { rename };
