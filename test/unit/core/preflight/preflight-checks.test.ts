import { describe, expect, it } from 'vitest';
import type { AllocationSettings, DiskAllocation, IndexAlias } from '../../../../src/core/model/allocation.js';
import type { IndexSummary } from '../../../../src/core/model/search-index.js';
import { versionFromNumber } from '../../../../src/core/preflight/engine-version.js';
import {
  aliasCheck,
  collisionCheck,
  diskCheck,
  masterTimeoutCheck,
  masterTimeoutFor,
  type RestoreNeed,
  repositoryCheck,
  shardCheck,
  versionCheck,
} from '../../../../src/core/preflight/preflight-checks.js';

const GB = 1024 ** 3;

function need(overrides: Partial<RestoreNeed> = {}): RestoreNeed {
  return { index: 'logs-1', primaryBytes: 10 * GB, shards: 2, replicas: 1, ...overrides };
}

function nodes(count: number, availableBytes = 40 * GB, shards = 10): DiskAllocation {
  return {
    nodes: Array.from({ length: count }, (_, position) => ({
      node: `n${position}`,
      shards,
      usedBytes: 100 * GB - availableBytes,
      availableBytes,
      totalBytes: 100 * GB,
    })),
    unassignedShards: 0,
  };
}

function settings(overrides: Partial<AllocationSettings> = {}): AllocationSettings {
  return {
    thresholdEnabled: true,
    highWatermark: '90%',
    watermarkOnSingleDataNode: true,
    maxShardsPerNode: 1000,
    ...overrides,
  };
}

function summary(index: string, status = 'open'): IndexSummary {
  return { index, uuid: `uuid-${index}`, health: 'green', status, docsCount: 1, storeBytes: 1, primaries: 1 };
}

describe('repositoryCheck', () => {
  it.each([
    [{ kind: 'registered-by-plan' as const }, { finding: 'repository-registered-by-plan', repository: 'r' }],
    [{ kind: 'missing' as const }, { finding: 'repository-missing', repository: 'r' }],
    [
      { kind: 'verified' as const, nodes: ['a', 'b'] },
      { finding: 'repository-readable', repository: 'r', nodes: 2 },
    ],
    [
      { kind: 'refused' as const, reason: 'access denied' },
      { finding: 'repository-unreadable', repository: 'r', reason: 'access denied' },
    ],
  ])('turns %o into its finding', (answer, expected) => {
    expect(repositoryCheck('r', answer)).toEqual(expected);
  });
});

describe('versionCheck', () => {
  const target = { name: 'b', distribution: 'opensearch', version: '2.19.5' };
  const es = (text: string) => versionFromNumber('elasticsearch', text);
  const os = (text: string) => versionFromNumber('opensearch', text);

  it('passes when the target reads every index, naming the versions that wrote them', () => {
    // Act
    const findings = versionCheck(
      [
        { index: 'a', version: es('7.10.2') },
        { index: 'b', version: os('2.11.0') },
        { index: 'c', version: os('2.11.0') },
      ],
      target,
    );

    // Assess
    expect(findings).toEqual([
      { finding: 'version-readable', written: 'Elasticsearch 7.10.2, OpenSearch 2.11.0', target: 'OpenSearch 2.19.5' },
    ]);
  });

  it('names the indices of each kind of problem', () => {
    // Act
    const findings = versionCheck(
      [
        { index: 'new', version: os('3.0.0') },
        { index: 'old', version: es('6.8.4') },
        { index: 'elastic', version: es('8.15.0') },
        { index: 'fine', version: os('2.19.5') },
      ],
      target,
    );

    // Assess
    expect(findings).toEqual([
      { finding: 'version-newer', indices: ['new'], written: 'OpenSearch 3.0.0', target: 'OpenSearch 2.19.5' },
      { finding: 'version-too-old', indices: ['old'], written: 'Elasticsearch 6.8.4', target: 'OpenSearch 2.19.5' },
      {
        finding: 'version-other-engine',
        indices: ['elastic'],
        written: 'Elasticsearch 8.15.0',
        target: 'OpenSearch 2.19.5',
      },
    ]);
  });

  it.each([
    ['an index of unknown version', [{ index: 'a', version: undefined }], target],
    ['no index at all', [], target],
    ['a target of unreadable version', [{ index: 'a', version: os('2.0.0') }], { ...target, version: 'x' }],
  ])('warns that it cannot tell for %s', (_case, written, info) => {
    expect(versionCheck(written, info)).toEqual([{ finding: 'version-unknown', target: `OpenSearch ${info.version}` }]);
  });
});

describe('diskCheck', () => {
  it('fits primaries × copies under the high watermark of every node', () => {
    // Act: 2 × 10 GB copies on 2 nodes with 30 GB each under 90%.
    const finding = diskCheck([need()], nodes(2), settings(), 0);

    // Assess
    expect(finding).toEqual({
      finding: 'disk-fits',
      neededBytes: 20 * GB,
      roomBytes: 60 * GB,
      nodes: 2,
      watermark: '90%',
    });
  });

  it('is short when the copies need more than the room under the watermark', () => {
    // Act
    const finding = diskCheck([need({ primaryBytes: 40 * GB })], nodes(2), settings(), 0);

    // Assess
    expect(finding).toMatchObject({ finding: 'disk-short', neededBytes: 80 * GB, roomBytes: 60 * GB });
  });

  it('counts the bytes that replace frees on the target', () => {
    expect(diskCheck([need({ primaryBytes: 40 * GB })], nodes(2), settings(), 30 * GB)).toMatchObject({
      finding: 'disk-fits',
      roomBytes: 90 * GB,
    });
  });

  it('is short when the largest shard fits on no node, though the sum would fit', () => {
    // Act: one 50 GB shard, four nodes with 30 GB room each.
    const finding = diskCheck([need({ primaryBytes: 50 * GB, shards: 1, replicas: 0 })], nodes(4), settings(), 0);

    // Assess
    expect(finding).toMatchObject({ finding: 'disk-short', neededBytes: 50 * GB, roomBytes: 120 * GB });
  });

  it('places no replica on the node of its primary: one data node holds one copy', () => {
    expect(diskCheck([need({ replicas: 2 })], nodes(1), settings(), 0)).toMatchObject({ neededBytes: 10 * GB });
  });

  it.each([
    ['the thresholds are disabled', settings({ thresholdEnabled: false }), 2],
    ['one data node ignores them', settings({ watermarkOnSingleDataNode: false }), 1],
  ])('compares with the free space when %s', (_case, allocationSettings, count) => {
    expect(diskCheck([need()], nodes(count), allocationSettings, 0)).toMatchObject({
      roomBytes: count * 40 * GB,
      watermark: undefined,
    });
  });

  it('warns when the watermark cannot be read', () => {
    expect(diskCheck([need()], nodes(1), settings({ highWatermark: 'lots' }), 0)).toEqual({
      finding: 'disk-watermark-unreadable',
      watermark: 'lots',
    });
  });

  it('needs nothing for nothing, even on a cluster without data nodes', () => {
    expect(diskCheck([], nodes(0), settings(), 0)).toMatchObject({
      finding: 'disk-fits',
      neededBytes: 0,
      roomBytes: 0,
    });
  });
});

describe('shardCheck', () => {
  it('adds every copy the restore asks for to the shards there are, placed or not', () => {
    // Act: 2 shards × (1 + 1 replica) onto 2 nodes holding 10 each and 3 unassigned.
    const finding = shardCheck([need()], { ...nodes(2), unassignedShards: 3 }, settings(), 0);

    // Assess
    expect(finding).toEqual({ finding: 'shards-fit', adding: 4, current: 23, limit: 2000 });
  });

  it('is over the limit past cluster.max_shards_per_node × data nodes', () => {
    expect(shardCheck([need()], nodes(1, 40 * GB, 8), settings({ maxShardsPerNode: 10 }), 0)).toEqual({
      finding: 'shards-over',
      adding: 4,
      current: 8,
      limit: 10,
    });
  });

  it('counts the shards that replace deletes first as gone', () => {
    expect(shardCheck([need()], nodes(1, 40 * GB, 8), settings({ maxShardsPerNode: 10 }), 2)).toMatchObject({
      finding: 'shards-fit',
      current: 6,
    });
  });

  it('never counts fewer than no shards', () => {
    expect(shardCheck([], nodes(1, 40 * GB, 1), settings(), 5)).toMatchObject({ current: 0 });
  });
});

describe('collisionCheck', () => {
  it('finds the targets free when none exists', () => {
    expect(collisionCheck([], 3)).toEqual({ finding: 'targets-free', count: 3 });
  });

  it('names the targets that replace deletes first, and the closed ones among them', () => {
    expect(collisionCheck([summary('a'), summary('b', 'close')], 2)).toEqual({
      finding: 'targets-replaced',
      indices: ['a', 'b'],
      closed: ['b'],
    });
  });
});

describe('aliasCheck', () => {
  const alias = (name: string, index: string, isWriteIndex?: boolean): IndexAlias => ({
    alias: name,
    index,
    isWriteIndex,
  });

  it('finds no clash when the target has none of the aliases', () => {
    expect(
      aliasCheck([alias('logs', 'logs-1', true), alias('all', 'logs-1')], [alias('other', 'x', true)], []),
    ).toEqual([{ finding: 'aliases-free', count: 2 }]);
  });

  it('refuses a second write index for one alias', () => {
    expect(aliasCheck([alias('logs', 'logs-1', true)], [alias('logs', 'logs-9', true)], [])).toEqual([
      { finding: 'write-alias-taken', alias: 'logs', index: 'logs-1', writeIndex: 'logs-9' },
    ]);
  });

  it('warns of an alias that will reach more indices, when only one side writes through it', () => {
    expect(
      aliasCheck([alias('logs', 'logs-1')], [alias('logs', 'logs-8', false), alias('logs', 'logs-9', true)], []),
    ).toEqual([{ finding: 'alias-shared', alias: 'logs', indices: ['logs-8', 'logs-9'] }]);
  });

  it('forgets the aliases of target indices that replace deletes first', () => {
    expect(aliasCheck([alias('logs', 'logs-1', true)], [alias('logs', 'logs-1', true)], ['logs-1'])).toEqual([
      { finding: 'aliases-free', count: 1 },
    ]);
  });
});

describe('masterTimeoutFor', () => {
  it.each([
    [1, undefined],
    [50, undefined],
    [51, '56s'],
    // The 653 indices of elastic/elasticsearch#43458, which did not restore within 30 s.
    [653, '357s'],
  ])('gives %i indices %s', (indices, expected) => {
    expect(masterTimeoutFor(indices)).toBe(expected);
  });

  it('says so only when it raises the timeout', () => {
    expect(masterTimeoutCheck(10)).toEqual([]);
    expect(masterTimeoutCheck(100)).toEqual([{ finding: 'master-timeout', timeout: '80s', indices: 100 }]);
  });
});
