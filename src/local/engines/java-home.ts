import { access, constants, readdir, realpath } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { type Engine, engineLabel } from './engine.js';
import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';

/** Java majors an engine line runs on, and the one to prefer when several are installed. */
type JavaRequirement = { min: number; max: number; preferred: number };

/**
 * OpenSearch 2.x still installs a Security Manager, which Java 24 removed, so it needs 11–23; 3.x needs 21 or
 * newer. OpenSearch 1.x and Elasticsearch 7.10 install one too but, unlike 2.x, do not pass
 * `-Djava.security.manager=allow`, which Java 18 and newer require: 11–17.
 */
function javaRequirementFor(engine: Engine): JavaRequirement {
  const major = Number.parseInt(engine.version, 10);
  if (engine.distribution === 'elasticsearch' || major < 2) return { min: 11, max: 17, preferred: 17 };
  return major >= 3 ? { min: 21, max: Number.POSITIVE_INFINITY, preferred: 21 } : { min: 11, max: 23, preferred: 17 };
}

/** Reads the Java major from a JDK directory name: `java-17-openjdk-amd64`, `java-1.17.0-openjdk`, `temurin-25-jdk`. */
function javaMajorOf(directoryName: string): number | undefined {
  const match = /(?:^|\D)(?:1\.)?(\d+)/.exec(directoryName);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Picks the lowest suitable major at or above the preferred one, else the newest suitable one. */
function pickJdk(directoryNames: readonly string[], requirement: JavaRequirement): string | undefined {
  const suitable = directoryNames
    .map((name) => ({ name, major: javaMajorOf(name) }))
    .filter((jdk): jdk is { name: string; major: number } => jdk.major !== undefined)
    .filter(({ major }) => major >= requirement.min && major <= requirement.max)
    .sort((left, right) => left.major - right.major || left.name.localeCompare(right.name));
  return (suitable.find(({ major }) => major >= requirement.preferred) ?? suitable.at(-1))?.name;
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function javaOnPath(path: string): Promise<string | undefined> {
  for (const directory of path.split(delimiter).filter(Boolean)) {
    const java = join(directory, 'java');
    if (await isExecutable(java)) return dirname(dirname(await realpath(java)));
  }
  return undefined;
}

type ResolveJavaHomeOptions = {
  engine: Engine;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Where JDKs are installed side by side. @default '/usr/lib/jvm' */
  jvmDir?: string;
};

/**
 * The JDK to run an engine with: env `OPENSEARCH_JAVA_HOME`, else env `JAVA_HOME` (for every engine), else the best
 * JDK under `/usr/lib/jvm` for this engine line, else the `java` on PATH.
 */
async function resolveJavaHome(options: ResolveJavaHomeOptions): Promise<string> {
  const { engine, env = process.env, jvmDir = '/usr/lib/jvm' } = options;
  const fromEnv = env.OPENSEARCH_JAVA_HOME || env.JAVA_HOME;
  if (fromEnv) return fromEnv;
  const requirement = javaRequirementFor(engine);
  const names = await readdir(jvmDir).catch(() => []);
  const installed: string[] = [];
  for (const name of names) {
    if (await isExecutable(join(jvmDir, name, 'bin', 'java'))) installed.push(name);
  }
  const picked = pickJdk(installed, requirement);
  // Resolved, so the name shown in errors is the JDK itself, not one of its alias links.
  if (picked !== undefined) return realpath(join(jvmDir, picked));
  const onPath = await javaOnPath(env.PATH ?? '');
  if (onPath !== undefined) return onPath;
  const range = Number.isFinite(requirement.max) ? `${requirement.min}–${requirement.max}` : `${requirement.min}+`;
  throw new LocalOpenSearchError(
    LocalOpenSearchErrorCode.javaMissing,
    `no Java found for ${engineLabel(engine)}: install a JDK ${range} ` +
      `(e.g. apt-get install -y openjdk-${requirement.preferred}-jdk-headless) or set OPENSEARCH_JAVA_HOME`,
  );
}

export { type JavaRequirement, javaMajorOf, javaRequirementFor, pickJdk, type ResolveJavaHomeOptions, resolveJavaHome };
