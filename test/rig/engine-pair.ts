import { readability, versionFromNumber } from '../../src/core/preflight/engine-version.js';
import { type Engine, engineLabel } from '../../src/local/engines/engine.js';

type EnginePair = { a: Engine; b: Engine };

/** The preflight's hint for each way a target cannot read what the source wrote, as the approval shows it. */
const REFUSAL_HINTS = {
  newer: 'A snapshot never restores into an older version: upgrade the target first.',
  'too-old': 'Restore into an intermediate version, reindex there, and snapshot again.',
  'other-engine': 'No snapshot crosses this way between the engines: reindex from a remote cluster instead.',
} as const;

function versionOf(engine: Engine) {
  const version = versionFromNumber(engine.distribution, engine.version);
  if (version === undefined) throw new Error(`${engineLabel(engine)} is not a release number`);
  return version;
}

/** Whether B restores indices A wrote: the migrations and restores across the rig's clusters depend on it. */
function bRestoresA(engines: EnginePair): boolean {
  return readability(versionOf(engines.a), versionOf(engines.b)) === 'readable';
}

/**
 * The line with which the preflight refuses to restore on B an index A wrote, exactly as the requester reads it;
 * undefined when B reads it.
 */
function refusalLine(engines: EnginePair, index: string): string | undefined {
  const verdict = readability(versionOf(engines.a), versionOf(engines.b));
  if (verdict === 'readable') return undefined;
  const written = engineLabel(engines.a);
  const target = engineLabel(engines.b);
  const text =
    verdict === 'newer'
      ? `\`${index}\` comes from ${written}, newer than the target's ${target}`
      : `${target} cannot read \`${index}\` (written by ${written})`;
  return `✗ ${text} — ${REFUSAL_HINTS[verdict]}`;
}

export { bRestoresA, refusalLine };
