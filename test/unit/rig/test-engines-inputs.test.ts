import { describe, expect, it } from 'vitest';
import { ENGINE_PAIRS, selectPairs } from '../../rig/compatibility/engine-pairs.js';
import { countsOfReport, enginesOfRigLine } from '../../rig/compatibility/vitest-counts.js';

describe('the engine pairs', () => {
  it('are every pair without --pair, and the named ones with it', () => {
    expect(selectPairs([])).toEqual(ENGINE_PAIRS);
    expect(selectPairs(['es7-os2']).map((pair) => [pair.a, pair.b])).toEqual([
      ['elasticsearch:7.10.2', 'opensearch:2.19.6'],
    ]);
  });

  it('refuses a pair that is not listed, naming the ones there are', () => {
    expect(() => selectPairs(['es8'])).toThrow(/no engine pair es8: pick from os2, es7, /);
  });
});

describe("vitest's JSON report", () => {
  it('counts tests run, passed, failed and skipped', () => {
    const report = { numTotalTests: 12, numPassedTests: 9, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1 };

    expect(countsOfReport(JSON.stringify(report), 'r.json')).toEqual({ total: 12, passed: 9, failed: 1, skipped: 2 });
    expect(countsOfReport('{"numTotalTests":0}', 'r.json')).toEqual({ total: 0, passed: 0, failed: 0, skipped: 0 });
  });

  it('refuses what is not one, naming the file', () => {
    expect(() => countsOfReport('not json', 'r.json')).toThrow(/r.json is not vitest's JSON report/);
    expect(() => countsOfReport('null', 'r.json')).toThrow(/no numTotalTests/);
    expect(() => countsOfReport('{}', 'r.json')).toThrow(/no numTotalTests/);
  });
});

describe("the rig's line", () => {
  it('names both engines, or one for both clusters', () => {
    const mixed =
      'x\nrig: A Elasticsearch 7.10.2 at http://a, B OpenSearch 2.19.6 at http://b (local), shared repo /r\n';

    expect(enginesOfRigLine(mixed)).toEqual({ a: 'Elasticsearch 7.10.2', b: 'OpenSearch 2.19.6' });
    expect(enginesOfRigLine('rig: OpenSearch 2.19.5 (your clusters): A http://a')).toEqual({
      a: 'OpenSearch 2.19.5',
      b: 'OpenSearch 2.19.5',
    });
  });

  it('is undefined when the rig printed none', () => {
    expect(enginesOfRigLine('Error: Java not found')).toBeUndefined();
    expect(enginesOfRigLine('rig: starting')).toBeUndefined();
  });
});
