/** The engines the rig can run: each is downloaded as its minimal integ-test zip and started from its own home. */
type Distribution = 'elasticsearch' | 'opensearch';

/** One engine release, as `GET /` names it (`version.distribution`, `version.number`). */
type Engine = { distribution: Distribution; version: string };

/** What differs between the engines' distributions: where they are published and how their start script is told things. */
type EngineLayout = {
  /** Maven group and artifact of the integ-test zip (no plugins, no security). */
  artifact: string;
  /** The start script under `bin/`, also the prefix of the zip, the home and the server jar in `lib/`. */
  script: string;
  /** The start script's environment variables. */
  env: { pathConf: string; tmpDir: string; javaHome: string; javaOpts: string };
};

const LAYOUTS: Record<Distribution, EngineLayout> = {
  opensearch: {
    artifact: 'org.opensearch.distribution.integ-test-zip:opensearch',
    script: 'opensearch',
    env: {
      pathConf: 'OPENSEARCH_PATH_CONF',
      tmpDir: 'OPENSEARCH_TMPDIR',
      javaHome: 'OPENSEARCH_JAVA_HOME',
      javaOpts: 'OPENSEARCH_JAVA_OPTS',
    },
  },
  // Elasticsearch 7.10 reads plain JAVA_HOME (ES_JAVA_HOME came in 7.12).
  elasticsearch: {
    artifact: 'org.elasticsearch.distribution.integ-test-zip:elasticsearch',
    script: 'elasticsearch',
    env: { pathConf: 'ES_PATH_CONF', tmpDir: 'ES_TMPDIR', javaHome: 'JAVA_HOME', javaOpts: 'ES_JAVA_OPTS' },
  },
};

/** Newest 2.19 release Maven serves: the 2.x line Amazon OpenSearch Service runs; it runs on Java 17. */
const DEFAULT_ENGINE: Engine = { distribution: 'opensearch', version: '2.19.6' };

function layoutOf(engine: Engine): EngineLayout {
  return LAYOUTS[engine.distribution];
}

/** `OpenSearch 2.19.6`, `Elasticsearch 7.10.2`: how a person names it. */
function engineLabel(engine: Engine): string {
  const name = engine.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch';
  return `${name} ${engine.version}`;
}

/**
 * Reads `opensearch:2.19.6` or `elasticsearch:7.10.2`; `source` names where it came from (an env variable, a
 * flag) so the error says what to fix.
 */
function parseEngine(text: string, source: string): Engine {
  const match = /^(elasticsearch|opensearch):(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(text.trim());
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(
      `${source}="${text}" is not an engine: write elasticsearch:<version> or opensearch:<version>, ` +
        'e.g. opensearch:2.19.6 or elasticsearch:7.10.2',
    );
  }
  return { distribution: match[1] as Distribution, version: match[2] };
}

const ENGINE_ENV = { a: 'ES_SNAPSHOT_BOT_ENGINE_A', b: 'ES_SNAPSHOT_BOT_ENGINE_B' } as const;

type EnginePair = { a: Engine; b: Engine };

/**
 * Each cluster's engine: env `ES_SNAPSHOT_BOT_ENGINE_A` / `_B`, else `OPENSEARCH_VERSION` (OpenSearch, both
 * clusters), else {@link DEFAULT_ENGINE}.
 */
function enginesFromEnv(env: NodeJS.ProcessEnv = process.env): EnginePair {
  const both = env.OPENSEARCH_VERSION
    ? parseEngine(`opensearch:${env.OPENSEARCH_VERSION}`, 'OPENSEARCH_VERSION')
    : DEFAULT_ENGINE;
  const pick = (cluster: 'a' | 'b') => {
    const text = env[ENGINE_ENV[cluster]];
    return text ? parseEngine(text, ENGINE_ENV[cluster]) : both;
  };
  return { a: pick('a'), b: pick('b') };
}

export {
  DEFAULT_ENGINE,
  type Distribution,
  ENGINE_ENV,
  type Engine,
  type EngineLayout,
  type EnginePair,
  engineLabel,
  enginesFromEnv,
  layoutOf,
  parseEngine,
};
