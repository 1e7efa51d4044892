import { describe, expect, it } from 'vitest';
import {
  Engine,
  type EngineVersion,
  engineChange,
  formatVersion,
  OPENSEARCH_ID_BIT,
  readability,
  shownEngine,
  versionFromId,
  versionFromNumber,
} from '../../../../src/core/preflight/engine-version.js';

function es(text: string): EngineVersion {
  return versionFromNumber('elasticsearch', text) as EngineVersion;
}

function os(text: string): EngineVersion {
  return versionFromNumber('opensearch', text) as EngineVersion;
}

describe('versionFromId', () => {
  it.each([
    // Measured on the rig: an index created on OpenSearch 2.19.5 says `index.version.created: 136408327`.
    [136408327, { engine: Engine.OPENSEARCH, major: 2, minor: 19, patch: 5 }],
    [7100299, { engine: Engine.ELASTICSEARCH, major: 7, minor: 10, patch: 2 }],
    [6080499, { engine: Engine.ELASTICSEARCH, major: 6, minor: 8, patch: 4 }],
    [8000099, { engine: Engine.ELASTICSEARCH, major: 8, minor: 0, patch: 0 }],
    [1030099 + OPENSEARCH_ID_BIT, { engine: Engine.OPENSEARCH, major: 1, minor: 3, patch: 0 }],
  ])('reads %i as %o', (id, expected) => {
    expect(versionFromId(id)).toEqual(expected);
  });
});

describe('versionFromNumber', () => {
  it('reads the number of GET / with its distribution, and takes a number without one for Elasticsearch', () => {
    expect(versionFromNumber('opensearch', '3.3.0')).toEqual({
      engine: Engine.OPENSEARCH,
      major: 3,
      minor: 3,
      patch: 0,
    });
    expect(versionFromNumber('elasticsearch', '8.0.0-SNAPSHOT')).toEqual(es('8.0.0'));
  });

  it('gives up on a number it cannot read', () => {
    expect(versionFromNumber('opensearch', 'latest')).toBeUndefined();
  });

  it('names the engine the way people write it', () => {
    expect(formatVersion(os('2.19.5'))).toBe('OpenSearch 2.19.5');
    expect(formatVersion(es('7.10.2'))).toBe('Elasticsearch 7.10.2');
  });
});

describe('readability', () => {
  // Written by → target: the matrix in ../shared/FACTS.md, "Cross-version compatibility".
  it.each([
    // Elasticsearch 7 up to the fork into OpenSearch 1 and 2, not 3.
    [es('7.10.2'), os('1.3.20'), 'readable'],
    [es('7.0.0'), os('2.19.5'), 'readable'],
    [es('7.10.2'), os('3.3.0'), 'too-old'],
    // Elasticsearch 6 into OpenSearch 1 only (OpenSearch#8811, #11737).
    [es('6.8.4'), os('1.3.20'), 'readable'],
    [es('6.8.4'), os('2.19.5'), 'too-old'],
    [es('5.6.16'), os('1.3.20'), 'too-old'],
    // OpenSearch reads one major back, never forward.
    [os('1.3.20'), os('2.19.5'), 'readable'],
    [os('2.19.5'), os('3.3.0'), 'readable'],
    [os('1.3.20'), os('3.3.0'), 'too-old'],
    [os('2.19.5'), os('2.11.0'), 'newer'],
    [os('3.0.0'), os('2.19.5'), 'newer'],
    // Nothing Elasticsearch wrote after the fork reaches OpenSearch.
    [es('8.15.0'), os('2.19.5'), 'other-engine'],
    [es('7.17.0'), os('2.19.5'), 'other-engine'],
    [es('8.15.0'), os('3.3.0'), 'other-engine'],
    // Elasticsearch: one major back, never newer, nothing OpenSearch wrote.
    [es('7.10.2'), es('8.15.0'), 'readable'],
    [es('6.8.4'), es('8.15.0'), 'too-old'],
    [es('7.11.0'), es('7.10.2'), 'newer'],
    [os('1.3.20'), es('8.15.0'), 'other-engine'],
  ])('%o into %o is %s', (written, target, expected) => {
    expect(readability(written, target)).toBe(expected);
  });
});

describe('shownEngine', () => {
  it.each([
    ['opensearch', '2.19.6', 'OpenSearch 2.19.6'],
    ['elasticsearch', '7.10.2', 'Elasticsearch 7.10.2'],
    ['opensearch', '3.0.0-SNAPSHOT', 'OpenSearch 3.0.0-SNAPSHOT'],
    // A distribution of its own (a fork we do not know) is named as the cluster said it.
    ['acmesearch', '1.0.0', 'acmesearch 1.0.0'],
  ])('names %s %s as %s', (distribution, version, shown) => {
    expect(shownEngine(distribution, version)).toBe(shown);
  });
});

describe('engineChange', () => {
  it.each([
    [os('2.19.5'), os('2.19.5'), 'same'],
    [os('2.19.5'), os('3.3.0'), 'newer'],
    [os('1.3.20'), os('2.19.5'), 'newer'],
    [os('2.19.5'), os('1.3.20'), 'older'],
    [es('7.10.2'), es('7.10.2'), 'same'],
    // OpenSearch continues Elasticsearch up to the fork.
    [es('7.10.2'), os('2.19.6'), 'newer'],
    [es('7.17.0'), os('2.19.6'), 'other-engine'],
    [os('1.3.20'), es('7.10.2'), 'other-engine'],
  ])('from %o to %o is %s', (from, to, change) => {
    expect(engineChange(from, to)).toBe(change);
  });
});
