import { UsageError } from '../errors.js';
import { shown } from './arguments.js';
import { COMMAND_PREFIX, VERBS, type Verb } from './command-request.js';
import { nearestVerb } from './nearest-verb.js';

/** How people type a verb: `repo register` is two words, every other verb one. */
function writtenVerb(verb: Verb): string {
  return verb === 'repo-register' ? 'repo register' : verb;
}

const WRITTEN_VERBS = VERBS.map(writtenVerb);

const HELP_COMMAND = `${COMMAND_PREFIX} help <command>`;

function isVerb(word: string): word is Verb {
  return (VERBS as readonly string[]).includes(word);
}

function unknownCommand(word: string, suggestion: string | undefined): UsageError {
  return new UsageError((words) => words.unknownCommand(shown(word), suggestion, WRITTEN_VERBS, HELP_COMMAND));
}

/**
 * The verb the command starts with (any case) and how many words it took. `repo-register` is accepted as typed too,
 * because help and messages use that name.
 */
function resolveVerb(first: string, second: string | undefined): { verb: Verb; length: number } {
  const verb = first.toLowerCase();
  if (verb === 'repo') {
    if (second?.toLowerCase() === 'register') return { verb: 'repo-register', length: 2 };
    throw new UsageError((words) => words.repoWithoutRegister(WRITTEN_VERBS, HELP_COMMAND));
  }
  if (isVerb(verb)) return { verb, length: 1 };
  throw unknownCommand(first, nearestVerb(verb, WRITTEN_VERBS));
}

export { resolveVerb, writtenVerb };
