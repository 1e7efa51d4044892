import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/core/commands/index.js';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import { SLASH_COMMAND } from '../../../../src/core/grammar/command-request.js';
import { commandWords, formatCommand } from '../../../../src/core/grammar/format-command.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { asSlackSendsIt, request, TRICKY } from './request-arbitraries.js';

/** The text Slack sends for a command typed as `formatCommand` prints it. */
function typed(text: string): string {
  return asSlackSendsIt(text.slice(`${SLASH_COMMAND} `.length));
}

function parsesOrExplains(text: string): void {
  try {
    parseCommand(text);
  } catch (error) {
    expect(error instanceof UsageError || error instanceof InvalidResourceNameError).toBe(true);
  }
}

const vocabulary = fc.constantFrom(
  'snapshot',
  ...COMMANDS.map((command) => command.verb),
  'repo',
  'register',
  'prod',
  'replace',
  '"replace"',
  'indices=a,b*',
  'indices=',
  'rename=(.+):x',
  'rename=(:x',
  'limit=5',
  'global_state=true',
  'type=fs',
  'bucket=b1',
  'location=/x',
  'readonly=no',
  '_all',
  '*',
  '"',
  '\u201c',
  '&amp;',
  'mine',
  'k3x9q2m7',
);

describe('parseCommand on any input', () => {
  it('returns a request or throws a UsageError or InvalidResourceNameError for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), parsesOrExplains), { numRuns: 2000 });
  });

  it('does the same for text made of the tricky characters', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...TRICKY, 'x', '_') }), parsesOrExplains), {
      numRuns: 1000,
    });
  });

  it('does the same for words that look like commands', () => {
    fc.assert(
      fc.property(fc.array(vocabulary, { maxLength: 8 }), (words) => parsesOrExplains(words.join(' '))),
      { numRuns: 3000 },
    );
  });
});

describe('parseCommand on printed requests', () => {
  it('reads a printed request back to the same request', () => {
    fc.assert(
      fc.property(request, (expected) => {
        // Act
        const parsed = parseCommand(typed(formatCommand(expected)));

        // Assess
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same request whatever the order of the options', () => {
    fc.assert(
      fc.property(
        request.chain((expected) =>
          fc.tuple(
            fc.constant(expected),
            fc.shuffledSubarray(commandWords(expected).options, { minLength: commandWords(expected).options.length }),
          ),
        ),
        ([expected, options]) => {
          // Prepare
          const { verb, names } = commandWords(expected);

          // Act
          const parsed = parseCommand(asSlackSendsIt([...verb, ...names, ...options].join(' ')));

          // Assess
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same request whatever the case of the verb and the option keys', () => {
    fc.assert(
      fc.property(request, fc.infiniteStream(fc.boolean()), (expected, upper) => {
        // Prepare
        const recase = (word: string) => [...word].map((c) => (upper.next().value ? c.toUpperCase() : c)).join('');
        const { verb, names, options } = commandWords(expected);
        const keyed = options.map((option) => option.replace(/^[a-z_]+(?==)|^replace$/, recase));

        // Act
        const parsed = parseCommand(asSlackSendsIt([...verb.map(recase), ...names, ...keyed].join(' ')));

        // Assess
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
