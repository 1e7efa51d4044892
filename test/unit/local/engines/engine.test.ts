import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, engineLabel, enginesFromEnv, parseEngine } from '../../../../src/local/engines/engine.js';

describe('parseEngine', () => {
  it('reads a distribution and a release', () => {
    expect(parseEngine('elasticsearch:7.10.2', 'flag --a')).toEqual({
      distribution: 'elasticsearch',
      version: '7.10.2',
    });
    expect(parseEngine(' opensearch:3.6.0 ', 'flag --a')).toEqual({ distribution: 'opensearch', version: '3.6.0' });
  });

  it.each(['2.19.6', 'solr:9.0.0', 'opensearch:2.19', 'opensearch:latest'])(
    'refuses %s and names the source',
    (text) => {
      expect(() => parseEngine(text, 'ES_SNAPSHOT_BOT_ENGINE_B')).toThrow(
        `ES_SNAPSHOT_BOT_ENGINE_B="${text}" is not an engine: write elasticsearch:<version> or opensearch:<version>`,
      );
    },
  );
});

describe('enginesFromEnv', () => {
  it('runs the default OpenSearch on both clusters when nothing is set', () => {
    expect(enginesFromEnv({})).toEqual({ a: DEFAULT_ENGINE, b: DEFAULT_ENGINE });
  });

  it('keeps OPENSEARCH_VERSION meaning OpenSearch on both clusters', () => {
    const both = { distribution: 'opensearch', version: '1.3.20' };
    expect(enginesFromEnv({ OPENSEARCH_VERSION: '1.3.20' })).toEqual({ a: both, b: both });
  });

  it('gives each cluster its own engine, over OPENSEARCH_VERSION', () => {
    const env = { OPENSEARCH_VERSION: '1.3.20', ES_SNAPSHOT_BOT_ENGINE_A: 'elasticsearch:7.10.2' };
    expect(enginesFromEnv(env)).toEqual({
      a: { distribution: 'elasticsearch', version: '7.10.2' },
      b: { distribution: 'opensearch', version: '1.3.20' },
    });
  });
});

describe('engineLabel', () => {
  it('names the engine as people write it', () => {
    expect(engineLabel({ distribution: 'elasticsearch', version: '7.10.2' })).toBe('Elasticsearch 7.10.2');
    expect(engineLabel({ distribution: 'opensearch', version: '2.19.6' })).toBe('OpenSearch 2.19.6');
  });
});
