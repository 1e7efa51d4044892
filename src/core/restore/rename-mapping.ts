import { UsageError } from '../errors.js';
import type { Rename } from '../model/rename.js';

function compileRenamePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'g');
  } catch (error) {
    throw new UsageError((words) => words.renamePatternNotRegex(pattern), { cause: error });
  }
}

/**
 * The name an index gets when restored with `rename_pattern` / `rename_replacement`. The cluster applies Java's
 * `String.replaceAll`; JavaScript's global replace agrees for the patterns people use (`(.+)`, `$1`).
 */
function renamedIndex(index: string, rename: Rename | undefined): string {
  if (rename === undefined) return index;
  return index.replace(compileRenamePattern(rename.pattern), rename.replacement);
}

/** Source → target index names; refuses a mapping where two indices would land on one name (the cluster does too). */
function renameMapping(indices: readonly string[], rename: Rename | undefined): Map<string, string> {
  const mapping = new Map(indices.map((index) => [index, renamedIndex(index, rename)]));
  const targets = [...mapping.values()];
  const clash = targets.find((target, position) => targets.indexOf(target) !== position);
  if (clash !== undefined) {
    throw new UsageError((words) => words.renameClash(clash));
  }
  return mapping;
}

export { renamedIndex, renameMapping };
