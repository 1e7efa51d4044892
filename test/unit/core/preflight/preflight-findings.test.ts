import { describe, expect, it } from 'vitest';
import { jobSchema } from '../../../../src/core/jobs/job.js';
import { JobKind } from '../../../../src/core/jobs/job-states.js';
import { jobMessage } from '../../../../src/core/messages/job-message.js';
import { preflightLines } from '../../../../src/core/messages/preflight-lines.js';
import { PreflightRefusedError } from '../../../../src/core/preflight/errors.js';
import {
  blocksApproval,
  type PreflightFinding,
  preflightStatus,
} from '../../../../src/core/preflight/preflight-findings.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

const GB = 1024 ** 3;

/** One of every finding, with the mark its line starts with. */
const EVERY_FINDING: Array<[PreflightFinding, string]> = [
  [{ finding: 'repository-readable', repository: 'r', nodes: 2 }, '✓'],
  [{ finding: 'repository-readable', repository: 'r', nodes: 1 }, '✓'],
  [{ finding: 'repository-registered-by-plan', repository: 'r' }, '✓'],
  [{ finding: 'repository-missing', repository: 'r' }, '✗'],
  [{ finding: 'repository-unreadable', repository: 'r', reason: 'denied' }, '✗'],
  [{ finding: 'version-readable', written: 'OpenSearch 2.11.0', target: 'OpenSearch 2.19.5' }, '✓'],
  [{ finding: 'version-newer', indices: ['a'], written: 'OpenSearch 3.0.0', target: 'OpenSearch 2.19.5' }, '✗'],
  [{ finding: 'version-newer', indices: ['a', 'b'], written: 'OpenSearch 3.0.0', target: 'OpenSearch 2.19.5' }, '✗'],
  [{ finding: 'version-too-old', indices: ['a'], written: 'Elasticsearch 6.8.4', target: 'OpenSearch 2.19.5' }, '✗'],
  [
    { finding: 'version-other-engine', indices: ['a'], written: 'Elasticsearch 8.1.0', target: 'OpenSearch 2.19.5' },
    '✗',
  ],
  [{ finding: 'version-unknown', target: 'opensearch 2.19.5' }, '⚠'],
  [{ finding: 'disk-fits', neededBytes: GB, roomBytes: 9 * GB, nodes: 1, watermark: '90%' }, '✓'],
  [{ finding: 'disk-fits', neededBytes: GB, roomBytes: 9 * GB, nodes: 3 }, '✓'],
  [{ finding: 'disk-short', neededBytes: 9 * GB, roomBytes: GB, nodes: 1, watermark: '10gb' }, '✗'],
  [{ finding: 'disk-watermark-unreadable', watermark: 'lots' }, '⚠'],
  [{ finding: 'targets-free', count: 2 }, '✓'],
  [{ finding: 'targets-free', count: 1 }, '✓'],
  [{ finding: 'targets-replaced', indices: ['a', 'b'], closed: ['b'] }, '✓'],
  [{ finding: 'targets-replaced', indices: ['a'], closed: [] }, '✓'],
  [{ finding: 'aliases-free', count: 1 }, '✓'],
  [{ finding: 'aliases-free', count: 0 }, '✓'],
  [{ finding: 'aliases-free', count: 3 }, '✓'],
  [{ finding: 'write-alias-taken', alias: 'logs', index: 'a', writeIndex: 'b' }, '✗'],
  [{ finding: 'alias-shared', alias: 'logs', indices: ['b'] }, '⚠'],
  [{ finding: 'shards-fit', adding: 2, current: 10, limit: 1000 }, '✓'],
  [{ finding: 'shards-fit', adding: 1, current: 10, limit: 1000 }, '✓'],
  [{ finding: 'shards-over', adding: 2, current: 999, limit: 1000 }, '✗'],
  [{ finding: 'master-timeout', timeout: '80s', indices: 100 }, '✓'],
];

describe('preflight findings', () => {
  it.each(['en', 'ja'] as const)(
    'say every finding in %s, with its mark, and what to do when it blocks',
    (language) => {
      // Prepare
      const words = catalogFor(language);

      // Act
      const lines = preflightLines(
        EVERY_FINDING.map(([finding]) => finding),
        words,
      );

      // Assess
      expect(lines[0]).toBe(words.preflightTitle);
      EVERY_FINDING.forEach(([finding, mark], position) => {
        const line = lines[position + 1] as string;
        expect(line.startsWith(`${mark} `)).toBe(true);
        expect(line.includes(' — ')).toBe(preflightStatus(finding) === 'failed');
      });
    },
  );

  it('shows nothing for a plan stored before the preflight, or one with no findings', () => {
    expect(preflightLines(undefined, catalogFor('en'))).toEqual([]);
    expect(preflightLines([], catalogFor('en'))).toEqual([]);
  });

  it.each([
    ['en', '`e` and 2 more come from x'],
    ['ja', '`e` ほか 2 件 は x'],
  ] as const)('counts the indices it does not name in %s', (language, expected) => {
    // Act
    const [, line] = preflightLines(
      [{ finding: 'version-newer', indices: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], written: 'x', target: 'y' }],
      catalogFor(language),
    );

    // Assess
    expect(line).toContain(expected);
  });

  it('blocks approval on a failed check only', () => {
    expect(
      blocksApproval([
        { finding: 'version-unknown', target: 't' },
        { finding: 'targets-free', count: 1 },
      ]),
    ).toBe(false);
    expect(blocksApproval([{ finding: 'shards-over', adding: 2, current: 999, limit: 1000 }])).toBe(true);
  });

  it.each(['en', 'ja'] as const)('refuse a request in %s with every line of the preflight', (language) => {
    // Prepare
    const findings: PreflightFinding[] = [
      { finding: 'repository-readable', repository: 'r', nodes: 1 },
      { finding: 'disk-short', neededBytes: 9 * GB, roomBytes: GB, nodes: 1, watermark: '10gb' },
    ];

    // Act
    const error = new PreflightRefusedError(JobKind.RESTORE, 'b', findings);
    const said = error.saidIn(catalogFor(language));

    // Assess
    expect(error.code).toBe('preflight_refused');
    expect(error.name).toBe('PreflightRefusedError');
    expect(said.text).toContain('b');
    expect(said.text).toContain('✓ ');
    expect(said.text).toContain('✗ ');
    expect(said.hint).toContain('✗');
  });

  it('are shown on the approval message of a restore and of a migration, after the plan', () => {
    // Prepare
    const preflight: PreflightFinding[] = [{ finding: 'targets-free', count: 2 }];
    const restore = buildRequestedJob({ ...PLANS.restore(), preflight } as never);
    const migrate = buildRequestedJob({ ...PLANS.migrate(), preflight } as never);

    // Act
    const texts = [restore, migrate].map((job) => JSON.stringify(jobMessage(job, catalogFor('en'), NOW).blocks));

    // Assess
    for (const text of texts) {
      expect(text).toContain('*Preflight*');
      expect(text).toContain('✓ no index of the 2 target names exists on the target');
    }
  });

  it('keep a job stored before the preflight readable, and round-trip one stored with it', () => {
    // Prepare
    const stored = JSON.parse(JSON.stringify(buildRequestedJob()));
    const withPreflight = {
      ...stored,
      plan: {
        ...stored.plan,
        // As DynamoDB gives it back: a finding's absent field has no attribute at all.
        preflight: [
          { finding: 'targets-free', count: 2 },
          { finding: 'disk-fits', neededBytes: 1, roomBytes: 2, nodes: 1 },
        ],
        masterTimeout: '80s',
      },
    };

    // Act
    const before = jobSchema.parse(stored);
    const after = jobSchema.parse(withPreflight);

    // Assess
    expect(before.plan.kind).toBe('restore');
    expect(before.plan).not.toHaveProperty('preflight', expect.anything());
    expect(before.plan).not.toHaveProperty('masterTimeout', expect.anything());
    expect(after.plan).toMatchObject({
      preflight: [{ finding: 'targets-free' }, { finding: 'disk-fits', roomBytes: 2 }],
      masterTimeout: '80s',
    });
  });
});
