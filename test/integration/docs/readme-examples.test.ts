import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { isFinal, JobState } from '../../../src/core/jobs/job-states.js';
import { awaitsTelling } from '../../../src/core/jobs/outcome-telling.js';
import type { Block } from '../../../src/core/messages/blocks.js';
import { blocksAsText } from '../../../src/local/console/console-chat.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { sharedS3Repository } from '../../rig/gateway-clusters.js';
import {
  addDocs,
  createBulkyIndex,
  createIndexWithDocs,
  deleteIndexDirectly,
  unregisterRepository,
} from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { type RecordedExamples, recordedIn, shapeOf, withRecorded } from './recorded-examples.js';

const { approverId, channelId, requesterId } = SLACK_TEST_IDS;
const README = new URL('../../../README.md', import.meta.url);
/** `npm run readme:examples` sets it: the recordings replace the README's examples instead of being checked. */
const WRITING = process.env.ES_SNAPSHOT_BOT_WRITE_README === '1';
/** How far the rig's clock moves per poller tick while a throttled step runs, as a real poller would see it. */
const TICK_MS = 15_000;

/**
 * Records the README's examples from the rig — clusters A and B behind the managed-service gateway, the real Slack
 * handler, the loopback Slack API — and checks that the README still shows messages of the same shape. Run
 * `npm run readme:examples` to write the new recordings into the README.
 */
describe("the README's examples, recorded from the rig", () => {
  let bot: BotUnderTest;
  const recorded: RecordedExamples = {};
  const made = { a: ['logs-2026.11', 'logs-debug-2026.11', 'orders'], b: ['logs-2026.11', 'orders'] };

  function textOfMessage(job: Job): string {
    const message = bot.slack.messages(channelId).find((posted) => posted.ts === job.messageTs);
    return blocksAsText((message?.blocks ?? []) as Block[]);
  }

  function updatesOf(job: Job): string[] {
    return bot.slack.calls
      .filter((call) => call.method === 'chat.update' && call.args.ts === job.messageTs)
      .map((call) => blocksAsText(call.args.blocks as Block[]));
  }

  async function ask(command: string): Promise<string> {
    const { responseId } = await bot.command(command);
    const answer = await waitUntil(`the answer to ${command}`, async () => bot.responsesTo(responseId)[0]);
    return blocksAsText(((answer.body as { blocks?: Block[] }).blocks ?? []) as Block[]);
  }

  /** Poller ticks with the clock moving {@link TICK_MS} each, until `done` says the job got where it should. */
  async function ticksUntil(job: Job, done: (job: Job) => boolean): Promise<Job> {
    for (let tick = 0; tick < 120; tick += 1) {
      await bot.tasks.idle();
      const now = await bot.context.jobs.get(job.id);
      if (now !== undefined && done(now)) return now;
      if (now !== undefined && isFinal(now.state)) {
        throw new Error(`job ${job.id} ended ${now.state}: ${JSON.stringify(now.history.at(-1))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      bot.clock.advance(TICK_MS);
      await pollActiveJobs(bot.context);
    }
    throw new Error(`job ${job.id} did not get there in 120 ticks`);
  }

  beforeAll(async () => {
    // The production shape: an s3 repository registered as the service registers it, throttled for the rig.
    const { settings } = sharedS3Repository('migration');
    bot = await startBotUnderTest({
      clusterConfig: {
        default_repository: {
          name: 'migration',
          type: 's3',
          settings: { ...settings, max_snapshot_bytes_per_sec: '200kb' },
        },
      },
    });
    const { a, b } = { a: bot.clusters.a.directUrl, b: bot.clusters.b.directUrl };
    // The examples show `migration`, registered by the job itself: a registration left by an earlier run is not it.
    await Promise.all([unregisterRepository(a, 'migration'), unregisterRepository(b, 'migration')]);
    await createBulkyIndex(a, 'logs-2026.11', { docs: 600, bytesPerDoc: 1500, shards: 2, segments: 4 });
    await createIndexWithDocs(a, 'orders', { docs: 340 });
    await createIndexWithDocs(b, 'orders', { docs: 12 });
  }, 120_000);

  afterAll(async () => {
    const removals = [
      ...made.a.map((index) => deleteIndexDirectly(bot.clusters.a.directUrl, index)),
      ...made.b.map((index) => deleteIndexDirectly(bot.clusters.b.directUrl, index)),
    ];
    await Promise.all(removals);
    await bot?.close();
  });

  it('records a migration from approval to the on-call reply', async () => {
    const command = 'snapshot migrate a b indices=logs-*,orders replace';
    const job = await bot.requestJob(command);
    recorded['migration-command'] = `/es ${command}`;
    recorded['migration-approval'] = textOfMessage(job);

    await bot.click(job, 'approve', approverId);
    const ended = await ticksUntil(job, (now) => now.state === JobState.SUCCEEDED && !awaitsTelling(now));
    const readings = updatesOf(job).filter((text) => /% · \d+\/\d+ shards? · /.test(text));
    const reply = bot.slack.messages(channelId).find((message) => message.thread_ts === job.messageTs);

    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(readings.length).toBeGreaterThan(1);
    recorded['migration-progress-early'] = fromSteps(readings[0] as string);
    recorded['migration-progress-late'] = fromSteps(readings.at(-1) as string);
    recorded['migration-succeeded'] = fromSteps(textOfMessage(ended));
    recorded['migration-thread-reply'] = blocksAsText((reply?.blocks ?? []) as Block[]) || (reply?.text ?? '');
    expect(recorded['migration-succeeded']).toContain('Compare document counts (b) — doc counts equal');
    expect(recorded['migration-thread-reply']).toContain('<@U0ONCALL>');
  }, 300_000);

  it('records an approval stopped by a change on the target before anything was deleted', async () => {
    await createIndexWithDocs(bot.clusters.a.directUrl, 'logs-debug-2026.11', { docs: 50 });
    await createIndexWithDocs(bot.clusters.b.directUrl, 'orders', { docs: 1 });
    const command = 'snapshot migrate a b indices=orders,logs-*,-logs-debug-* replace';
    const job = await bot.requestJob(command);
    recorded['approval-command'] = `/es ${command}`;
    recorded['approval-message'] = textOfMessage(job);

    await addDocs(bot.clusters.b.directUrl, 'orders', 5, 1);
    await bot.click(job, 'approve', approverId);
    const askedAgain = await ticksUntil(
      job,
      (now) =>
        now.state === JobState.PENDING_APPROVAL && textOfMessage(now).includes('*Changed since it was approved*'),
    );
    const changed = textOfMessage(askedAgain);
    recorded['approval-changed'] = changedAndDeletes(changed);

    expect(recorded['approval-message']).toContain('*Preflight*');
    expect(changed).toContain('• `orders`: approved 1 doc, now 6');
    await bot.click(askedAgain, 'reject', approverId);
  }, 300_000);

  it("records the read-only answers, a list with sizes, a status and recent jobs, and an engine's reason", async () => {
    recorded['answer-list'] = `/es snapshot list a migration\n\n${await ask('snapshot list a migration')}`;
    const [snapshot] = (await bot.context.jobs.listRequestedBy(requesterId, 5))
      .filter((job) => job.state === JobState.SUCCEEDED && job.plan.kind === 'migrate')
      .map((job) => (job.plan.kind === 'migrate' ? job.plan.snapshot : ''));
    const status = `snapshot status a migration ${snapshot}`;
    recorded['answer-status'] = `/es ${status}\n\n${await ask(status)}`;
    recorded['answer-recent'] = `/es snapshot jobs recent\n\n${await ask('snapshot jobs recent')}`;
    const refused = 'snapshot repo register a bad location=/etc';
    const failed = await ticksUntil(await bot.requestJob(refused), (now) => now.state === JobState.FAILED);
    recorded['answer-engine-reason'] = `/es ${refused}\n\n${textOfMessage(failed)}`;

    expect(recorded['answer-list']).toMatch(/\*SUCCESS\* · 2 indices · 3\/3 shards · /);
    expect(recorded['answer-engine-reason']).toContain("doesn't match any of the locations specified by path.repo");
  });

  it('shows in the README messages of the shapes just recorded (npm run readme:examples writes them)', async () => {
    const readme = await readFile(README, 'utf8');
    if (WRITING) {
      await writeFile(README, withRecorded(readme, recorded));
      return;
    }
    // The README is recorded on the default engines; on another pair the words differ where the engines do.
    const engines = (text: string | undefined) => /^\*Engines:\* .*$/m.exec(text ?? '')?.[0];
    const sameEngines = engines(recordedIn(readme, 'migration-approval')) === engines(recorded['migration-approval']);
    for (const [name, text] of Object.entries(recorded)) {
      const shown = recordedIn(readme, name);
      expect(shown, `README example "${name}": run npm run readme:examples`).toBeDefined();
      if (sameEngines && !name.startsWith('migration-progress')) {
        expect(shapeOf(shown as string), `README example "${name}" is stale: run npm run readme:examples`).toBe(
          shapeOf(text),
        );
      }
    }
  });
});

/** A running or finished job's message from its steps on: the part that changes while it runs. */
function fromSteps(text: string): string {
  const lines = text.split('\n');
  const steps = lines.indexOf('*Steps:*');
  return [lines[0], '…', ...lines.slice(steps)].join('\n');
}

/** The notice of what changed, and what the new plan deletes: the part of the message asked again that is new. */
function changedAndDeletes(text: string): string {
  const lines = text.split('\n');
  const notice = lines.findIndex((line) => line.startsWith(':warning: *Changed since it was approved*'));
  const planStarts = lines.findIndex((line, at) => at > notice && line.startsWith('The plan below'));
  const deletes = lines.findIndex((line) => line.startsWith(':warning: *Deletes on'));
  const deletesEnd = lines.findIndex((line, at) => at > deletes && line.startsWith('*'));
  return [...lines.slice(notice, planStarts + 1), '…', ...lines.slice(deletes, deletesEnd)].join('\n');
}
