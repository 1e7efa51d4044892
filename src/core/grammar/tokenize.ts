import { UsageError } from '../errors.js';

/**
 * One word of the command. `quoted` says that some of it was written inside quotes: a quoted `"replace"` is a name,
 * not the `replace` flag, so that a snapshot or repository called `replace` can still be named.
 */
type Token = { text: string; quoted: boolean };

// Slack clients turn " and ' into curly quotes as people type; either member of a family closes a quote it opened.
const DOUBLE_QUOTES = '"\u201c\u201d';
const SINGLE_QUOTES = "'\u2018\u2019";

const SLACK_ENTITIES = { amp: '&', lt: '<', gt: '>' } as const;

/** Slack sends `&`, `<` and `>` as entities; one pass, so `&amp;lt;` stays the `&lt;` the person typed. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: keyof typeof SLACK_ENTITIES) => SLACK_ENTITIES[name]);
}

function quoteFamily(character: string): string | undefined {
  if (DOUBLE_QUOTES.includes(character)) return DOUBLE_QUOTES;
  if (SINGLE_QUOTES.includes(character)) return SINGLE_QUOTES;
  return undefined;
}

/**
 * Splits the text Slack sends after `/es` into words, the way a shell would: whitespace separates, quotes group
 * (`rename="(.+):restored-$1"` is one word) and are removed. Backslashes are kept as typed, because they belong to
 * regular expressions and to `\:` in `rename=`.
 *
 * @example tokenize('create prod indices="a, b"') // [create, prod, indices=a, b] as tokens
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current: Token = { text: '', quoted: false };
  let inWord = false;
  let family: string | undefined;
  let opened = { quote: '', at: 0 };
  for (const [position, character] of [...decodeSlackEntities(text)].entries()) {
    if (family !== undefined) {
      if (family.includes(character)) family = undefined;
      else current.text += character;
      continue;
    }
    if (/\s/.test(character)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      current = { text: '', quoted: false };
      tokens.push(current);
      inWord = true;
    }
    family = quoteFamily(character);
    if (family === undefined) current.text += character;
    else {
      current.quoted = true;
      opened = { quote: character, at: position + 1 };
    }
  }
  if (family !== undefined) {
    const { quote, at } = opened;
    throw new UsageError((words) => words.quoteNotClosed(quote, at));
  }
  return tokens;
}

export type { Token };
export { decodeSlackEntities, tokenize };
