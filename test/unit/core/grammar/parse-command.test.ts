import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from './thrown-by.js';

describe('parseCommand', () => {
  it.each(['', '   ', 'snapshot', 'SNAPSHOT', ' snapshot \n'])('answers %j with help', (text) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'help', topic: undefined });
  });

  it.each(['snapshot list prod', 'list prod', 'Snapshot LIST prod', '"snapshot" list prod'])(
    'reads %j with or without the leading "snapshot"',
    (text) => {
      // Act
      const request = parseCommand(text);

      // Assess
      expect(request).toEqual({ verb: 'list', cluster: 'prod', repository: undefined, limit: 20 });
    },
  );

  it('reads "snapshot" after the verb as a name', () => {
    // Act
    const request = parseCommand('snapshot list snapshot');

    // Assess
    expect(request).toEqual({ verb: 'list', cluster: 'snapshot', repository: undefined, limit: 20 });
  });

  it('reads options between the names too', () => {
    // Act
    const request = parseCommand('restore prod indices=a migration replace nightly');

    // Assess
    expect(request).toEqual({
      verb: 'restore',
      cluster: 'prod',
      repository: 'migration',
      snapshot: 'nightly',
      indices: ['a'],
      rename: undefined,
      replace: true,
    });
  });

  it('reads the command as Slack sends it, entities and curly quotes included', () => {
    // Act
    const request = parseCommand(
      'snapshot restore prod migration nightly indices=\u201clogs-a, logs-b\u201d rename=\u201c(.+)&amp;:restored-$1\u201d',
    );

    // Assess
    expect(request).toMatchObject({
      indices: ['logs-a', 'logs-b'],
      rename: { pattern: '(.+)&', replacement: 'restored-$1' },
    });
  });

  it('suggests the nearest verb for a typo', () => {
    // Act
    const error = thrownBy(() => parseCommand('snapshot lsit prod'));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('Unknown command "lsit". Did you mean "list"?');
    expect(error.hint).toContain('one of the commands help, clusters, repos, repo register, create');
  });

  it('gives the usage line of the verb as the hint', () => {
    // Act
    const error = thrownBy(() => parseCommand('status prod migration'));

    // Assess
    expect(error.message).toBe('missing <snapshot>');
    expect(error.hint).toBe('/es snapshot status <cluster> <repo> <snapshot>');
  });

  it('lets the name validators explain a bad name', () => {
    // Act
    const error = thrownBy(() => parseCommand('delete-index prod _all'));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toBe('index pattern name "_all" would match every index; name the indices instead');
  });

  it('refuses an unclosed quote', () => {
    // Act
    const error = thrownBy(() => parseCommand('restore prod migration nightly indices="a'));

    // Assess
    expect(error.message).toBe('the quote " at character 40 is never closed');
  });
});
