import { UsageError } from '../errors.js';
import { isExclusion, validateIndexExpression } from '../safety/resource-names.js';
import type { UsageWords } from '../words/usage-words.js';
import type { Token } from './tokenize.js';

/** What a verb accepts after its name. Option keys and flags are lowercase; people may type them in any case. */
type ArgumentSpec = {
  /** How many names may follow the verb; more is an error unless `variadic`. */
  maxPositionals: number;
  /** The last name takes every remaining word as one comma list, so `delete-index prod a b` means `a,b`. */
  variadic?: boolean;
  /** `key=value` options, in the order usage shows them. */
  options?: readonly string[];
  /** Bare words such as `replace`; quoted (`"replace"`) they are names again. */
  flags?: readonly string[];
};

/** The words after the verb, sorted into names, options and flags, with unknown and repeated keys refused. */
type ParsedArguments = {
  /** How the verb is written (`repo register`), for messages. */
  command: string;
  /** The verb's usage line: the hint of every error about these arguments. */
  usage: string;
  positionals: readonly string[];
  /** Lowercase key → value as typed (never empty). */
  options: ReadonlyMap<string, string>;
  flags: ReadonlySet<string>;
};

const CLUSTER_ALIAS = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const JOB_ID = /^[a-z0-9]{6,32}$/;
const SHOWN_LENGTH = 40;

/** Long input is cut in messages, so that a pasted paragraph does not come back as a wall of text. */
function shown(text: string): string {
  const characters = [...text];
  return characters.length <= SHOWN_LENGTH ? text : `${characters.slice(0, SHOWN_LENGTH - 1).join('')}…`;
}

/** What was wrong with the arguments, in the reader's words; the hint is always the verb's usage line. */
function usageError(args: Pick<ParsedArguments, 'usage'>, say: (words: UsageWords) => string): UsageError {
  return new UsageError((words) => ({ text: say(words), hint: args.usage }));
}

function accepted(spec: ArgumentSpec): string[] {
  return [...(spec.options ?? []).map((key) => `${key}=`), ...(spec.flags ?? [])];
}

/** ParsedArguments while it is being filled in. */
type Collected = {
  command: string;
  usage: string;
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
};

function addOption(collected: Collected, token: Token, spec: ArgumentSpec): void {
  const equals = token.text.indexOf('=');
  const key = token.text.slice(0, equals).toLowerCase();
  const value = token.text.slice(equals + 1);
  if (!spec.options?.includes(key)) {
    throw usageError(collected, (words) => words.unknownOption(shown(key), collected.command, accepted(spec)));
  }
  if (collected.options.has(key)) throw usageError(collected, (words) => words.optionTwice(key));
  if (value === '') throw usageError(collected, (words) => words.optionWithoutValue(key));
  collected.options.set(key, value);
}

function addFlag(collected: Collected, flag: string): void {
  if (collected.flags.has(flag)) throw usageError(collected, (words) => words.flagTwice(flag));
  collected.flags.add(flag);
}

function addName(collected: Collected, token: Token, previous: Token | undefined, spec: ArgumentSpec): void {
  const { positionals } = collected;
  if (positionals.length < spec.maxPositionals) positionals.push(token.text);
  else if (spec.variadic) positionals.push(`${positionals.pop()},${token.text}`);
  else {
    const listWithSpaces = previous?.text.endsWith(',') ?? false;
    throw usageError(collected, (words) => words.unexpectedWord(shown(token.text), listWithSpaces));
  }
}

/**
 * Sorts the words after the verb. A word with `=` is always an option (`key=value`, the key before the first `=`),
 * so names cannot contain `=`; options and flags may come in any order, between or after the names.
 */
function readArguments(
  tokens: readonly Token[],
  spec: ArgumentSpec,
  context: { command: string; usage: string },
): ParsedArguments {
  const collected: Collected = { ...context, positionals: [], options: new Map(), flags: new Set() };
  for (const [position, token] of tokens.entries()) {
    const word = token.text.toLowerCase();
    if (token.text.includes('=')) addOption(collected, token, spec);
    else if (!token.quoted && spec.flags?.includes(word)) addFlag(collected, word);
    else addName(collected, token, tokens[position - 1], spec);
  }
  return collected;
}

/** The names every use of the verb needs, in order; the first one missing is named in the error. */
function requirePositionals<const Names extends readonly string[]>(
  args: ParsedArguments,
  names: Names,
): { -readonly [K in keyof Names]: string } {
  const missing = names.slice(args.positionals.length)[0];
  if (missing !== undefined) throw usageError(args, (words) => words.missingName(missing));
  return args.positionals.slice(0, names.length) as { -readonly [K in keyof Names]: string };
}

/** `a, b,,a` → `[a, b]`: trimmed, empty items dropped, repeats removed in order. */
function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()))].filter((item) => item !== '');
}

/** A comma list option, each item checked; `[]` when the option is left out. */
function parseList(args: ParsedArguments, key: string, check: (item: string) => string): string[] {
  const value = args.options.get(key);
  if (value === undefined) return [];
  const items = splitList(value);
  if (items.length === 0) throw usageError(args, (words) => words.emptyList(key));
  return items.map(check);
}

/**
 * An index list as the engines write it: names, `*` patterns, and `-pattern` to leave out what the items before it
 * reached. A list may not start with an exclusion: the engines would start it from every index, which is `*`.
 */
function checkIndexList(args: ParsedArguments, items: readonly string[]): string[] {
  const expressions = items.map(validateIndexExpression);
  const [first] = expressions;
  if (first !== undefined && isExclusion(first)) throw usageError(args, (words) => words.exclusionFirst(shown(first)));
  return expressions;
}

/** `indices=` as {@link checkIndexList} reads it; `[]` when the option is left out. */
function parseIndexList(args: ParsedArguments, key: string): string[] {
  return checkIndexList(
    args,
    parseList(args, key, (item) => item),
  );
}

function parseBoolean(args: ParsedArguments, key: string): boolean | undefined {
  const value = args.options.get(key);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw usageError(args, (words) => words.notBoolean(key, shown(value)));
  }
  return lower === 'true';
}

function parseInteger(args: ParsedArguments, key: string, range: { min: number; max: number; fallback: number }) {
  const value = args.options.get(key);
  if (value === undefined) return range.fallback;
  const number = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= range.min && number <= range.max)) {
    throw usageError(args, (words) => words.notWholeNumber(key, range.min, range.max, shown(value)));
  }
  return number;
}

/** Cluster aliases come from the bot's config; they are case-insensitive in commands. */
function parseClusterAlias(args: ParsedArguments, value: string): string {
  const alias = value.toLowerCase();
  if (!CLUSTER_ALIAS.test(alias)) {
    throw usageError(args, (words) => words.notClusterAlias(shown(value)));
  }
  return alias;
}

function parseJobId(args: ParsedArguments, value: string): string {
  const jobId = value.toLowerCase();
  if (!JOB_ID.test(jobId)) {
    throw usageError(args, (words) => words.notJobId(shown(value)));
  }
  return jobId;
}

export type { ArgumentSpec, ParsedArguments };
export {
  checkIndexList,
  parseBoolean,
  parseClusterAlias,
  parseIndexList,
  parseInteger,
  parseJobId,
  parseList,
  readArguments,
  requirePositionals,
  shown,
  splitList,
  usageError,
};
