import { RenameRefusedError } from './errors.js';

/**
 * A rename pattern read the way the cluster reads it: `java.util.regex.Pattern` (the JDK the engine runs on), with
 * the JavaScript regular expression that matches exactly the same text.
 *
 * The two dialects agree on most of what people write in a rename (`(.+)`, `logs-(\d{4})`, `[a-z]+`, named
 * groups, look-ahead). Where they would read the same text differently, or where one accepts what the other
 * refuses, the pattern is refused here with the construct named, so that a plan never shows a target the engine
 * would not produce. What is translated rather than refused: `.` and `$`, whose Java meanings (no `\u0085`; `$`
 * also before a final line terminator) are written out for JavaScript.
 */
type PatternReading = {
  /** JavaScript source of a regular expression that matches what the Java pattern matches. */
  source: string;
  groupCount: number;
  /** Java group names (ASCII letters, then letters and digits) → group number. */
  groupNames: ReadonlyMap<string, number>;
};

/** Java's `.` without DOTALL: anything but its five line terminators (JavaScript's `.` matches `\u0085`). */
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';

/**
 * Java's `$` without MULTILINE: the end, or just before a line terminator that ends the input (`\r\n` counts as
 * one, so not between its `\r` and `\n`). JavaScript's `$` is the end only.
 */
const JAVA_END = '(?:$|(?=\\r\\n$)|(?<!\\r)(?=\\n$)|(?=[\\r\\u0085\\u2028\\u2029]$))';

/** Escapes both dialects read alike: ASCII digit/word classes and the control characters. */
const SHARED_ESCAPES = new Set(['d', 'D', 'w', 'W', 't', 'n', 'r', 'f']);
const JAVA_GROUP_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
const COUNTED = /^\{(\d+)(,(\d*))?\}/;
const HEX = /^[0-9a-fA-F]$/;
/** Escapes that stand for a class of characters, which Java does not take as the end of a range. */
const CLASS_ESCAPE = /^[dDwW]$/;

type GroupKind = 'capture' | 'plain' | 'lookahead' | 'lookbehind';

/**
 * The last thing read, as a count would take it: a character or class, an anchor or look-around (`^*`), a group
 * (which may match nothing, or hold captures), or nothing yet (`*a`, `a|*`).
 */
type Item = {
  kind: 'atom' | 'assertion' | 'group' | 'none';
  nullable: boolean;
  holdsCapture: boolean;
  holdsLookbehind: boolean;
};

/**
 * A group being read (or the whole pattern). Whether its alternatives can match nothing is worked out as it is
 * read: `lastNullable` apart, because a count after the last item can change it (`a` → `a?`).
 */
type Frame = {
  kind: GroupKind | 'pattern';
  beforeLastNullable: boolean;
  lastNullable: boolean;
  someAlternativeNullable: boolean;
  holdsCapture: boolean;
  holdsLookbehind: boolean;
};

const NOTHING: Item = { kind: 'none', nullable: true, holdsCapture: false, holdsLookbehind: false };
const CHARACTER: Item = { ...NOTHING, kind: 'atom', nullable: false };
const ASSERTION: Item = { ...NOTHING, kind: 'assertion' };

function newFrame(kind: Frame['kind']): Frame {
  return {
    kind,
    beforeLastNullable: true,
    lastNullable: true,
    someAlternativeNullable: false,
    holdsCapture: false,
    holdsLookbehind: false,
  };
}

function isSurrogate(character: string): boolean {
  const code = character.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff;
}

function isAsciiLetterOrDigit(character: string): boolean {
  return /^[a-zA-Z0-9]$/.test(character);
}

class PatternReader {
  private at = 0;
  private readonly out: string[] = [];
  private groupCount = 0;
  private readonly groupNames = new Map<string, number>();
  private readonly frames: Frame[] = [newFrame('pattern')];
  private last: Item = NOTHING;

  constructor(private readonly pattern: string) {}

  read(): PatternReading {
    while (this.at < this.pattern.length) this.readOne();
    return { source: this.out.join(''), groupCount: this.groupCount, groupNames: this.groupNames };
  }

  private refuse(refusal: ConstructorParameters<typeof RenameRefusedError>[1]): never {
    throw new RenameRefusedError(this.pattern, refusal);
  }

  private get inLookbehind(): boolean {
    return this.frames.some((frame) => frame.kind === 'lookbehind');
  }

  private get frame(): Frame {
    return this.frames.at(-1) as Frame;
  }

  /** Syntax that is no item itself: a group's opening, `|`. */
  private emit(source: string): void {
    this.out.push(source);
    this.last = NOTHING;
  }

  private emitItem(source: string, item: Item): void {
    const { frame } = this;
    this.out.push(source);
    frame.beforeLastNullable &&= frame.lastNullable;
    frame.lastNullable = item.nullable;
    this.last = item;
  }

  private readOne(): void {
    const character = this.pattern[this.at] as string;
    if (character === '\\') this.readEscape();
    else if (character === '[') this.readClass();
    else if (character === '(') this.readGroupOpening();
    else if (character === ')') this.closeGroup();
    else if ('*+?{'.includes(character)) this.readCount();
    else this.readPlain(character);
  }

  private readPlain(character: string): void {
    this.at += 1;
    if (character === '|') this.readAlternation();
    else if (character === '.') this.emitItem(JAVA_DOT, CHARACTER);
    else if (character === '$') this.emitItem(JAVA_END, ASSERTION);
    else if (character === '^') this.emitItem('^', ASSERTION);
    else if (isSurrogate(character)) this.refuse({ rule: 'outside-bmp' });
    else this.emitItem(character, CHARACTER);
  }

  private readAlternation(): void {
    const { frame } = this;
    frame.someAlternativeNullable ||= frame.beforeLastNullable && frame.lastNullable;
    frame.beforeLastNullable = true;
    frame.lastNullable = true;
    this.emit('|');
  }

  /** `\x` outside a class. Digits and `\k` are back-references, which Java and JavaScript resolve differently. */
  private readEscape(): void {
    const escaped = this.pattern[this.at + 1];
    if (escaped === undefined) this.refuse({ rule: 'not-regex' });
    if (/^[0-9]$/.test(escaped) || escaped === 'k') this.refuse({ rule: 'backreference' });
    if (escaped === 'b' || escaped === 'B') this.refuse({ rule: 'word-boundary' });
    this.emitItem(this.sharedEscape(escaped), CHARACTER);
  }

  /** An escape that reads the same in both dialects, as JavaScript source; anything else is refused. */
  private sharedEscape(escaped: string): string {
    if (isSurrogate(escaped)) this.refuse({ rule: 'outside-bmp' });
    const start = this.at;
    this.at += 2;
    if (!isAsciiLetterOrDigit(escaped) || SHARED_ESCAPES.has(escaped)) return `\\${escaped}`;
    const digits = escaped === 'x' ? 2 : escaped === 'u' ? 4 : 0;
    const hex = this.pattern.slice(this.at, this.at + digits);
    if (digits > 0 && hex.length === digits && [...hex].every((digit) => HEX.test(digit))) {
      this.at += digits;
      if (isSurrogate(String.fromCharCode(Number.parseInt(hex, 16)))) this.refuse({ rule: 'outside-bmp' });
      return `\\${escaped}${hex}`;
    }
    return this.refuse({ rule: 'escape', escape: this.pattern.slice(start, start + 2) });
  }

  /**
   * `[...]`. Java nests classes (`[a[b]]`), intersects them (`[a-z&&[^e]]`), reads `]` first in a class as a
   * character and ranges that end in a class (`[a-\d]`) as errors; JavaScript reads all of these otherwise.
   */
  private readClass(): void {
    const start = this.at;
    this.at += 1;
    let source = '[';
    if (this.pattern[this.at] === '^') {
      source += '^';
      this.at += 1;
    }
    if (this.pattern[this.at] === ']') {
      this.refuse({ rule: 'class-syntax', syntax: this.pattern.slice(start, this.at + 1) });
    }
    const first = this.at;
    let previousWasClass = false;
    while (this.at < this.pattern.length && this.pattern[this.at] !== ']') {
      const member = this.classMember(this.at > first, previousWasClass);
      source += member.source;
      previousWasClass = member.isClass;
    }
    // Unclosed, both dialects refuse it: JavaScript says so when the source is compiled.
    if (this.pattern[this.at] === ']') source += ']';
    this.at += 1;
    this.emitItem(source, CHARACTER);
  }

  /** One character or escape inside `[...]`, and whether it stands for a class of characters (`\d`). */
  private classMember(afterFirst: boolean, previousWasClass: boolean): { source: string; isClass: boolean } {
    const character = this.pattern[this.at] as string;
    const next = this.pattern[this.at + 1];
    if (character === '[') this.refuse({ rule: 'class-syntax', syntax: '[' });
    if (character === '&' && next === '&') this.refuse({ rule: 'class-syntax', syntax: '&&' });
    if (character === '-' && afterFirst && this.rangeTouchesClass(previousWasClass)) {
      this.refuse({ rule: 'class-syntax', syntax: '-' });
    }
    if (character === '\\') {
      if (next === undefined) this.refuse({ rule: 'not-regex' });
      return { source: this.sharedEscape(next), isClass: CLASS_ESCAPE.test(next) };
    }
    if (isSurrogate(character)) this.refuse({ rule: 'outside-bmp' });
    this.at += 1;
    return { source: character, isClass: false };
  }

  /** A `-` between a class escape (`\d`) and something else, other than last in the class. */
  private rangeTouchesClass(previousWasClass: boolean): boolean {
    const next = this.pattern[this.at + 1];
    if (next === ']' || next === undefined) return false;
    return previousWasClass || (next === '\\' && CLASS_ESCAPE.test(this.pattern[this.at + 2] ?? ''));
  }

  /** `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`; Java's flags, atomic groups and the like are refused. */
  private readGroupOpening(): void {
    const rest = this.pattern.slice(this.at);
    if (!rest.startsWith('(?')) {
      this.openCapture('(', 1);
      return;
    }
    const kinds: ReadonlyArray<[string, GroupKind]> = [
      ['(?:', 'plain'],
      ['(?=', 'lookahead'],
      ['(?!', 'lookahead'],
      ['(?<=', 'lookbehind'],
      ['(?<!', 'lookbehind'],
    ];
    const kind = kinds.find(([opening]) => rest.startsWith(opening));
    if (kind !== undefined) {
      const [opening, group] = kind;
      this.at += opening.length;
      this.frames.push(newFrame(group));
      this.emit(opening);
      return;
    }
    const named = /^\(\?<([^>]*)>/.exec(rest);
    if (named === null) this.refuse({ rule: 'group-syntax', syntax: rest.slice(0, 3) });
    const name = named[1] as string;
    if (!JAVA_GROUP_NAME.test(name)) this.refuse({ rule: 'group-name', name });
    if (this.groupNames.has(name)) this.refuse({ rule: 'not-regex' });
    this.groupNames.set(name, this.groupCount + 1);
    this.openCapture(named[0], named[0].length);
  }

  /**
   * A capture. Inside a look-behind, Java tries the shortest text first and JavaScript reads backwards, so a
   * group there can capture different text: refused.
   */
  private openCapture(opening: string, length: number): void {
    if (this.inLookbehind) this.refuse({ rule: 'lookbehind' });
    this.groupCount += 1;
    this.at += length;
    this.frames.push(newFrame('capture'));
    this.emit(opening);
  }

  private closeGroup(): void {
    this.at += 1;
    // An unmatched `)`: both dialects refuse it, JavaScript when the source is compiled.
    const closed = this.frames.length > 1 ? (this.frames.pop() as Frame) : newFrame('pattern');
    const holdsLookbehind = closed.holdsLookbehind || closed.kind === 'lookbehind';
    this.frame.holdsCapture ||= closed.holdsCapture || closed.kind === 'capture';
    this.frame.holdsLookbehind ||= holdsLookbehind;
    const nullable = closed.someAlternativeNullable || (closed.beforeLastNullable && closed.lastNullable);
    const isLookaround = closed.kind === 'lookahead' || closed.kind === 'lookbehind';
    const group: Item = { kind: 'group', nullable, holdsCapture: closed.holdsCapture, holdsLookbehind };
    this.emitItem(')', isLookaround ? ASSERTION : group);
  }

  /**
   * `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy (`?`). Java reads a `{` that starts no count as an
   * error and a trailing `+` as possessive; JavaScript reads the first as a brace and refuses the second.
   */
  private readCount(): void {
    const { text, min, max } = this.countAt();
    let count = text;
    this.checkCounted(count, max);
    this.at += count.length;
    if (this.pattern[this.at] === '+') this.refuse({ rule: 'possessive', syntax: `${count}+` });
    if (this.pattern[this.at] === '?') {
      count += '?';
      this.at += 1;
    }
    // A count after a count (`a**`, `a{1}{2}`) or after nothing (`*a`) is left for JavaScript to refuse.
    this.emitCount(count, min === 0 || this.last.nullable);
  }

  private countAt(): { text: string; min: number; max: number } {
    const character = this.pattern[this.at] as string;
    if (character === '*') return { text: character, min: 0, max: Number.POSITIVE_INFINITY };
    if (character === '+') return { text: character, min: 1, max: Number.POSITIVE_INFINITY };
    if (character === '?') return { text: character, min: 0, max: 1 };
    const counted = COUNTED.exec(this.pattern.slice(this.at));
    if (counted === null) this.refuse({ rule: 'lone-brace' });
    const [text, least, comma, most] = counted;
    const min = Number(least);
    return { text, min, max: comma === undefined ? min : most ? Number(most) : Number.POSITIVE_INFINITY };
  }

  /**
   * What a count may not go on. A group that can match nothing is repeated by different rules (JavaScript drops
   * an empty round, Java keeps it); captures inside a repeated group are kept by Java from an earlier round but
   * cleared by JavaScript at each round; and Node's engine misses matches of a repeated group that holds a
   * look-behind (`(?:(?<=-).+)*\.` finds no match at `ab.` in `-ab.c`, where the standard and Java do).
   */
  private checkCounted(count: string, max: number): void {
    const { last } = this;
    if (last.kind === 'assertion') this.refuse({ rule: 'counted-assertion', syntax: count });
    if (max === Number.POSITIVE_INFINITY && this.inLookbehind) this.refuse({ rule: 'lookbehind' });
    if (last.kind !== 'group') return;
    if (last.nullable) this.refuse({ rule: 'empty-repeat', syntax: count });
    if (max > 1 && last.holdsCapture) this.refuse({ rule: 'repeated-capture', syntax: count });
    if (max > 1 && last.holdsLookbehind) this.refuse({ rule: 'lookbehind' });
  }

  private emitCount(count: string, nullable: boolean): void {
    this.out.push(count);
    this.frame.lastNullable = nullable;
    this.last = { ...this.last, kind: 'atom', nullable };
  }
}

/** Reads `pattern` as the cluster would, or refuses it with the construct that the two dialects read apart. */
function readJavaPattern(pattern: string): PatternReading {
  const reading = new PatternReader(pattern).read();
  try {
    new RegExp(reading.source, 'g');
  } catch (error) {
    throw new RenameRefusedError(pattern, { rule: 'not-regex' }, { cause: error });
  }
  return reading;
}

export type { PatternReading };
export { readJavaPattern };
