import { describe, expect, it } from 'vitest';
import { jobMessage } from '../../../../src/core/messages/job-message.js';
import type { ClusterEngine } from '../../../../src/core/model/cluster-info.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import type { Language } from '../../../../src/core/words/language.js';
import { buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

function engine(cluster: string, distribution: string, version: string): ClusterEngine {
  return { cluster, distribution, version };
}

function migrateText(engines: ClusterEngine[] | undefined, language: Language = 'en'): string {
  const job = buildRequestedJob({ ...PLANS.migrate(), engines });
  return jobMessage(job, catalogFor(language), NOW)
    .blocks.map((block) => JSON.stringify(block))
    .join('\n');
}

function restoreText(engines: ClusterEngine[] | undefined, language: Language = 'en'): string {
  const job = buildRequestedJob({ ...PLANS.restore(), engines });
  return jobMessage(job, catalogFor(language), NOW)
    .blocks.map((block) => JSON.stringify(block))
    .join('\n');
}

describe('the engines on the approval message', () => {
  it("names the restore's cluster with its engine and version", () => {
    const engines = [engine('b', 'opensearch', '2.19.6')];

    expect(restoreText(engines)).toContain('*Engine:* b runs OpenSearch 2.19.6');
    expect(restoreText(engines, 'ja')).toContain('*エンジン:* b は OpenSearch 2.19.6');
  });

  it('names both clusters of a migration, and says nothing more when they run the same version', () => {
    const text = migrateText([engine('a', 'opensearch', '2.19.6'), engine('b', 'opensearch', '2.19.6')]);

    expect(text).toContain('*Engines:* a runs OpenSearch 2.19.6, b runs OpenSearch 2.19.6');
    expect(text).not.toContain(':arrow_up:');
  });

  it.each([
    ['en', ':arrow_up: Elasticsearch 7.10.2 → OpenSearch 2.19.6: indices are read by the newer engine'],
    ['ja', ':arrow_up: Elasticsearch 7.10.2 → OpenSearch 2.19.6: インデックスは新しいエンジンで読まれます'],
  ] as const)('says a migration to a newer engine reads its indices there (%s)', (language, line) => {
    const text = migrateText([engine('a', 'elasticsearch', '7.10.2'), engine('b', 'opensearch', '2.19.6')], language);

    expect(text).toContain(line);
  });

  it.each([
    ['en', 'OpenSearch 2.19.6 → OpenSearch 1.3.20: the target runs an older version'],
    ['ja', 'OpenSearch 2.19.6 → OpenSearch 1.3.20: 移行先のほうが古いバージョンです'],
  ] as const)('warns of a migration to an older version (%s)', (language, line) => {
    const text = migrateText([engine('a', 'opensearch', '2.19.6'), engine('b', 'opensearch', '1.3.20')], language);

    expect(text).toContain(`:warning: ${line}`);
  });

  it.each([
    ['en', 'OpenSearch 1.3.20 → Elasticsearch 7.10.2: the target runs another engine'],
    ['ja', 'OpenSearch 1.3.20 → Elasticsearch 7.10.2: 移行先は別のエンジンです'],
  ] as const)('warns of a migration to another engine (%s)', (language, line) => {
    const text = migrateText([engine('a', 'opensearch', '1.3.20'), engine('b', 'elasticsearch', '7.10.2')], language);

    expect(text).toContain(`:warning: ${line}`);
  });

  it('names the engines without a direction when a version does not read', () => {
    const text = migrateText([engine('a', 'opensearch', 'unknown'), engine('b', 'opensearch', '2.19.6')]);

    expect(text).toContain('*Engines:* a runs OpenSearch unknown, b runs OpenSearch 2.19.6');
    expect(text).not.toContain('→ OpenSearch 2.19.6:');
  });

  it('shows no engine on a plan stored before engines were recorded', () => {
    expect(restoreText(undefined)).not.toContain('*Engine');
    expect(migrateText(undefined)).not.toContain('*Engine');
  });
});
