// `npm run clusters`: the test rig's two local clusters, up until Ctrl-C, for trying the bot by hand.
//   npm run clusters -- --a elasticsearch:7.10.2 --b opensearch:2.19.6
// Without flags each cluster's engine comes from ES_SNAPSHOT_BOT_ENGINE_A / _B, else OPENSEARCH_VERSION, else the default.
import { parseArgs } from 'node:util';
import { type EnginePair, engineLabel, enginesFromEnv, parseEngine } from '../../src/local/engines/engine.js';
import { startLocalClusters } from '../../src/local/engines/local-clusters.js';

function enginesFromFlags(): EnginePair {
  const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' } } });
  const fromEnv = enginesFromEnv();
  return {
    a: values.a === undefined ? fromEnv.a : parseEngine(values.a, '--a'),
    b: values.b === undefined ? fromEnv.b : parseEngine(values.b, '--b'),
  };
}

async function main(): Promise<void> {
  const engines = enginesFromFlags();
  console.log(`Starting clusters A (${engineLabel(engines.a)}) and B (${engineLabel(engines.b)})…`);
  const rig = await startLocalClusters({ engines });
  console.log(`A ${engineLabel(rig.engines.a)}, B ${engineLabel(rig.engines.b)}`);
  console.log(`  A: ${rig.clusters.a.url}`);
  console.log(`  B: ${rig.clusters.b.url}`);
  console.log(`  shared path.repo: ${rig.sharedRepoPath}`);
  console.log('Press Ctrl-C to stop them.');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the clusters…`);
    await rig.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
