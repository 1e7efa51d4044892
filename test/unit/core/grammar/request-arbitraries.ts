import fc from 'fast-check';
import type { CommandRequest, RepositoryOptions } from '../../../../src/core/grammar/command-request.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';
import { separatorAt } from '../../../../src/core/grammar/rename-option.js';
import { readRename } from '../../../../src/core/restore/rename-mapping.js';

/**
 * Requests the parser can produce, with names that stress quoting: apostrophes and curly quotes (which the tokenizer
 * reads as quotes), `&` (which Slack sends as an entity), `:` and names that read like the `replace` flag.
 */
const TAIL = "._+'\u2019\u201c&-";
// Characters that make quoting and Slack's escaping work: whitespace, every quote, entities, colons, backslashes.
const TRICKY = [...' \t\u00a0"\'\u201c\u201d\u2018\u2019&<>\\:=,ab$1().+*\u00fc'];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY), minLength: 1 }),
  fc.string({ minLength: 1, unit: 'grapheme' }),
);

const noDoubleDots = (name: string) => !name.includes('..');

const cluster = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,31}$/);
const jobId = fc.stringMatching(/^[a-z0-9]{6,32}$/);
const index = fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9${TAIL}]{0,12}$`)).filter(noDoubleDots);
const pattern = fc.stringMatching(/^[a-z0-9][a-z0-9*._-]{0,8}\*?$/).filter(noDoubleDots);
const indices = fc.uniqueArray(fc.oneof(index, pattern), { minLength: 1, maxLength: 4 });
const snapshot = fc.oneof(
  fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9:${TAIL}]{0,12}$`)).filter(noDoubleDots),
  fc.constant('replace'),
);
const repository = fc.oneof(
  fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9:${TAIL}]{0,12}$`)).filter(noDoubleDots),
  fc.constantFrom('replace', 'Replace'),
);

/** Whether the bot reads the rename as the cluster would: the pattern compiles and the replacement's groups exist. */
function isReadable(rename: { pattern: string; replacement: string }): boolean {
  try {
    readRename(rename);
    return true;
  } catch {
    return false;
  }
}

const rename = fc
  .record({
    pattern: fc.oneof(fc.constantFrom('(.+)', 'logs-(.*)', 'a\\:b', '^(\\w+) x$'), text),
    replacement: fc.oneof(fc.constantFrom('restored-$1', 'a:b', 'x "y" \u2018z\u2019'), text),
  })
  // The rename must be readable and the pattern must not hold the separator itself: a colon in it is written `\:`.
  .filter((drawn) => isReadable(drawn) && separatorAt(`${drawn.pattern}:`) === [...drawn.pattern].length);

const setting = text;
const settings: fc.Arbitrary<RepositoryOptions> = fc.oneof(
  fc.record({ readonly: fc.boolean() }, { requiredKeys: [] }),
  fc.record(
    {
      type: fc.constant('s3' as const),
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/),
      region: fc.constantFrom('eu-west-1', 'us-gov-west-1', 'ap-southeast-2'),
      role_arn: fc.constant('arn:aws:iam::123456789012:role/SnapshotRole'),
      base_path: setting,
      readonly: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    { type: fc.constant('fs' as const), location: setting, readonly: fc.boolean() },
    { requiredKeys: ['type'] },
  ),
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const renameOrReplace = fc.oneof(
  fc.record({ rename: optional(rename), replace: fc.constant(false) }),
  fc.record({ rename: fc.constant(undefined), replace: fc.constant(true) }),
);

const createNames = fc.oneof(
  fc.record({ repository: fc.constant(undefined), snapshot: fc.constant(undefined) }),
  fc.record({ repository, snapshot: optional(snapshot) }),
);

const request: fc.Arbitrary<CommandRequest> = fc.oneof(
  fc.record({ verb: fc.constant('help' as const), topic: optional(fc.constantFrom(...VERBS)) }),
  fc.record({ verb: fc.constant('clusters' as const) }),
  fc.record({ verb: fc.constant('repos' as const), cluster }),
  fc.record({ verb: fc.constant('repo-register' as const), cluster, repository, settings }),
  fc
    .record({
      verb: fc.constant('create' as const),
      cluster,
      names: createNames,
      indices: fc.oneof(fc.constant<string[]>([]), indices),
      includeGlobalState: fc.boolean(),
      partial: fc.boolean(),
    })
    .map(({ names, ...rest }) => ({ ...rest, ...names })),
  fc.record({
    verb: fc.constant('list' as const),
    cluster,
    repository: optional(repository),
    limit: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ verb: fc.constantFrom('status' as const, 'delete' as const), cluster, repository, snapshot }),
  fc.record({ verb: fc.constant('delete-index' as const), cluster, indices }),
  fc
    .record({ verb: fc.constant('restore' as const), cluster, repository, snapshot, indices, target: renameOrReplace })
    .map(({ target, ...rest }) => ({ ...rest, ...target })),
  fc
    .record({
      verb: fc.constant('migrate' as const),
      from: cluster,
      to: cluster,
      repository: optional(repository),
      indices,
      target: renameOrReplace,
    })
    .filter(({ from, to }) => from !== to)
    .map(({ target, ...rest }) => ({ ...rest, ...target })),
  fc.record({ verb: fc.constant('jobs' as const), filter: fc.constantFrom('active' as const, 'mine' as const) }),
  fc.record({ verb: fc.constantFrom('job' as const, 'cancel' as const), jobId }),
);

/** What Slack does to the text before it reaches the bot. */
function asSlackSendsIt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export { asSlackSendsIt, request, TRICKY };
