import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/core/commands/index.js';
import { SLASH_COMMAND } from '../../../../src/core/grammar/command-request.js';
import { formatCommand } from '../../../../src/core/grammar/format-command.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';

describe('help examples', () => {
  it.each(
    ['en', 'ja'].flatMap((language) =>
      COMMANDS.map((command) => [command.verb, catalogFor(language as 'en').helpVerbs[command.verb].example] as const),
    ),
  )('the example of %s parses and prints back as written', (verb, example) => {
    // Act
    const request = parseCommand(example.slice(`${SLASH_COMMAND} `.length));

    // Assess
    expect(request.verb).toBe(verb);
    expect(formatCommand(request)).toBe(example);
  });
});
