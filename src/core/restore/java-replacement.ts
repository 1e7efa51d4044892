import { RenameRefusedError } from './errors.js';
import type { PatternReading } from './java-pattern.js';

/** A replacement read once: plain text, and the groups whose text goes between. */
type ReplacementPart = { text: string } | { group: number };

const ASCII_DIGIT = /^[0-9]$/;
const GROUP_NAME_CHARACTER = /^[a-zA-Z0-9]$/;

/** `${name}` at `at` (the `$`): the group number, and where the reference ends. */
function namedReference(replacement: string, at: number, reading: PatternReading): { group: number; end: number } {
  let end = at + 2;
  while (end < replacement.length && GROUP_NAME_CHARACTER.test(replacement[end] as string)) end += 1;
  const name = replacement.slice(at + 2, end);
  if (name === '' || replacement[end] !== '}' || ASCII_DIGIT.test(name[0] as string)) {
    throw new RenameRefusedError(replacement, {
      rule: 'group-name-shape',
      written: replacement.slice(at, Math.min(end + 1, replacement.length)),
    });
  }
  const group = reading.groupNames.get(name);
  if (group === undefined) {
    throw new RenameRefusedError(replacement, { rule: 'no-named-group', name, names: [...reading.groupNames.keys()] });
  }
  return { group, end: end + 1 };
}

/**
 * `$n` at `at`. The first digit is always a group, and must exist; Java then takes each further digit only while
 * the number stays a group of the pattern, so with one group `$12` is group 1 and a "2".
 */
function numberedReference(replacement: string, at: number, reading: PatternReading): { group: number; end: number } {
  let group = Number(replacement[at + 1]);
  if (group > reading.groupCount) {
    throw new RenameRefusedError(replacement, { rule: 'no-group', group, groups: reading.groupCount });
  }
  let end = at + 2;
  while (end < replacement.length && ASCII_DIGIT.test(replacement[end] as string)) {
    const longer = group * 10 + Number(replacement[end]);
    if (longer > reading.groupCount) break;
    group = longer;
    end += 1;
  }
  return { group, end };
}

/** `$…` at `at`: the group it names. */
function groupReference(replacement: string, at: number, reading: PatternReading): { group: number; end: number } {
  const next = replacement[at + 1] ?? '';
  if (next === '{') return namedReference(replacement, at, reading);
  if (ASCII_DIGIT.test(next)) return numberedReference(replacement, at, reading);
  throw new RenameRefusedError(replacement, { rule: 'lone-dollar' });
}

/**
 * Reads a replacement by the rules of Java's `Matcher.appendReplacement`, which the engine applies: `\x` is the
 * character x, `$0` the whole match, `$n` and `${name}` a group; a trailing `\`, a `$` without a group after it,
 * or a group the pattern does not have, is an error. The engine says so only when the pattern matches an index;
 * here it is refused whatever the indices, since it is wrong for any of them.
 */
function readJavaReplacement(replacement: string, reading: PatternReading): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  let at = 0;
  while (at < replacement.length) {
    const character = replacement[at] as string;
    if (character === '$') {
      const reference = groupReference(replacement, at, reading);
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ group: reference.group });
      at = reference.end;
    } else if (character === '\\') {
      if (at + 1 === replacement.length) throw new RenameRefusedError(replacement, { rule: 'trailing-backslash' });
      text += replacement[at + 1];
      at += 2;
    } else {
      text += character;
      at += 1;
    }
  }
  if (text !== '') parts.push({ text });
  return parts;
}

/**
 * `String.replaceAll` as Java runs it: every match left to right, a group that took no part adds nothing, and
 * after an empty match the search goes on one character further.
 */
function javaReplaceAll(name: string, reading: PatternReading, parts: readonly ReplacementPart[]): string {
  const expression = new RegExp(reading.source, 'g');
  let renamed = '';
  let copiedUpTo = 0;
  for (let match = expression.exec(name); match !== null; match = expression.exec(name)) {
    const groups = match;
    renamed += name.slice(copiedUpTo, match.index);
    renamed += parts.map((part) => ('text' in part ? part.text : (groups[part.group] ?? ''))).join('');
    copiedUpTo = match.index + match[0].length;
    if (match[0].length === 0) expression.lastIndex += 1;
  }
  return renamed + name.slice(copiedUpTo);
}

export type { ReplacementPart };
export { javaReplaceAll, readJavaReplacement };
