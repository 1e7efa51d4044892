import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../../src/core/words/catalog.js';

describe('step words', () => {
  it('keep the English the stored jobs and the tests know', () => {
    const en = catalogFor('en');

    expect(en.repositoryRegistered('migration', 1)).toBe('migration registered, verified by 1 node');
    expect(en.repositoryRegistered('migration', 3)).toBe('migration registered, verified by 3 nodes');
    expect(en.snapshotFailed('FAILED', '')).toBe('FAILED: no reason given');
    expect(en.docCount('b-1', undefined, 4)).toBe('b-1 missing/4');
    expect(en.docCountDifference('b-1', 3, undefined)).toBe('b-1 has 3, source no index');
    expect(en.stepRefused('no such index', undefined)).toBe('no such index');
    expect(en.stepRefused('no such index', 'Check the name.')).toBe('no such index (Check the name.)');
    expect(en.shardFailure('logs', undefined, undefined)).toBe('logs[?]: no reason given');
    expect(en.clusterUnreachable('a', 'timeout').text).toBe('a: cluster did not answer (timed out)');
    expect(en.clusterUnreachable('a', 'ECONNREFUSED').text).toBe('a: cluster did not answer (ECONNREFUSED)');
  });

  it.each(['en', 'ja'] as const)('fill in every case in %s', (language) => {
    const words = catalogFor(language);
    const texts = [
      words.repositoryRegistered('r', 1),
      words.repositoryRegistered('r', 2),
      words.snapshotFailed('FAILED', ''),
      words.snapshotFailed('FAILED', 'x[0]: y'),
      words.docCount('t', undefined, undefined),
      words.docCount('t', 1, 2),
      words.docCountDifference('t', undefined, undefined),
      words.docCountDifference('t', 1, 2),
      words.stepRefused('a', undefined),
      words.stepRefused('a', 'b'),
      words.shardFailure('logs', 0, 'disk full'),
      words.shardFailure('logs', undefined, undefined),
      words.snapshotCapturedNothing(0, 0, ''),
      words.snapshotCapturedNothing(0, 0, 'x[0]: aborted'),
      words.restoredSize('t', undefined, undefined),
      words.restoredSize('t', 208, 4),
      words.sizeDifference('t', undefined, undefined),
      words.sizeDifference('t', 10, 208),
    ];

    expect(new Set(texts).size).toBe(texts.length);
  });

  it('names job states and actions in Japanese where a refusal quotes them', () => {
    const ja = catalogFor('ja');

    expect(ja.invalidTransition('j1', 'EXPIRED', 'approved').text).toBe('ジョブ j1 は期限切れです: 今は承認できません');
    expect(ja.invalidTransition('j1', 'RUNNING (leased by w)', 'moved').text).toBe(
      'ジョブ j1 はRUNNING (leased by w)です: 今はmovedできません',
    );
  });
});
