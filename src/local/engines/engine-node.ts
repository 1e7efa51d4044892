import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Engine, engineLabel, layoutOf } from './engine.js';
import { LocalOpenSearchError, LocalOpenSearchErrorCode } from './errors.js';
import { findFreePorts } from './free-ports.js';
import { resolveJavaHome } from './java-home.js';
import { spawnNodeProcess } from './node-process.js';
import { formatCommandLine, lastLines } from './run-command.js';
import {
  type AccessCheck,
  asServiceUser,
  assertServiceUserCan,
  ensureServiceUser,
  handOverToServiceUser,
  runsAsRoot,
} from './service-user.js';

type EngineNodeOptions = {
  /** The engine `home` holds. */
  engine: Engine;
  /** An extracted home of `engine` (see `ensureEngineDistribution`); nothing in it is written. */
  home: string;
  /** Used as both the cluster name and the node name. */
  name: string;
  httpPort: number;
  /** @default a free loopback port */
  transportPort?: number;
  dataDir: string;
  logsDir: string;
  /** The only place `fs` snapshot repositories may live (`path.repo`); clusters that share it share snapshots. */
  repoPath: string;
  /** Holds this node's own copy of `config/` and its temp dir. @default the parent of `dataDir` */
  runDir?: string;
  /** JVM heap (`-Xms` and `-Xmx`). @default '512m' */
  heap?: string;
  /** @default see `resolveJavaHome` */
  javaHome?: string;
  /** OpenSearch 3.x on a busy 2-core machine has needed more than 90 s. @default 180_000 */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL. @default 15_000 */
  stopTimeoutMs?: number;
};

type EngineNode = {
  /** `http://127.0.0.1:<httpPort>` */
  url: string;
  /** The engine with the version `GET /` answered (`version.number`). */
  engine: Engine;
  stop(): Promise<void>;
};

/**
 * A private copy of `config/`: the node writes its keystore there, and jvm.options names GC log, error file and
 * heap dump paths relative to the home, which the node's user may not write.
 */
async function prepareConfig(home: string, configDir: string, dataDir: string, logsDir: string): Promise<void> {
  await rm(configDir, { recursive: true, force: true });
  await cp(join(home, 'config'), configDir, { recursive: true });
  const jvmOptionsPath = join(configDir, 'jvm.options');
  const jvmOptions = await readFile(jvmOptionsPath, 'utf8');
  await writeFile(
    jvmOptionsPath,
    jvmOptions.replaceAll('HeapDumpPath=data', `HeapDumpPath=${dataDir}`).replace(/(?<=[=:])logs\//g, `${logsDir}/`),
  );
}

async function fetchVersion(url: string, signal: AbortSignal): Promise<string | undefined> {
  const response = await fetch(`${url}/`, { signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { version?: { number?: string } };
  return body.version?.number;
}

/** Resolves with the version once `GET /` answers and the cluster is at least yellow. */
async function waitUntilReady(url: string, deadline: number, signal: AbortSignal): Promise<string> {
  let version: string | undefined;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      version ??= await fetchVersion(url, signal);
      if (version !== undefined) {
        const seconds = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
        const health = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=${seconds}s`, {
          signal: AbortSignal.any([signal, AbortSignal.timeout(seconds * 1000 + 2_000)]),
        });
        if (health.ok) return version;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error('timed out');
}

/** Both engines refuse to run as root: the node's own dirs go to the service user, and runuser starts it. */
async function launchAsServiceUser(script: string, args: string[], readable: string[], owned: string[]) {
  await ensureServiceUser();
  await handOverToServiceUser(owned);
  await assertServiceUserCan([
    ...readable.map((path): AccessCheck => ({ path, access: 'read' })),
    { path: script, access: 'execute' },
    ...owned.map((path): AccessCheck => ({ path, access: 'write' })),
  ]);
  return asServiceUser(script, args);
}

/**
 * Starts a single-node cluster of `engine` on loopback and resolves once it is at least yellow. When this process
 * runs as root, the node runs as the `es-snapshot-bot` system user, created on first use.
 *
 * @example
 * const node = await startEngineNode({ engine, home, name: 'a', httpPort: 9200, dataDir, logsDir, repoPath });
 * await node.stop();
 */
async function startEngineNode(options: EngineNodeOptions): Promise<EngineNode> {
  const { engine, home, name, httpPort, dataDir, logsDir, repoPath, heap = '512m' } = options;
  const { runDir = dirname(dataDir), startTimeoutMs = 180_000, stopTimeoutMs = 15_000 } = options;
  const deadline = Date.now() + startTimeoutMs;
  const transportPort = options.transportPort ?? (await findFreePorts(1))[0];
  const javaHome = options.javaHome ?? (await resolveJavaHome({ engine }));
  const layout = layoutOf(engine);
  const configDir = join(runDir, 'config');
  const tmpDir = join(runDir, 'tmp');
  await Promise.all([dataDir, logsDir, repoPath, tmpDir].map((dir) => mkdir(dir, { recursive: true })));
  await prepareConfig(home, configDir, dataDir, logsDir);

  const settings = {
    'cluster.name': name,
    'node.name': name,
    'discovery.type': 'single-node',
    'network.host': '127.0.0.1',
    'http.port': httpPort,
    'transport.port': transportPort,
    'path.data': dataDir,
    'path.logs': logsDir,
    'path.repo': repoPath,
    'cluster.routing.allocation.disk.threshold_enabled': false,
    'action.destructive_requires_name': true,
  };
  const script = join(home, 'bin', layout.script);
  const scriptArgs = Object.entries(settings).map(([key, value]) => `-E${key}=${value}`);
  const env = {
    [layout.env.pathConf]: configDir,
    [layout.env.tmpDir]: tmpDir,
    [layout.env.javaHome]: javaHome,
    [layout.env.javaOpts]: `-Xms${heap} -Xmx${heap}`,
  };
  const owned = [configDir, tmpDir, dataDir, logsDir, repoPath];
  const readable = [join(home, 'lib'), join(javaHome, 'bin', 'java')];
  const launch = runsAsRoot()
    ? await launchAsServiceUser(script, scriptArgs, readable, owned)
    : { command: script, args: scriptArgs };
  const envAssignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  const commandLine = formatCommandLine('env', [...envAssignments, launch.command, ...launch.args]);
  const node = spawnNodeProcess({ ...launch, env, stopTimeoutMs });

  const url = `http://127.0.0.1:${httpPort}`;
  const giveUp = new AbortController();
  try {
    const version = await Promise.race([
      waitUntilReady(url, deadline, giveUp.signal),
      node.exited.then((reason) => Promise.reject(new Error(reason))),
    ]);
    return { url, engine: { distribution: engine.distribution, version }, stop: node.stop };
  } catch (error) {
    const why = node.exitReason() ?? `did not become ready within ${Math.round(startTimeoutMs / 1000)} s`;
    await node.stop();
    throw new LocalOpenSearchError(
      LocalOpenSearchErrorCode.nodeStartFailed,
      `${engineLabel(engine)} node "${name}" ${why}`,
      {
        cause: error,
        commandLine,
        outputTail: lastLines(node.output(), 30),
      },
    );
  } finally {
    giveUp.abort();
  }
}

export { type EngineNode, type EngineNodeOptions, startEngineNode };
