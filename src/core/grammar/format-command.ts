import { commandFor } from '../commands/index.js';
import { COMMAND_PREFIX, type CommandRequest, type RequestOf, type Verb } from './command-request.js';
import { writtenVerb } from './verb-lookup.js';

const DOUBLE_QUOTES = /["\u201c\u201d]/;
const NEEDS_QUOTES = /[\s"'\u201c\u201d\u2018\u2019]/;

/**
 * A word the tokenizer reads back unchanged: bare when it can be, otherwise quoted; a run of double quotes goes in
 * single quotes, everything else in double quotes, and the runs sit side by side as one word.
 */
function quoteWord(text: string, force = false): string {
  if (!force && text !== '' && !NEEDS_QUOTES.test(text)) return text;
  const runs = text.match(/["\u201c\u201d]+|[^"\u201c\u201d]+/g) ?? [''];
  return runs.map((run) => (DOUBLE_QUOTES.test(run) ? `'${run}'` : `"${run}"`)).join('');
}

/**
 * The words of a request as they would be typed, each already quoted where it needs to be: the verb (two words for
 * `repo register`), the names in order, then the options and flags. The verb's own module prints them.
 */
function commandWords<V extends Verb>(request: RequestOf<V>): { verb: string[]; names: string[]; options: string[] } {
  // A request's verb is its own V; the compiler cannot narrow a property of a generic union to it.
  const definition = commandFor(request.verb as V);
  const flags = definition.arguments.flags ?? [];
  const { names, options, flags: given = [] } = definition.print(request);
  return {
    verb: writtenVerb(request.verb).split(' '),
    // A name that reads like one of the verb's flags is quoted, so that it stays a name.
    names: names.flatMap((name) => (name === undefined ? [] : [quoteWord(name, flags.includes(name.toLowerCase()))])),
    options: [
      ...options.flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${quoteWord(String(value))}`])),
      ...given,
    ],
  };
}

/**
 * The command as a person would type it, for "you asked for: …" lines; `parseCommand` reads it back (after the
 * `/es `) to the same request. Plain text: escape it for mrkdwn where it is shown.
 *
 * @example formatCommand({ verb: 'job', jobId: 'k3x9q2m7' }) // '/es snapshot job k3x9q2m7'
 */
function formatCommand(request: CommandRequest): string {
  const { verb, names, options } = commandWords(request);
  return [COMMAND_PREFIX, ...verb, ...names, ...options].join(' ');
}

export { commandWords, formatCommand, quoteWord };
