import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('help', () => {
  it.each([
    ['help', undefined],
    ['snapshot help', undefined],
    ['help restore', 'restore'],
    ['HELP Delete-Index', 'delete-index'],
    ['help repo register', 'repo-register'],
    ['help repo-register', 'repo-register'],
    ['help help', 'help'],
  ])('reads %j as help on %j', (text, topic) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'help', topic });
  });

  it.each([
    ['help lsit', 'Unknown command "lsit". Did you mean "list"?'],
    ['help repo', '"repo" is followed by "register". Did you mean "repo register" or "repos"?'],
    ['help list prod', 'unexpected "prod": help explains one command'],
    ['help list prod x', 'unexpected "x"'],
    ['help topic=list', 'unknown option "topic=": help takes no options'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
  });
});
