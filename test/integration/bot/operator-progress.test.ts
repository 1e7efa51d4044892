import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createBulkyIndex, deleteIndexDirectly, registerFsRepository } from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const { approverId, channelId, requesterId } = SLACK_TEST_IDS;

/** The text of every block of an answer, as the person who asked reads it. */
/** Each progress reading (bar and counts) the job's message showed under `step` while it ran, in order. */
function progressReadings(bot: BotUnderTest, job: Job, step: string): string[] {
  return bot.slack.calls
    .filter((call) => call.method === 'chat.update' && call.args.ts === job.messageTs)
    .flatMap((call) => {
      const found = new RegExp(`${step}\\\\n\\s*([^"]*)`).exec(JSON.stringify(call.args.blocks));
      const reading = found?.[1];
      return reading !== undefined && /^[▓░]{20} /.test(reading) ? [reading] : [];
    });
}

function textOf(body: unknown): string {
  const blocks = (body as { blocks?: Array<{ text?: { text?: string }; elements?: Array<{ text?: string }> }> }).blocks;
  return (blocks ?? [])
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((element) => element.text)])
    .filter((text) => text !== undefined)
    .join('\n');
}

/**
 * What an operator reads while a throttled snapshot runs and after it ended: progress readings that are true from
 * the first one, `list` and `status` with sizes and times, and a job history with one line per real event.
 */
describe('what the operator reads about a snapshot', () => {
  let bot: BotUnderTest;
  let throttled: string;
  let indexBytes: number;
  let ended: Job;
  const index = `ops-${randomBytes(3).toString('hex')}`;

  async function ask(text: string): Promise<string> {
    const { responseId } = await bot.command(text);
    const posted = await waitUntil(`the answer to ${text}`, async () => bot.responsesTo(responseId)[0]);
    return textOf(posted.body);
  }

  beforeAll(async () => {
    bot = await startBotUnderTest({ timeZones: { [requesterId]: 'Asia/Tokyo' } });
    throttled = `throttled-${randomBytes(3).toString('hex')}`;
    await registerFsRepository(bot.clusters.a.directUrl, throttled, {
      location: `${inject('rig').sharedRepoPath}/${throttled}`,
      max_snapshot_bytes_per_sec: '500kb',
    });
    indexBytes = await createBulkyIndex(bot.clusters.a.directUrl, index, {
      docs: 800,
      bytesPerDoc: 2000,
      shards: 2,
      segments: 4,
    });
    await bot.command(`snapshot create a ${throttled} watched indices=${index}`);
    await bot.tasks.idle();
    const [job] = await bot.context.jobs.listRequestedBy(requesterId, 1);
    if (job === undefined) throw new Error('the command made no job');
    ended = await bot.untilEnded(job.id);
  });

  afterAll(async () => {
    await Promise.all(
      [bot.clusters.a.directUrl, bot.clusters.b.directUrl].map((url) => deleteIndexDirectly(url, index)),
    );
    await bot?.close();
  });

  it('never shows a total that is not the snapshot’s: "starting" until the cluster knows it', () => {
    const readings = progressReadings(bot, ended, 'Wait for the snapshot \\(a\\)');

    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(indexBytes).toBeGreaterThan(1_000_000);
    // Which comes first depends on how soon the cluster knows the totals; a false one may never come at all.
    expect(readings.length).toBeGreaterThan(0);
    for (const reading of readings) {
      // Either the honest "starting", or counts of the real total: 2 shards and about the index's size.
      expect(reading).toMatch(/(░{20} starting · .* elapsed|% · \d\/2 shards · .* of [1-9](\.\d)? MB · .* elapsed · )/);
      expect(reading).not.toMatch(/of \d+ B\b/);
    }
  });

  it('restores onto b with progress that is "starting" or the recoveries\' real totals, never a false 0 of 0', async () => {
    // Given the snapshot's repository on b, throttled for restores so that the restore spans poller ticks
    await registerFsRepository(bot.clusters.b.directUrl, throttled, {
      location: `${inject('rig').sharedRepoPath}/${throttled}`,
      max_restore_bytes_per_sec: '500kb',
      readonly: true,
    });

    // When the restore is asked for and approved
    const requested = await bot.requestJob(`snapshot restore b ${throttled} watched indices=${index}`);
    await bot.click(requested, 'approve', approverId);
    const restored = await bot.untilEnded(requested.id);

    // Then every reading the message showed is "starting", or counts of the recoveries' own totals: both primaries
    // and megabytes of the index's size, never the 0 of 0 of a restore whose recoveries have not begun.
    const readings = progressReadings(bot, restored, 'Wait for the restore \\(b\\)');
    expect(restored.state).toBe(JobState.SUCCEEDED);
    expect(readings.length).toBeGreaterThan(0);
    for (const reading of readings) {
      expect(reading).toMatch(/(░{20} starting · .* elapsed|% · \d\/2 shards · .* of [1-9](\.\d)? MB · .* elapsed · )/);
      expect(reading).not.toMatch(/0\/0 shard|of \d+ B\b/);
    }
  });

  it('lists the snapshot with its indices, shards, size, duration and age', async () => {
    const list = await ask(`snapshot list a ${throttled}`);

    expect(list).toMatch(
      /^• `watched` — \*SUCCESS\* · 1 index · 2\/2 shards · [1-9](\.\d)? MB · took (\d+ s|\d+ m \d+ s|<1 s) · (\d+ s|\d+ m \d+ s) ago$/m,
    );
  });

  it('shows the bytes of the finished snapshot in status', async () => {
    const status = await ask(`snapshot status a ${throttled} watched`);

    expect(status).toContain('*State:* SUCCESS · 2/2 shards (0 failed)');
    expect(status).toMatch(/100% · [1-9](\.\d)? MB\n/);
  });

  it("lists the team's recently finished jobs with outcome and who asked, from the finished-jobs index", async () => {
    const recent = await ask('snapshot jobs recent a');
    const elsewhere = await ask('snapshot jobs recent b');

    expect(recent).toContain('Recently finished jobs on a');
    expect(recent).toContain(`• \`${ended.id}\` — Snapshot on a · *Succeeded* · asked by <@${requesterId}> · <!date^`);
    expect(elsewhere).not.toContain(ended.id);
  });

  it('shows a history with one line per real event, to the second in the requester’s time zone', async () => {
    const detail = await ask(`snapshot job ${ended.id}`);
    const history = detail.slice(detail.indexOf('*History*'));
    const lines = history.split('\n').slice(1);
    const events = lines.map((line) =>
      line.replace(/^• <!date\^\d+\^\{date_short_pretty\} \{time_secs\}\|[^>]+> /, ''),
    );

    expect(lines.every((line) => / \d{2}:\d{2}:\d{2} Asia\/Tokyo> /.test(line))).toBe(true);
    expect(events).toEqual([
      expect.stringMatching(/^\*requested\* by <@U0REQUESTER> — snapshot create a /),
      '*started*',
      'Start the snapshot (a) started',
      'Start the snapshot (a) done',
      'Wait for the snapshot (a) started',
      'Wait for the snapshot (a) done',
      '*succeeded* — all steps done',
    ]);
    expect(detail).not.toContain('worker-');
    expect(detail).not.toContain('*resumed*');
    expect(detail).toMatch(
      /Wait for the snapshot \(a\): \*done\* · <!date\^\d+\^[^|]+\|[\d-]+ \d{2}:\d{2}:\d{2} Asia\/Tokyo>/,
    );
    expect(ended.history.length).toBeLessThan(6);
    expect(bot.slack.messages(channelId).length).toBeGreaterThan(0);
  });
});
