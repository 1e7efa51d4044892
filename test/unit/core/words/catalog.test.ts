import { describe, expect, it } from 'vitest';
import { isFinal, JobState } from '../../../../src/core/jobs/job-states.js';
import { type Catalog, catalogFor } from '../../../../src/core/words/catalog.js';

const SAMPLE_ARGUMENTS = ['alpha', 'beta', 'gamma'];

/** Entries whose parameters are not all text, with arguments of their own. */
const ARGUMENTS_OF: Partial<Record<keyof Catalog, unknown[]>> = {
  helpFooter: [['alpha', 'beta'], '`help`'],
  recentJobLine: ['alpha', 'beta', 'gamma', 'delta', 'U0ALPHA', { approvers: 'U0BETA', rejecter: 'U0GAMMA' }, 'now'],
  helpOnClusters: ['alpha', ['beta', 'gamma']],
  helpWaits: [['alpha']],
  helpCancelWaits: [['alpha']],
  unknownOption: ['alpha', 'beta', ['gamma']],
  unknownCommand: ['alpha', 'beta', ['gamma'], '`help`'],
  repoWithoutRegister: [['alpha'], '`help`'],
  settingFormat: ['bucket', 'alpha'],
  invalidResourceName: ['index', 'alpha', { rule: 'too-long', bytes: 255 }],
  channelNotAllowed: ['alpha', ['beta']],
  notARequester: ['alpha', ['U0BETA'], ['S0GAMMA']],
  tooFewApprovers: ['alpha', 2, 1],
  replacesRepositoryLine: ['fs', 'alpha'],
  noSuchCluster: ['alpha', ['beta']],
  noIndexMatches: ['alpha', ['beta']],
  targetsExist: ['alpha', ['beta']],
  snapshotLacksIndex: ['alpha', 'beta', ['gamma'], true],
  leftOutEntry: [{ index: 'alpha', reason: 'system', pattern: '.beta*' }],
  leftOutLine: [{ index: 'alpha', reason: 'hidden', pattern: undefined }],
  onlyLeftOut: [['alpha', 'beta']],
  onlyHiddenToDelete: ['alpha', ['beta']],
  preflightFinding: [{ finding: 'disk-short', neededBytes: 10, roomBytes: 5, nodes: 1, watermark: '90%' }],
  preflightRefused: ['restore', 'alpha', ['beta']],
  indicesNotFullySnapshotted: ['alpha', [{ index: 'beta', shardId: 0, reason: 'gamma' }]],
  repositoryRegisteredOtherwise: ['alpha', 'beta', [{ setting: 'location', registered: '/x', planned: undefined }]],
};

function rendered(key: string, entry: unknown): string[] {
  if (entry === undefined) return [];
  if (typeof entry === 'string') return [`${key}=${entry}`];
  if (typeof entry === 'function') {
    const args = ARGUMENTS_OF[key as keyof Catalog] ?? SAMPLE_ARGUMENTS;
    const said = (entry as (...args: unknown[]) => string | { text: string; hint?: string })(...args);
    return typeof said === 'string' ? [`${key}=${said}`] : rendered(key, said);
  }
  if (Array.isArray(entry)) return entry.map((item, position) => `${key}.${position}=${item}`);
  return Object.entries(entry as Record<string, unknown>).flatMap(([name, value]) => rendered(`${key}.${name}`, value));
}

function renderEveryEntry(catalog: Catalog): string[] {
  return Object.entries(catalog).flatMap(([key, entry]) => rendered(key, entry));
}

describe('the message catalogue', () => {
  it.each(['en', 'ja'] as const)('has a non-empty text for every entry in %s', (language) => {
    const lines = renderEveryEntry(catalogFor(language));

    expect(lines.every((line) => !line.endsWith('='))).toBe(true);
  });

  it('has the same entries in every language', () => {
    const keys = (catalog: Catalog) => renderEveryEntry(catalog).map((line) => line.split('=')[0]);

    expect(keys(catalogFor('ja'))).toEqual(keys(catalogFor('en')));
  });

  it.each(['en', 'ja'] as const)('writes a restore line with and without a rename in %s', (language) => {
    const catalog = catalogFor(language);

    expect(catalog.restoreLine('a', 'a')).toBe('• `a`');
    expect(catalog.restoreLine('a', 'b')).toBe('• `a` → `b`');
  });
});

describe('isFinal', () => {
  it.each([
    [JobState.SUCCEEDED, true],
    [JobState.EXPIRED, true],
    [JobState.RUNNING, false],
    [JobState.PENDING_APPROVAL, false],
  ])('%s is final: %s', (state, expected) => {
    expect(isFinal(state)).toBe(expected);
  });
});
