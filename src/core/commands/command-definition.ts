import type { ArgumentSpec, ParsedArguments } from '../grammar/arguments.js';
import type { RequestOf, Verb } from '../grammar/command-request.js';
import type { JobKind } from '../jobs/job-states.js';

/**
 * What a verb does with its request: `query` reads and answers the asker (`help` is one, answered at once), `job`
 * plans a job that may wait for approval, `control` acts on a job that exists (`cancel`).
 */
const VerbKind = { QUERY: 'query', JOB: 'job', CONTROL: 'control' } as const;

type VerbKind = (typeof VerbKind)[keyof typeof VerbKind];

/** A request printed back as words: names in order (undefined ones left out), options in usage order, flags. */
type PrintedRequest = {
  names: ReadonlyArray<string | undefined>;
  options: ReadonlyArray<readonly [string, string | number | boolean | undefined]>;
  flags?: readonly string[];
};

/**
 * One verb of `/es snapshot`: how it is written, what it accepts, how its words become a request and how a request
 * becomes words again. Its summary, notes and example are words of the catalog (`help-words.ts`), by verb.
 */
type CommandDefinition<V extends Verb = Verb> = {
  readonly verb: V;
  readonly kind: VerbKind;
  /**
   * The job this verb makes (a job verb) or may make (`cancel` of a running restore deletes what it restores): whether it waits
   * for approval is the cluster's policy for this kind, never the verb's own say.
   */
  readonly jobKind?: JobKind;
  /** One line, e.g. `/es snapshot list <cluster> [repo] [limit=20]`: syntax, the same in every language. */
  readonly usage: string;
  readonly arguments: ArgumentSpec;
  parse(args: ParsedArguments): RequestOf<V>;
  /** The inverse of `parse`: defaults left out, as people would leave them out. */
  print(request: RequestOf<V>): PrintedRequest;
};

/** Any one of the definitions, each with its own verb and request type. */
type SomeCommandDefinition = { [V in Verb]: CommandDefinition<V> }[Verb];

export type { CommandDefinition, PrintedRequest, SomeCommandDefinition };
export { VerbKind };
