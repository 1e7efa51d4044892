/**
 * Which engine and version wrote an index or a snapshot, and which targets can read it. The rules (with their
 * sources) are in ../shared/FACTS.md, "Cross-version compatibility": an engine never reads what a newer version
 * wrote; Elasticsearch reads one major back; OpenSearch 1.x reads Elasticsearch 6.0–7.10.2, OpenSearch 2.x reads
 * Elasticsearch 7.0–7.10.2 and OpenSearch 1.x, OpenSearch 3.x reads OpenSearch 2.x only; nothing Elasticsearch wrote
 * after the fork (7.11 on, 8.x) is read by OpenSearch, and nothing OpenSearch wrote is read by Elasticsearch.
 */

const Engine = { ELASTICSEARCH: 'elasticsearch', OPENSEARCH: 'opensearch' } as const;

type Engine = (typeof Engine)[keyof typeof Engine];

type EngineVersion = { engine: Engine; major: number; minor: number; patch: number };

/** What a target makes of something written by an engine version. */
type Readability = 'readable' | 'newer' | 'too-old' | 'other-engine';

/** Where a migration takes its indices: to the same version, a newer or an older one, or across engines. */
type EngineChange = 'same' | 'newer' | 'older' | 'other-engine';

/** OpenSearch sets this bit in its version ids (`index.version.created`, a snapshot's `version_id`). */
const OPENSEARCH_ID_BIT = 0x08000000;

/** The last Elasticsearch version OpenSearch forked from: everything up to it is OpenSearch's own past. */
const FORK_POINT: EngineVersion = { engine: Engine.ELASTICSEARCH, major: 7, minor: 10, patch: 2 };

const ENGINE_NAMES: Record<Engine, string> = { elasticsearch: 'Elasticsearch', opensearch: 'OpenSearch' };

/** A version id as the engines store it: `major·10⁶ + minor·10⁴ + patch·10²  + build`, OpenSearch's with its bit. */
function versionFromId(id: number): EngineVersion {
  const opensearch = (id & OPENSEARCH_ID_BIT) !== 0;
  const plain = opensearch ? id ^ OPENSEARCH_ID_BIT : id;
  return {
    engine: opensearch ? Engine.OPENSEARCH : Engine.ELASTICSEARCH,
    major: Math.floor(plain / 1_000_000) % 100,
    minor: Math.floor(plain / 10_000) % 100,
    patch: Math.floor(plain / 100) % 100,
  };
}

/** `GET /`'s `version.number` (`2.19.5`, `8.0.0-SNAPSHOT`) with its distribution; undefined when unreadable. */
function versionFromNumber(distribution: string, number: string): EngineVersion | undefined {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(number);
  if (parts === null) return undefined;
  const engine = distribution === Engine.OPENSEARCH ? Engine.OPENSEARCH : Engine.ELASTICSEARCH;
  return { engine, major: Number(parts[1]), minor: Number(parts[2]), patch: Number(parts[3]) };
}

function formatVersion(version: EngineVersion): string {
  return `${ENGINE_NAMES[version.engine]} ${version.major}.${version.minor}.${version.patch}`;
}

/**
 * A cluster's engine as people name it (`OpenSearch 2.19.6`), from `GET /`'s distribution and its whole version
 * number (`-SNAPSHOT` included); a distribution we do not know is shown as the cluster said it.
 */
function shownEngine(distribution: string, version: string): string {
  const name = Object.hasOwn(ENGINE_NAMES, distribution) ? ENGINE_NAMES[distribution as Engine] : distribution;
  return `${name} ${version}`;
}

function compareNumbers(left: EngineVersion, right: EngineVersion): number {
  return left.major - right.major || left.minor - right.minor || left.patch - right.patch;
}

function afterFork(version: EngineVersion): boolean {
  return compareNumbers(version, FORK_POINT) > 0;
}

/** Elasticsearch reads its own previous major and nothing OpenSearch wrote. */
function readableByElasticsearch(written: EngineVersion, target: EngineVersion): Readability {
  if (written.engine === Engine.OPENSEARCH) return 'other-engine';
  if (compareNumbers(written, target) > 0) return 'newer';
  return target.major - written.major > 1 ? 'too-old' : 'readable';
}

/**
 * The oldest Elasticsearch major each OpenSearch major reads: 1.x is Elasticsearch 7.10's successor and reads 6.x,
 * 2.x reads 7.x (its `minimum_index_compatibility_version` is 7.0.0), 3.x reads no Elasticsearch index at all.
 */
function oldestElasticsearchMajor(target: EngineVersion): number {
  if (target.major === 1) return 6;
  if (target.major === 2) return 7;
  return Number.POSITIVE_INFINITY;
}

function readableByOpenSearch(written: EngineVersion, target: EngineVersion): Readability {
  if (written.engine === Engine.ELASTICSEARCH) {
    if (afterFork(written)) return 'other-engine';
    return written.major < oldestElasticsearchMajor(target) ? 'too-old' : 'readable';
  }
  if (compareNumbers(written, target) > 0) return 'newer';
  return target.major - written.major > 1 ? 'too-old' : 'readable';
}

/** Whether `target` can restore an index created (or a snapshot written) by `written`. */
function readability(written: EngineVersion, target: EngineVersion): Readability {
  return target.engine === Engine.OPENSEARCH
    ? readableByOpenSearch(written, target)
    : readableByElasticsearch(written, target);
}

/**
 * How a migration from `from` to `to` moves between engines. OpenSearch continues Elasticsearch up to the fork, so
 * Elasticsearch 7.10.2 → OpenSearch is a move to a newer engine; anything else across engines is another engine.
 */
function engineChange(from: EngineVersion, to: EngineVersion): EngineChange {
  if (from.engine !== to.engine) {
    return from.engine === Engine.ELASTICSEARCH && !afterFork(from) ? 'newer' : 'other-engine';
  }
  const order = compareNumbers(to, from);
  if (order === 0) return 'same';
  return order > 0 ? 'newer' : 'older';
}

export type { EngineChange, EngineVersion, Readability };
export {
  Engine,
  engineChange,
  formatVersion,
  OPENSEARCH_ID_BIT,
  readability,
  shownEngine,
  versionFromId,
  versionFromNumber,
};
