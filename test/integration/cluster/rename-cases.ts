// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} here is Java's replacement syntax, written as the operator types it
/**
 * Random `rename=pattern:replacement` cases for the property test against the engine: patterns built from the
 * constructs people write in a rename (and some they get wrong), replacements with every kind of Java
 * reference and escape, valid and not. Seeded, so a failing run can be repeated with its printed seed.
 */

/** mulberry32: a tiny seeded generator, enough to spread cases; not for anything secret. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function times(random: Random, most: number, make: () => string): string {
  const count = 1 + Math.floor(random() * most);
  return Array.from({ length: count }, make).join('');
}

const LITERALS = ['a', 'b', 'c', 'l', 'o', 'g', 's', '1', '2', '0', '-', '_', '\\.', '\\-', 'e', 'é', 'ロ', '.'];
const CLASSES = ['[a-c]', '[^-]', '[0-9]', '[a-z0-9]+', '\\d', '\\w', '\\W', '[-_]', '[.]', '\\D'];
const COUNTS = ['*', '+', '?', '{2}', '{1,}', '{0,2}', '*?', '+?', '??'];
/** Constructs the bot refuses (the dialects read them apart) or that no engine accepts. */
const ODD = ['\\b', '(?i)', 'a*+', '[[a]]', '[a&&b]', '\\1', '{', '(', ')', '[', '\\s', '\\p{L}', '$*', '[]a]', '\\Qa'];

function atom(random: Random, depth: number, groups: { count: number; names: string[] }): string {
  const roll = random();
  if (roll < 0.35) return pick(random, LITERALS);
  if (roll < 0.55) return pick(random, CLASSES);
  if (depth > 2) return pick(random, LITERALS);
  if (roll < 0.75) {
    groups.count += 1;
    return `(${sequence(random, depth + 1, groups)})`;
  }
  if (roll < 0.82) {
    groups.count += 1;
    const name = `g${groups.count}`;
    groups.names.push(name);
    return `(?<${name}>${sequence(random, depth + 1, groups)})`;
  }
  if (roll < 0.88) return `(?:${sequence(random, depth + 1, groups)}|${sequence(random, depth + 1, groups)})`;
  if (roll < 0.93) return `${pick(random, ['(?=', '(?!', '(?<=', '(?<!'])}${pick(random, ['-', 'a', 's', '\\d'])})`;
  return pick(random, ['^', '$']);
}

function sequence(random: Random, depth: number, groups: { count: number; names: string[] }): string {
  return times(random, 3, () => {
    const piece = atom(random, depth, groups);
    // A count on an anchor or look-around is refused by the bot: now and then, to see the engine's view of it.
    const countable = !/^(\^|\$|\(\?(=|!|<=|<!))/.test(piece) || random() < 0.1;
    return countable && random() < 0.3 ? `${piece}${pick(random, COUNTS)}` : piece;
  });
}

function pattern(random: Random): { pattern: string; groups: number; names: string[] } {
  const groups = { count: 0, names: [] as string[] };
  if (random() < 0.08) return { pattern: pick(random, ODD), groups: 0, names: [] };
  const whole =
    random() < 0.15 ? pick(random, ['(.+)', '^(.*)$', '(.*)', '.*', '', 'x*']) : sequence(random, 0, groups);
  return { pattern: whole, groups: groups.count, names: groups.names };
}

function replacement(random: Random, groups: number, names: readonly string[]): string {
  const references = [
    '$0',
    `$${Math.floor(random() * (groups + 2))}`,
    '$12',
    '$1$0',
    names.length > 0 ? `\${${pick(random, names)}}` : '${nope}',
  ];
  const plain = ['r', 'x-', '-', 'new', '2', '_', '.', '\\$', '\\-', '\\\\'];
  const wrong = ['$', '$x', '${}', '${1a}', '${g1', '\\', 'A', '#', '*'];
  return times(random, 4, () => {
    const roll = random();
    if (roll < 0.45) return pick(random, plain);
    if (roll < 0.9) return pick(random, references);
    return pick(random, wrong);
  });
}

type RenameCase = { pattern: string; replacement: string };

/** `count` cases from `seed`: the same seed gives the same cases. */
function renameCases(seed: number, count: number): RenameCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const made = pattern(random);
    return { pattern: made.pattern, replacement: replacement(random, made.groups, made.names) };
  });
}

export type { RenameCase };
export { renameCases };
