import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor } from '../../../../src/core/commands/index.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';

describe('COMMANDS', () => {
  it('holds one definition per verb, in the order help lists them', () => {
    // Act
    const verbs = COMMANDS.map((command) => command.verb);

    // Assess
    expect(verbs).toEqual([...VERBS]);
  });

  it('names the job each job verb makes, and the one cancel may make', () => {
    // Act
    const kinds = COMMANDS.filter((command) => command.jobKind !== undefined).map((command) => [
      command.verb,
      command.kind,
      command.jobKind,
    ]);

    // Assess
    expect(kinds).toEqual([
      ['repo-register', 'job', 'repo-register'],
      ['create', 'job', 'snapshot-create'],
      ['delete', 'job', 'snapshot-delete'],
      ['delete-index', 'job', 'index-delete'],
      ['restore', 'job', 'restore'],
      ['migrate', 'job', 'migrate'],
      ['cancel', 'control', 'index-delete'],
    ]);
  });

  it.each(COMMANDS.map((command) => [command.verb, command] as const))(
    'gives %s a one-line usage, a one-sentence summary and an example of itself',
    (verb, command) => {
      // Prepare
      const help = catalogFor('en').helpVerbs[verb];

      // Assess
      expect(command.usage).toMatch(/^\/es snapshot \S/);
      expect(command.usage).not.toContain('\n');
      expect(help.summary).toMatch(/^[A-Z][^\n]*\.$/);
      expect(catalogFor('ja').helpVerbs[verb].summary).toMatch(/^[^\n]+。$/);
      expect(help.example.startsWith(`/es snapshot ${verb.replace('repo-register', 'repo register')}`)).toBe(true);
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
