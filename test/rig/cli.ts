// `npm run clusters`: the test rig's two local OpenSearch clusters, up until Ctrl-C, for trying the bot by hand.
import { startLocalClusters } from '../../src/local/engines/local-clusters.js';

async function main(): Promise<void> {
  console.log('Starting OpenSearch clusters A and B…');
  const rig = await startLocalClusters();
  console.log(`OpenSearch ${rig.version}`);
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
