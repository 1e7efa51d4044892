import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';
import { resolveVerb, writtenVerb } from '../../../../src/core/grammar/verb-lookup.js';
import { thrownBy } from './thrown-by.js';

describe('resolveVerb', () => {
  it.each(VERBS.filter((verb) => verb !== 'repo-register'))('finds %s in one word', (verb) => {
    // Act
    const found = resolveVerb(verb.toUpperCase(), 'prod');

    // Assess
    expect(found).toEqual({ verb, length: 1 });
  });

  it.each([
    ['repo', 'register', 2],
    ['Repo', 'REGISTER', 2],
    ['repo-register', 'prod', 1],
  ])('finds repo-register in %j %j', (first, second, length) => {
    // Act
    const found = resolveVerb(first, second);

    // Assess
    expect(found).toEqual({ verb: 'repo-register', length });
  });

  it.each([
    ['repo', undefined],
    ['repo', 'prod'],
  ])('explains that %j %j is not a verb', (first, second) => {
    // Act
    const error = thrownBy(() => resolveVerb(first, second));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('"repo" is followed by "register". Did you mean "repo register" or "repos"?');
  });

  it('suggests the nearest verb and lists every verb', () => {
    // Act
    const error = thrownBy(() => resolveVerb('lsit', 'prod'));

    // Assess
    expect(error.message).toBe('Unknown command "lsit". Did you mean "list"?');
    expect(error.hint).toBe(
      'one of the commands help, clusters, repos, repo register, create, list, status, delete, delete-index, restore, ' +
        'migrate, jobs, job, cancel, approve, reject; /es snapshot help <command> explains one.',
    );
  });

  it('suggests nothing for a word that is far from every verb', () => {
    // Act
    const error = thrownBy(() => resolveVerb('backup', undefined));

    // Assess
    expect(error.message).toBe('Unknown command "backup".');
  });

  it('shortens a long unknown word in the message', () => {
    // Act
    const error = thrownBy(() => resolveVerb('x'.repeat(100), undefined));

    // Assess
    expect(error.message).toBe(`Unknown command "${'x'.repeat(39)}…".`);
  });
});

describe('writtenVerb', () => {
  it.each([
    ['repo-register', 'repo register'],
    ['delete-index', 'delete-index'],
    ['list', 'list'],
  ] as const)('writes %s as %j', (verb, expected) => {
    // Act
    const written = writtenVerb(verb);

    // Assess
    expect(written).toBe(expected);
  });
});
