import { performance } from 'node:perf_hooks';
import { createInProcessTasks } from '../src/adapters/tasks/in-process-tasks.js';
import { parseBotConfig } from '../src/config/cluster-config.js';
import { composeContext } from '../src/handlers/compose-context.js';
import { createSlackHandler } from '../src/handlers/slack-handler.js';
import { InMemoryJobStore } from '../test/fakes/in-memory-job-store.js';
import { createRecordingChat } from '../test/fakes/recording-chat.js';
import { silentLogger } from '../test/fakes/silent-logger.js';
import { lambdaContext, signedSlashCommandEvent } from '../test/fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../test/fixtures/slack/slash-command-body.js';
import { percentile } from './statistics.js';

type AckLatency = { command: string; runs: number; medianMs: number; p99Ms: number };

/**
 * Time from a signed slash-command event entering the Lambda Slack handler to Slack's answer, warm, in process:
 * signature check, payload check, parse, acknowledgement, hand-off. Background work is discarded, so only what
 * counts against Slack's 3 seconds is measured.
 */
async function measureAckLatency(runs = 2000): Promise<AckLatency[]> {
  const config = parseBotConfig({ clusters: { a: { endpoint: 'http://127.0.0.1:9', signing: 'none' } } }, 'bench');
  const tasks = createInProcessTasks(silentLogger);
  tasks.runWith(async () => undefined);
  const chat = createRecordingChat();
  const context = composeContext({
    config,
    jobs: new InMemoryJobStore(),
    chat,
    directory: chat,
    tasks,
    logger: silentLogger,
  });
  const signingSecret = 'bench-signing-secret';
  const identity = { botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCH' };
  const handler = await createSlackHandler({ context, identity, signingSecret, logger: silentLogger });
  const results: AckLatency[] = [];
  for (const command of [
    'snapshot list a',
    'snapshot restore a migration nightly indices=logs-* rename=(.+):r-$1',
    'snapshot lsit a',
  ]) {
    const timings: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const event = signedSlashCommandEvent(buildSlashCommand({ text: command }), { signingSecret });
      const started = performance.now();
      const response = await handler(event, lambdaContext());
      timings.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`"${command}" answered ${response.statusCode}`);
    }
    await tasks.idle();
    results.push({ command, runs, medianMs: percentile(timings, 50), p99Ms: percentile(timings, 99) });
  }
  return results;
}

export type { AckLatency };
export { measureAckLatency };
