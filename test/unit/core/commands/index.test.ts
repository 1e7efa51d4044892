import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor } from '../../../../src/core/commands/index.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';

describe('COMMANDS', () => {
  it('holds one definition per verb, in the order help lists them', () => {
    // Act
    const verbs = COMMANDS.map((command) => command.verb);

    // Assess
    expect(verbs).toEqual([...VERBS]);
  });

  it('marks exactly the destructive commands as needing approval', () => {
    // Act
    const approval = COMMANDS.filter((command) => command.needsApproval).map((command) => command.verb);

    // Assess
    expect(approval).toEqual(['delete', 'delete-index', 'restore', 'migrate']);
  });

  it.each(COMMANDS.map((command) => [command.verb, command] as const))(
    'gives %s a one-line usage, a one-sentence summary and an example of itself',
    (verb, command) => {
      // Assess
      expect(command.usage).toMatch(/^\/es snapshot \S/);
      expect(command.usage).not.toContain('\n');
      expect(command.summary).toMatch(/^[A-Z][^\n]*\.$/);
      expect(command.example.startsWith(`/es snapshot ${verb.replace('repo-register', 'repo register')}`)).toBe(true);
    },
  );
});

describe('commandFor', () => {
  it.each(VERBS)('finds the definition of %s', (verb) => {
    // Act
    const command = commandFor(verb);

    // Assess
    expect(command.verb).toBe(verb);
  });
});
