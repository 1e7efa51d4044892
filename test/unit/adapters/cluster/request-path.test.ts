import { describe, expect, it } from 'vitest';
import { clusterPath } from '../../../../src/adapters/cluster/request-path.js';
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
