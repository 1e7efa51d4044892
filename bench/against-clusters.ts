import { benchClusters, engineOf } from './bench-clusters.js';
import { migrateVersusScriptSection } from './migrate-versus-script.js';
import { pollerTickSection } from './poller-tick.js';
import type { BenchSection } from './section.js';

/**
 * The benchmarks that need real engines, each its own section of docs/BENCHMARKS.md: the migration first, while the
 * engines' snapshot threads are free, then the poller's tick, whose throttled snapshots hold them until aborted.
 */
async function sectionsAgainstClusters(): Promise<BenchSection[]> {
  const clusters = await benchClusters();
  try {
    const engines = `A ${await engineOf(clusters.a)}, B ${await engineOf(clusters.b)}`;
    const preface = [
      `The sections below ran against two single-node engines on this machine (${engines}; ${clusters.origin}), run by \`npm run bench\`, which reuses the clusters named by ES_SNAPSHOT_BOT_TEST_CLUSTER_A / _B / _REPO_PATH when all three are set and starts a pair of its own otherwise.`,
      '',
    ];
    const migrate = await migrateVersusScriptSection(clusters);
    const tick = await pollerTickSection(clusters);
    return [{ markdown: [...preface, ...migrate.markdown], checks: migrate.checks }, tick];
  } finally {
    await clusters.stop();
  }
}

export { sectionsAgainstClusters };
