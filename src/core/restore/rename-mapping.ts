import { type InvalidResourceNameError, UsageError } from '../errors.js';
import type { Rename } from '../model/rename.js';
import { protectedPatternFor } from '../safety/protected-indices.js';
import { validateIndexName } from '../safety/resource-names.js';
import { RenameRefusedError, RenameTargetRefusedError } from './errors.js';
import { type PatternReading, readJavaPattern } from './java-pattern.js';
import { javaReplaceAll, type ReplacementPart, readJavaReplacement } from './java-replacement.js';

/** A rename read once, ready to apply to each index. */
type ReadRename = { reading: PatternReading; parts: readonly ReplacementPart[] };

/**
 * Reads `rename=pattern:replacement` as the cluster will, or refuses it with what to write instead: the checks of
 * the grammar (which has no indices yet) and of every plan.
 */
function readRename(rename: Rename): ReadRename {
  const reading = readJavaPattern(rename.pattern);
  return { reading, parts: readJavaReplacement(rename.replacement, reading) };
}

/** Characters beyond U+FFFF are one character to Java's regular expressions and two to the bot's. */
function hasOutsideBmp(name: string): boolean {
  return /[\ud800-\udfff]/.test(name);
}

function applyRename(index: string, read: ReadRename): string {
  if (hasOutsideBmp(index)) throw new RenameRefusedError(index, { rule: 'index-outside-bmp' });
  return javaReplaceAll(index, read.reading, read.parts);
}

/**
 * The name an index gets when restored with `rename_pattern` / `rename_replacement`: the engine's
 * `index.replaceAll(pattern, replacement)`, computed with Java's rules (`$0`, `$12`, `${name}`, `\$`).
 *
 * @example renamedIndex('src', { pattern: 'src', replacement: '$0-dst' }) // 'src-dst'
 */
function renamedIndex(index: string, rename: Rename | undefined): string {
  if (rename === undefined) return index;
  return applyRename(index, readRename(rename));
}

/** A new name must be one the cluster accepts and not one of the names the bot never touches. */
function checkTarget(index: string, target: string, protectedPatterns: readonly string[]): void {
  if (target === index) return;
  try {
    validateIndexName(target);
  } catch (error) {
    // validateIndexName throws nothing else.
    const { reason } = error as InvalidResourceNameError;
    throw new RenameTargetRefusedError(index, target, { rule: 'name', name: reason });
  }
  const pattern = protectedPatternFor(target, protectedPatterns);
  if (pattern !== undefined) throw new RenameTargetRefusedError(index, target, { rule: 'protected', pattern });
}

/**
 * Source → target index names. Refuses a mapping where two indices would land on one name (the cluster does
 * too), a target that is no valid index name, and one that is protected or a system index (`protectedPatterns`:
 * the cluster's configured ones, beside the built-in system patterns).
 */
function renameMapping(
  indices: readonly string[],
  rename: Rename | undefined,
  protectedPatterns: readonly string[] = [],
): Map<string, string> {
  const read = rename === undefined ? undefined : readRename(rename);
  const mapping = new Map(
    indices.map((index) => [index, read === undefined ? index : applyRename(index, read)] as const),
  );
  for (const [index, target] of mapping) checkTarget(index, target, protectedPatterns);
  const targets = [...mapping.values()];
  const clash = targets.find((target, position) => targets.indexOf(target) !== position);
  if (clash !== undefined) {
    throw new UsageError((words) => words.renameClash(clash));
  }
  return mapping;
}

export { readRename, renamedIndex, renameMapping };
