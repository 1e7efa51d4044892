import { describe, expect, it } from 'vitest';
import { clusterPath, requestSizedLists } from '../../../../src/adapters/cluster/request-path.js';
import { InvalidResourceNameError } from '../../../../src/core/errors.js';

describe('clusterPath', () => {
  it('puts names into the template', () => {
    expect(clusterPath`/_snapshot/${'migration'}/${'nightly-1'}/_restore`).toBe(
      '/_snapshot/migration/nightly-1/_restore',
    );
  });

  it('joins a list into one comma-separated segment', () => {
    expect(clusterPath`/${['logs-1', 'logs-*']}/_recovery`).toBe('/logs-1,logs-*/_recovery');
  });

  it('percent-encodes characters that are legal in names', () => {
    expect(clusterPath`/_snapshot/r/${'a:b'}`).toBe('/_snapshot/r/a%3Ab');
    expect(clusterPath`/${'データ'}`).toBe('/%E3%83%87%E3%83%BC%E3%82%BF');
  });

  it.each(['a/b', 'a?b', 'a#b', '..', 'a b', 'x\n', '%2F', 'a,b', '', 'a\\b', 'a\ud800', '\udc00b'])(
    'never lets %j reach the URL',
    (name) => {
      expect(() => clusterPath`/_snapshot/${name}`).toThrowError(InvalidResourceNameError);
    },
  );

  it('refuses an empty list', () => {
    expect(() => clusterPath`/${[]}/_recovery`).toThrowError('is an empty list');
  });
});

describe('requestSizedLists', () => {
  it('keeps names that fit together in one list', () => {
    expect(requestSizedLists(['logs-1', 'logs-2'])).toEqual([['logs-1', 'logs-2']]);
    expect(requestSizedLists([])).toEqual([]);
  });

  it('starts a new list where the comma-joined names would pass the limit, keeping their order', () => {
    // "aaa,bbb" is 7 characters: a third name of 3 no longer fits in 10.
    expect(requestSizedLists(['aaa', 'bbb', 'ccc', 'ddd', 'e'], 10)).toEqual([
      ['aaa', 'bbb'],
      ['ccc', 'ddd', 'e'],
    ]);
  });

  it('counts names as they go on the wire, percent-encoded', () => {
    // "データ" is 27 characters once encoded.
    expect(requestSizedLists(['データ', 'x'], 28)).toEqual([['データ'], ['x']]);
  });

  it('gives a name longer than the limit a list of its own rather than dropping it', () => {
    expect(requestSizedLists(['a', 'longer-than-the-limit', 'b'], 5)).toEqual([
      ['a'],
      ['longer-than-the-limit'],
      ['b'],
    ]);
  });
});
