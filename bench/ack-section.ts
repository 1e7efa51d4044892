import { BLOCK_RUNS, measureAckLatency, WARM_UP_RUNS } from './ack-latency.js';
import { type BenchSection, ms } from './section.js';

const share = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The bot's warm acknowledgement may be slower than the bare Bolt app's by this much at p99 (the target). */
const P99_OVER_BARE_MS = 2;

/** Warm acknowledgement latency of the bot's Slack handler beside the bare Bolt app's, same events, same run. */
async function ackSection(runs = 2000): Promise<BenchSection> {
  const acks = await measureAckLatency(runs);
  const worst = acks.reduce((slowest, ack) =>
    ack.bot.p99Ms - ack.bare.p99Ms > slowest.bot.p99Ms - slowest.bare.p99Ms ? ack : slowest,
  );
  const excess = worst.bot.p99Ms - worst.bare.p99Ms;
  return {
    markdown: [
      '## Slack acknowledgement (Lambda handler, warm, in process)',
      '',
      `From a signed slash-command event entering the handler to its answer, after ${WARM_UP_RUNS} warm-up requests. The bot: signature, payload check, parse, ack, hand-off to the worker (in process, its work discarded). The bare Bolt app: Bolt's signature check and an ack. Both get the same events, in alternating blocks of ${BLOCK_RUNS}. Slack allows 3 s.`,
      '',
      '| command | runs | bot median | bot p99 | bot over 1 ms | bot p99 CPU | bare median | bare p99 | bare over 1 ms | bare p99 CPU |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...acks.map((ack) => {
        const { bot, bare } = ack;
        const cells = [ms(bot.medianMs), ms(bot.p99Ms), share(bot.overOneMs), ms(bot.p99CpuMs)];
        const bareCells = [ms(bare.medianMs), ms(bare.p99Ms), share(bare.overOneMs), ms(bare.p99CpuMs)];
        return `| \`/es ${ack.command}\` | ${ack.runs} | ${[...cells, ...bareCells].join(' | ')} |`;
      }),
      '',
      "Both medians are a fraction of a millisecond. The p99s are not the handlers' own work: on this machine, a few percent of the requests of either handler take several milliseconds, because another process holds the CPU (see the load average above). The p99 CPU columns count what the process itself spent during a request (garbage collection included, time waiting for the CPU not): the difference between the handlers there is their own work. A request that takes twice as long is twice as likely to be caught, so the bot's p99 lands in that tail more often than the bare app's; the p99 target is only meaningful on a quiet machine, and a MISSED here is to be read with the \"over 1 ms\" columns.",
      '',
    ],
    checks: [
      {
        target: `ack p99 at most the bare Bolt app's + ${P99_OVER_BARE_MS} ms, for every command`,
        measured: `worst \`/es ${worst.command}\`: ${ms(worst.bot.p99Ms)} against ${ms(worst.bare.p99Ms)}, ${excess >= 0 ? '+' : ''}${ms(excess)}`,
        met: excess <= P99_OVER_BARE_MS,
      },
    ],
  };
}

export { ackSection };
