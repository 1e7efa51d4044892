import { performance } from 'node:perf_hooks';
import type { LambdaHandler } from '../src/handlers/slack-handler.js';
import { slackHandlerWithFakes } from '../test/fixtures/slack/handler-with-fakes.js';
import { lambdaContext, signedSlashCommandEvent } from '../test/fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../test/fixtures/slack/slash-command-body.js';
import { createBareBoltHandler } from './bare-bolt/app.js';
import { median, percentile } from './statistics.js';

type Latency = {
  medianMs: number;
  p99Ms: number;
  /** Share of the requests that took over 1 ms: on a busy machine, the ones another process preempted. */
  overOneMs: number;
  /** p99 of the CPU the process spent on each request: what the handler did, without the time it waited. */
  p99CpuMs: number;
};

/** One request: its wall time, and the CPU the process spent meanwhile. */
type Timing = { wallMs: number; cpuMs: number };
type AckLatency = { command: string; runs: number; bot: Latency; bare: Latency };

const SIGNING_SECRET = 'bench-signing-secret';
// Runs before the timed ones, until V8 has compiled the hot paths: a warm Lambda container has long done so.
const WARM_UP_RUNS = 300;
// The two handlers take turns in blocks: a busy moment on the shared machine hits both alike, while the garbage
// collections each one's allocations cause still land mostly on its own requests.
const BLOCK_RUNS = 100;
const COMMANDS = [
  'snapshot list a',
  'snapshot restore a migration nightly indices=logs-* rename=(.+):r-$1',
  'snapshot lsit a',
];

function botHandler(): Promise<{ handler: LambdaHandler; idle: () => Promise<void> }> {
  return slackHandlerWithFakes(SIGNING_SECRET);
}

async function timeAck(handler: LambdaHandler, text: string): Promise<Timing> {
  const event = signedSlashCommandEvent(buildSlashCommand({ text }), { signingSecret: SIGNING_SECRET });
  const invocation = lambdaContext();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const response = await handler(event, invocation);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (response.statusCode !== 200) throw new Error(`"${text}" answered ${response.statusCode}`);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function timeBlock(handler: LambdaHandler, text: string, runs: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let run = 0; run < runs; run += 1) {
    timings.push(await timeAck(handler, text));
    // Untimed: back to the event loop, so that the hand-off queued after the ack runs between requests, as it
    // does between Slack's deliveries. Without it, a loop of resolved promises never yields, every hand-off
    // waits to the end, and thousands of them pile up in the heap and slow every garbage collection.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return timings;
}

function latencyOf(timings: readonly Timing[]): Latency {
  const walls = timings.map((timing) => timing.wallMs);
  return {
    medianMs: median(walls),
    p99Ms: percentile(walls, 99),
    overOneMs: walls.filter((wall) => wall > 1).length / walls.length,
    p99CpuMs: percentile(
      timings.map((timing) => timing.cpuMs),
      99,
    ),
  };
}

/**
 * Time from a signed slash-command event entering a Lambda Slack handler to Slack's answer, warm, in process: the
 * bot's (signature check, payload check, parse, acknowledgement, hand-off; background work discarded, so only what
 * counts against Slack's 3 seconds is measured) and the bare Bolt app's, fed the same events, in alternating blocks.
 */
async function measureAckLatency(runs = 2000): Promise<AckLatency[]> {
  const bot = await botHandler();
  const bare = await createBareBoltHandler(SIGNING_SECRET);
  const results: AckLatency[] = [];
  for (const command of COMMANDS) {
    const botTimings: Timing[] = [];
    const bareTimings: Timing[] = [];
    await timeBlock(bot.handler, command, WARM_UP_RUNS);
    await timeBlock(bare, command, WARM_UP_RUNS);
    for (let done = 0; done < runs; done += BLOCK_RUNS) {
      botTimings.push(...(await timeBlock(bot.handler, command, BLOCK_RUNS)));
      bareTimings.push(...(await timeBlock(bare, command, BLOCK_RUNS)));
    }
    await bot.idle();
    results.push({ command, runs, bot: latencyOf(botTimings), bare: latencyOf(bareTimings) });
  }
  return results;
}

export type { AckLatency, Latency };
export { BLOCK_RUNS, measureAckLatency, WARM_UP_RUNS };
