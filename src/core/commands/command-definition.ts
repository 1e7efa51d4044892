import type { ArgumentSpec, ParsedArguments } from '../grammar/arguments.js';
import type { RequestOf, Verb } from '../grammar/command-request.js';

/** One verb of `/es snapshot`: how it is written, what it accepts, and how its words become a request. */
type CommandDefinition<V extends Verb = Verb> = {
  readonly verb: V;
  /** One line, e.g. `/es snapshot list <cluster> [repo] [limit=20]`. */
  readonly usage: string;
  /** One sentence for the help overview. */
  readonly summary: string;
  /** A complete command, shown by `help <verb>`. */
  readonly example: string;
  /** Anything else `help <verb>` should say, one line each. */
  readonly notes: readonly string[];
  /** Whether the request waits for an approver before it runs. */
  readonly needsApproval: boolean;
  readonly arguments: ArgumentSpec;
  parse(args: ParsedArguments): RequestOf<V>;
};

/** Any one of the definitions, each with its own verb and request type. */
type SomeCommandDefinition = { [V in Verb]: CommandDefinition<V> }[Verb];

export type { CommandDefinition, SomeCommandDefinition };
