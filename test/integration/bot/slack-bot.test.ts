import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SLASH_COMMAND } from '../../../src/core/grammar/command-request.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, indexExists, markerOf } from '../../rig/seed-indices.js';
import { itAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { engineNameOf, readable } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/** The bot scope each Web API method needs (Slack's method reference). */
const SCOPE_OF_METHOD: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'usergroups.users.list': 'usergroups:read',
  'users.info': 'users:read',
};

/**
 * The runbook from the channel: clusters A and B with indices, commands typed as Slack sends them, clicks on the
 * approval message, and what the channel and the clusters show after.
 */
describe('the bot in a channel', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest();
    await createIndexWithDocs(bot.clusters.a.directUrl, 'e2e-logs-1', { docs: 40, marker: 'from-a' });
    await createIndexWithDocs(bot.clusters.a.directUrl, 'e2e-logs-2', { docs: 25, marker: 'from-a' });
    await bot.context.clusters
      .get('a')
      ?.registerRepository(bot.context.config.clusters.get('a')?.defaultRepository as never);
    await bot.context.clusters
      .get('b')
      ?.registerRepository(bot.context.config.clusters.get('b')?.defaultRepository as never);
  });

  afterAll(async () => {
    await bot?.close();
  });

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  function threadReplies(ts: string | undefined) {
    return bot.slack.messages(channelId).filter((message) => message.thread_ts === ts);
  }

  it('answers bad input at once with what was wrong, and creates nothing', async () => {
    const { response, body } = await bot.command('snapshot lsit a');

    expect(response.statusCode).toBe(200);
    expect(body.text).toContain('Did you mean "list"?');
    expect(await bot.context.jobs.listActive()).toHaveLength(0);
  });

  it.each(['bad-signature', 'stale', 'future', 'unsigned'] as const)(
    'refuses a %s request with 401 and does nothing',
    async (forge) => {
      const { response } = await bot.command('snapshot create a indices=e2e-logs-*', requesterId, { forge });
      await bot.tasks.idle();

      expect(response.statusCode).toBe(401);
      expect(await bot.context.jobs.listActive()).toHaveLength(0);
    },
  );

  it('takes a snapshot without approval and reports it in the thread', async () => {
    const text = `snapshot create a ${bot.repository} e2e-snap-1 indices=e2e-logs-*`;
    const { response, body } = await bot.command(text);
    const job = await bot.newestJobOf(text);
    const ended = await bot.untilEnded(job.id);

    expect(response.statusCode).toBe(200);
    expect(body.text).toContain('Working on it');
    expect(ended.state).toBe(JobState.SUCCEEDED);
    const snapshot = await bot.context.clusters.get('a')?.getSnapshot(bot.repository, 'e2e-snap-1');
    expect(snapshot).toMatchObject({ state: 'SUCCESS', indices: ['e2e-logs-1', 'e2e-logs-2'] });
    expect(channelMessage(ended.messageTs)?.text).toBe('Snapshot on a: Succeeded');
    expect(threadReplies(ended.messageTs).map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Snapshot succeeded in .*\n<@U0ONCALL>/),
    ]);
  });

  it('lists the snapshot to whoever asks', async () => {
    const { responseId } = await bot.command('snapshot list a');
    await bot.tasks.idle();

    expect(JSON.stringify(bot.responsesTo(responseId)[0]?.body)).toContain('e2e-snap-1');
  });

  itAcrossClusters('restores on B only after an allowed approver approves, replacing the existing index', async () => {
    await createIndexWithDocs(bot.clusters.b.directUrl, 'e2e-logs-1', { docs: 3, marker: 'old-b' });

    await bot.command(`snapshot restore b ${bot.repository} e2e-snap-1 indices=e2e-logs-* replace`);
    const job = await bot.onlyActiveJob();
    const approvalMessage = channelMessage(job.messageTs);
    const selfApproval = await bot.click(job, 'approve', requesterId);
    const stranger = await bot.click(job, 'approve', 'U0STRANGER');
    await bot.tasks.idle();
    const stillPending = await bot.context.jobs.get(job.id);
    const approval = await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    expect(job.state).toBe(JobState.PENDING_APPROVAL);
    expect(approvalMessage?.text).toBe('Approval needed: Restore on b');
    expect(JSON.stringify(approvalMessage?.blocks)).toContain('• `e2e-logs-1` — 3 docs');
    expect(readable(approvalMessage?.blocks)).toContain(
      `*Engine:* b runs ${await engineNameOf(bot.clusters.b.directUrl)}`,
    );
    expect(JSON.stringify(approvalMessage?.blocks)).toContain('job.approve');
    expect(JSON.stringify(bot.responsesTo(selfApproval.responseId)[0]?.body)).toContain(
      'you cannot approve your own request',
    );
    expect(JSON.stringify(bot.responsesTo(stranger.responseId)[0]?.body)).toContain('you are not an approver');
    expect(stillPending?.state).toBe(JobState.PENDING_APPROVAL);
    expect(approval.response.statusCode).toBe(200);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await markerOf(bot.clusters.b.directUrl, 'e2e-logs-1')).toBe('from-a');
    expect((await bot.context.clusters.get('b')?.docCounts(['e2e-logs-1', 'e2e-logs-2']))?.get('e2e-logs-2')).toBe(25);
    const finalMessage = channelMessage(ended.messageTs);
    expect(JSON.stringify(finalMessage?.blocks)).toContain('Approved by <@U0APPROVER>');
    expect(JSON.stringify(finalMessage?.blocks)).not.toContain('job.approve');
  });

  it('never runs a rejected request', async () => {
    await createIndexWithDocs(bot.clusters.b.directUrl, 'e2e-keep', { docs: 2 });

    await bot.command('snapshot delete-index b e2e-keep');
    const job = await bot.onlyActiveJob();
    await bot.click(job, 'reject', approverId);
    await bot.tasks.idle();

    expect((await bot.context.jobs.get(job.id))?.state).toBe(JobState.REJECTED);
    expect(await indexExists(bot.clusters.b.directUrl, 'e2e-keep')).toBe(true);
    expect(JSON.stringify(channelMessage(job.messageTs)?.blocks)).toContain('Rejected by <@U0APPROVER>');
  });

  it('expires a request nobody approved in time, and its buttons go away', async () => {
    await bot.command('snapshot delete-index b e2e-keep');
    const job = await bot.onlyActiveJob();

    bot.clock.advance(31 * 60_000);
    await (await import('../../../src/usecases/poll-active-jobs.js')).pollActiveJobs(bot.context);
    const late = await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();

    expect((await bot.context.jobs.get(job.id))?.state).toBe(JobState.EXPIRED);
    expect(JSON.stringify(channelMessage(job.messageTs)?.blocks)).not.toContain('job.approve');
    expect(JSON.stringify(bot.responsesTo(late.responseId)[0]?.body)).toContain(
      'can no longer be approved or rejected (now: Expired)',
    );
    expect(await indexExists(bot.clusters.b.directUrl, 'e2e-keep')).toBe(true);
  });

  it('deletes once however many times the Approve button is clicked at once', async () => {
    await createIndexWithDocs(bot.clusters.b.directUrl, 'e2e-doomed', { docs: 2 });
    await bot.command('snapshot delete-index b e2e-doomed');
    const job = await bot.onlyActiveJob();
    const deletesBefore = bot.clusters.b.gateway.requests.filter((request) => request.method === 'DELETE').length;

    const clicks = await Promise.all(Array.from({ length: 50 }, () => bot.click(job, 'approve', approverId)));
    const ended = await bot.untilEnded(job.id);

    expect(clicks.every((click) => click.response.statusCode === 200)).toBe(true);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(ended.history.filter((entry) => entry.event === 'approved')).toHaveLength(1);
    const deletes =
      bot.clusters.b.gateway.requests.filter((request) => request.method === 'DELETE').length - deletesBefore;
    expect(deletes).toBe(1);
    expect(await indexExists(bot.clusters.b.directUrl, 'e2e-doomed')).toBe(false);
  });

  itAcrossClusters('shows a job with who requested and approved it, and each step', async () => {
    const [job] = (await bot.context.jobs.listRequestedBy(requesterId, 20)).filter((entry) => entry.kind === 'restore');

    const { responseId } = await bot.command(`snapshot job ${job?.id}`);
    await bot.tasks.idle();

    const shown = JSON.stringify(bot.responsesTo(responseId)[0]?.body);
    expect(shown).toContain('*requested* by <@U0REQUESTER>');
    expect(shown).toContain('*approved* by <@U0APPROVER>');
    expect(shown).toContain('Wait for the restore (b): *done*');
  });

  it('lets the requester cancel a request waiting for approval', async () => {
    await bot.command('snapshot delete-index b e2e-keep');
    const job = await bot.onlyActiveJob();

    const { responseId } = await bot.command(`snapshot cancel ${job.id}`);
    await bot.tasks.idle();

    expect(JSON.stringify(bot.responsesTo(responseId)[0]?.body)).toContain('is cancelled');
    expect((await bot.context.jobs.get(job.id))?.state).toBe(JobState.CANCELLED);
    expect(JSON.stringify(channelMessage(job.messageTs)?.blocks)).not.toContain('job.approve');
  });

  it('creates one job when Slack sends the same command again', async () => {
    const first = await bot.command('snapshot delete-index b e2e-keep');
    await bot.command('snapshot delete-index b e2e-keep', requesterId, { retryNum: 1, triggerId: first.triggerId });
    await bot.tasks.idle();

    const pending = (await bot.context.jobs.listActive()).filter((job) => job.state === JobState.PENDING_APPROVAL);
    expect(pending).toHaveLength(1);
  });

  itAcrossClusters('calls only Web API methods that the app manifest grants a scope for', async () => {
    const manifest = parseYaml(await readFile('manifest.yml', 'utf8'));
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    const methods = [...new Set(bot.slack.calls.map((call) => call.method))].sort();

    expect(methods).toEqual(['chat.postMessage', 'chat.update', 'usergroups.users.list', 'users.info']);
    for (const method of methods) expect(scopes).toContain(SCOPE_OF_METHOD[method]);
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      SLASH_COMMAND,
    ]);
  });
});
