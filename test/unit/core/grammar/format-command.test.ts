import { describe, expect, it } from 'vitest';
import { commandWords, formatCommand, quoteWord } from '../../../../src/core/grammar/format-command.js';
import type { CommandRequest } from '../../../../src/core/grammar/parse-command.js';
import { tokenize } from '../../../../src/core/grammar/tokenize.js';

describe('formatCommand', () => {
  it.each<[CommandRequest, string]>([
    [{ verb: 'help', topic: undefined }, '/es snapshot help'],
    [{ verb: 'help', topic: 'repo-register' }, '/es snapshot help repo-register'],
    [{ verb: 'clusters' }, '/es snapshot clusters'],
    [{ verb: 'repos', cluster: 'prod' }, '/es snapshot repos prod'],
    [
      {
        verb: 'repo-register',
        cluster: 'prod',
        repository: 'm',
        settings: { type: 's3', bucket: 'b1', readonly: true },
      },
      '/es snapshot repo register prod m bucket=b1 readonly=true',
    ],
    [
      { verb: 'repo-register', cluster: 'prod', repository: 'm', settings: { type: 'fs', readonly: false } },
      '/es snapshot repo register prod m type=fs readonly=false',
    ],
    [
      {
        verb: 'create',
        cluster: 'prod',
        repository: undefined,
        snapshot: undefined,
        indices: [],
        includeGlobalState: false,
        partial: false,
      },
      '/es snapshot create prod',
    ],
    [
      {
        verb: 'create',
        cluster: 'prod',
        repository: 'm',
        snapshot: 'n',
        indices: ['a', 'b*'],
        includeGlobalState: true,
        partial: false,
      },
      '/es snapshot create prod m n indices=a,b* global_state=true',
    ],
    [{ verb: 'list', cluster: 'prod', repository: undefined, limit: 20 }, '/es snapshot list prod'],
    [{ verb: 'list', cluster: 'prod', repository: 'm', limit: 5 }, '/es snapshot list prod m limit=5'],
    [{ verb: 'status', cluster: 'prod', repository: 'm', snapshot: 'n' }, '/es snapshot status prod m n'],
    [{ verb: 'delete', cluster: 'prod', repository: 'm', snapshot: 'n' }, '/es snapshot delete prod m n'],
    [{ verb: 'delete-index', cluster: 'prod', indices: ['a', 'b*'] }, '/es snapshot delete-index prod a,b*'],
    [
      {
        verb: 'restore',
        cluster: 'prod',
        repository: 'm',
        snapshot: 'replace',
        indices: ['a'],
        rename: { pattern: '(.+)', replacement: 'new $1' },
        replace: false,
      },
      '/es snapshot restore prod m "replace" indices=a rename="(.+):new $1"',
    ],
    [
      {
        verb: 'migrate',
        from: 'a',
        to: 'b',
        repository: undefined,
        indices: ['x', 'y'],
        rename: undefined,
        replace: true,
      },
      '/es snapshot migrate a b indices=x,y replace',
    ],
    [{ verb: 'jobs', filter: 'active' }, '/es snapshot jobs'],
    [{ verb: 'jobs', filter: 'mine' }, '/es snapshot jobs mine'],
    [{ verb: 'job', jobId: 'k3x9q2m7' }, '/es snapshot job k3x9q2m7'],
    [{ verb: 'cancel', jobId: 'k3x9q2m7' }, '/es snapshot cancel k3x9q2m7'],
  ])('prints %j as %j', (request, expected) => {
    // Act
    const text = formatCommand(request);

    // Assess
    expect(text).toBe(expected);
  });

  it('groups the words of a request', () => {
    // Act
    const words = commandWords({
      verb: 'repo-register',
      cluster: 'prod',
      repository: 'm',
      settings: { location: '/mnt/a b' },
    });

    // Assess
    expect(words).toEqual({ verb: ['repo', 'register'], names: ['prod', 'm'], options: ['location="/mnt/a b"'] });
  });
});

describe('quoteWord', () => {
  it.each([
    ['plain', 'plain'],
    ['', '""'],
    ['a b', '"a b"'],
    ["it's", '"it\'s"'],
    ['say "hi"', '"say "\'"\'"hi"\'"\''],
    ['\u201cx\u201d y', '\'\u201c\'"x"\'\u201d\'" y"'],
  ])('writes %j as %j', (text, expected) => {
    // Act
    const word = quoteWord(text);

    // Assess
    expect(word).toBe(expected);
  });

  it('quotes a word on request', () => {
    // Act
    const word = quoteWord('replace', true);

    // Assess
    expect(word).toBe('"replace"');
  });

  it.each(['', 'a b', 'say "hi" it\'s', '\u201c\u2018\u2019\u201d', '"\'"\''])(
    'writes %j so that the tokenizer reads it back as one word',
    (text) => {
      // Act
      const tokens = tokenize(quoteWord(text));

      // Assess
      expect(tokens.map((token) => token.text)).toEqual([text]);
    },
  );
});
