// `npm run deployed`: the runbook through the bot as it is deployed, without AWS. It starts clusters A and B (engines
// from ES_SNAPSHOT_BOT_ENGINE_A / _B, as `npm run clusters`), moto, and the functions packaged from serverless.yml,
// then registers the repositories, migrates an index from A to B with an approval, and prints what the ops channel
// saw and how each request travelled: slack function, hand-off, stream records, poller ticks.
import { engineLabel, enginesFromEnv } from '../../../src/local/engines/engine.js';
import { startLocalClusters } from '../../../src/local/engines/local-clusters.js';
import { createIndexWithDocs, markerOf } from '../seed-indices.js';
import { type DeployedBot, type StackPass, startDeployedBot, stateOf } from './deployed-bot.js';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The channel's messages since `seen`, as the ops channel shows them. */
function showChannel(bot: DeployedBot, seen: number): number {
  const texts = bot.channelTexts();
  for (const text of texts.slice(seen)) say(`  #ops │ ${(text ?? '').replaceAll('\n', '\n       │ ')}`);
  return texts.length;
}

function showPass(what: string, pass: StackPass): void {
  const records = (list: typeof pass.stream.passed) => list.map((record) => `${record.eventName} ${stateOf(record)}`);
  say(`→ ${what}`);
  say(
    `  slack function answered ${(pass.acked.result as { statusCode?: number }).statusCode}; handed off ${pass.handedOff.length}`,
  );
  say(
    `  stream: worker started for [${records(pass.stream.passed).join(', ')}], filtered out [${records(pass.stream.dropped).join(', ')}]`,
  );
}

async function runbook(bot: DeployedBot, clusters: { a: string; b: string }): Promise<void> {
  let seen = 0;
  const index = `${bot.repository}-orders`;
  await createIndexWithDocs(clusters.a, index, { docs: 12, marker: 'from-a' });
  await createIndexWithDocs(clusters.b, index, { docs: 3, marker: 'old-b' });
  say(`Given ${index} on A (12 docs) and an older copy on B (3 docs).`);

  for (const cluster of ['a', 'b']) {
    const text = `snapshot repo register ${cluster} ${bot.repository}`;
    showPass(`/es ${text}`, await bot.command(text));
    seen = showChannel(bot, seen);
  }
  const text = `snapshot migrate a b indices=${index} replace`;
  showPass(`/es ${text}`, await bot.command(text));
  seen = showChannel(bot, seen);
  const waiting = await bot.onlyJobOf('migrate');
  showPass(`Approve clicked on job ${waiting.id}`, await bot.approve(waiting));
  seen = showChannel(bot, seen);
  say('→ poller ticks (the schedule, a second apart here)');
  const { job } = await bot.tickUntilEnded(waiting.id, 120);
  showChannel(bot, seen);
  say(`Job ${job.id}: ${job.state}; B's ${index} now holds the copy marked "${await markerOf(clusters.b, index)}".`);
}

async function main(): Promise<void> {
  const engines = enginesFromEnv();
  say(
    `Starting clusters A (${engineLabel(engines.a)}) and B (${engineLabel(engines.b)}), moto, and the packaged functions…`,
  );
  const rig = await startLocalClusters({ engines });
  const clusters = { a: rig.clusters.a.url, b: rig.clusters.b.url };
  let bot: DeployedBot | undefined;
  const stop = async () => {
    await bot?.stop();
    await rig.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    bot = await startDeployedBot({ clusters, sharedRepoPath: rig.sharedRepoPath });
    await runbook(bot, clusters);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
