import { describe, expect, it } from 'vitest';
import { clusterPath, indexRequestLists, requestSizedLists } from '../../../../src/adapters/cluster/request-path.js';
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

describe('indexRequestLists', () => {
  it('keeps names that fit in one request as they are', () => {
    expect(indexRequestLists(['logs-1', 'logs-2'])).toEqual([['logs-1', 'logs-2']]);
    expect(indexRequestLists([])).toEqual([]);
  });

  it('covers names too many for one request with the longest patterns that fit in one', () => {
    const targets = Array.from({ length: 400 }, (_, position) => `restored-logs-${String(position).padStart(5, '0')}`);

    const lists = indexRequestLists(targets);

    // 400 names of 19 characters need 7,999; cut by one, they are 40 patterns of 19 (799 with the commas).
    const tens = Array.from({ length: 40 }, (_, position) => `restored-logs-${String(position).padStart(4, '0')}*`);
    expect(lists).toEqual([tens]);
  });

  it('keeps a name no longer than the cut as it is, beside the patterns', () => {
    // "logs,logs-11*,logs-22*" is 22 characters; the names whole are 27.
    expect(indexRequestLists(['logs', 'logs-111', 'logs-112', 'logs-221', 'logs-222'], 22)).toEqual([
      ['logs', 'logs-11*', 'logs-22*'],
    ]);
  });

  it('cuts between characters, never inside one', () => {
    expect(indexRequestLists(['データ-1', 'データ-2'], 40)).toEqual([['データ-*']]);
  });

  it('splits the names rather than send a pattern shorter than four characters', () => {
    expect(indexRequestLists(['alpha-1', 'bravo-1', 'gamma-1'], 12)).toEqual([['alpha-1'], ['bravo-1'], ['gamma-1']]);
  });
});
