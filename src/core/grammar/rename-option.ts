import type { Rename } from '../model/rename.js';
import { readRename } from '../restore/rename-mapping.js';
import { type ParsedArguments, usageError } from './arguments.js';

const RENAME_EXAMPLE = 'rename=(.+):restored-$1';

/**
 * The first `:` that no backslash escapes: everything after it is the replacement, colons included, and a pattern
 * that has to match a colon writes `\:` (which a regular expression reads as a plain colon anyway).
 */
function separatorAt(value: string): number {
  let escaped = false;
  for (const [position, character] of [...value].entries()) {
    if (character === ':' && !escaped) return position;
    escaped = character === '\\' && !escaped;
  }
  return -1;
}

/**
 * `rename=pattern:replacement`, as the cluster's `rename_pattern` / `rename_replacement`. Both are read here as the
 * cluster's Java will read them (the pattern tells how many groups the replacement may name), so that a typo is
 * an answer in the channel rather than a failed job after approval.
 *
 * @example parseRename(args) // { pattern: '(.+)', replacement: 'restored-$1' } for rename=(.+):restored-$1
 */
function parseRename(args: ParsedArguments): Rename | undefined {
  const value = args.options.get('rename');
  if (value === undefined) return undefined;
  const characters = [...value];
  const at = separatorAt(value);
  const pattern = characters.slice(0, Math.max(at, 0)).join('');
  const replacement = characters.slice(at + 1).join('');
  if (at < 0 || pattern === '' || replacement === '') {
    throw usageError(args, (words) => words.renameShape(RENAME_EXAMPLE));
  }
  const rename = { pattern, replacement };
  readRename(rename);
  return rename;
}

/** `replace` deletes the target indices first, `rename=` restores beside them: one or the other, not both. */
function parseRenameOrReplace(args: ParsedArguments): { rename: Rename | undefined; replace: boolean } {
  const rename = parseRename(args);
  const replace = args.flags.has('replace');
  if (rename !== undefined && replace) {
    throw usageError(args, (words) => words.renameOrReplace);
  }
  return { rename, replace };
}

/** The options of `parseRenameOrReplace` written back: `indices=`, `rename=`, and the `replace` flag. */
function printRenameOrReplace(request: { indices: readonly string[]; rename: Rename | undefined; replace: boolean }) {
  const rename = request.rename === undefined ? undefined : `${request.rename.pattern}:${request.rename.replacement}`;
  return {
    options: [
      ['indices', request.indices.join(',')],
      ['rename', rename],
    ] as const,
    flags: request.replace ? ['replace'] : [],
  };
}

export { parseRename, parseRenameOrReplace, printRenameOrReplace, separatorAt };
