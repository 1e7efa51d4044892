import { commandFor } from '../commands/index.js';
import { readArguments } from './arguments.js';
import type { CommandRequest } from './command-request.js';
import { tokenize } from './tokenize.js';
import { resolveVerb, writtenVerb } from './verb-lookup.js';

/**
 * The text Slack sends after `/es`, understood: the verb (any case, with or without the leading `snapshot`), its
 * names in order, then `key=value` options and flags in any order. Nothing is looked up on a cluster here; the
 * names are only checked to be names.
 *
 * @throws UsageError what was wrong, with the verb's usage line (or the list of verbs) as the hint
 * @throws InvalidResourceNameError an index, snapshot or repository name the cluster would refuse
 * @example parseCommand('snapshot list prod limit=5') // { verb: 'list', cluster: 'prod', repository: undefined, limit: 5 }
 */
function parseCommand(text: string): CommandRequest {
  const tokens = tokenize(text);
  const words = tokens[0]?.text.toLowerCase() === 'snapshot' ? tokens.slice(1) : tokens;
  const [first, second] = words;
  if (first === undefined) return { verb: 'help', topic: undefined };
  const { verb, length } = resolveVerb(first.text, second?.text);
  const definition = commandFor(verb);
  const args = readArguments(words.slice(length), definition.arguments, {
    command: writtenVerb(verb),
    usage: definition.usage,
  });
  return definition.parse(args);
}

export type { CommandRequest };
export { parseCommand };
