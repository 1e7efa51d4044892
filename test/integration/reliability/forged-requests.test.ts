import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { ApprovalAction } from '../../../src/core/messages/job-message.js';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import { apiGatewayEvent, lambdaContext } from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS, slackTs } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { createIndexWithDocs, deleteIndexDirectly } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { capturedLog } from './captured-log.js';
import { familyTally } from './family-tally.js';
import { type BodyEdit, forgeriesOf, type RawRequest, signed } from './forged-requests.js';

const { approverId, requesterId, channelId, teamId } = SLACK_TEST_IDS;
const ROUNDS = 25;

type ClickPayload = ReturnType<typeof buildBlockAction>;
const INDICES = ['e2e-forged-1', 'e2e-forged-2', 'e2e-forged-3'];

/**
 * Given two index deletions waiting for approval and one already done, when forged and replayed requests arrive —
 * slash commands and clicks with bad, absent or partial signatures, stale and future timestamps, edited bodies,
 * edited button values, another channel, team or message, a valid click replayed after its job ended — then every
 * one is refused, and the jobs, the indices and the channel are exactly as before.
 */
describe('forged and replayed Slack requests', () => {
  let bot: BotUnderTest;
  let waiting: Job;
  let other: Job;
  let ended: Job;
  let endedClick: RawRequest;
  const tally = familyTally('forged requests', 'refused');
  const log = capturedLog();

  const signer = () => ({ secret: bot.signingSecret, now: () => Math.floor(Date.now() / 1000) });

  async function send(request: RawRequest) {
    const event = apiGatewayEvent(
      request.body,
      { 'content-type': 'application/x-www-form-urlencoded', ...request.headers },
      { base64: false },
    );
    if (request.base64 === true) event.isBase64Encoded = true;
    const response = await bot.handler(event, lambdaContext());
    await bot.tasks.idle();
    return response;
  }

  /** What a forged request must not change: the jobs, the indices on A, what the channel shows. */
  async function observed(): Promise<string> {
    const jobs = await Promise.all([waiting, other, ended].map((job) => bot.context.jobs.get(job.id)));
    const active = await bot.context.jobs.listActive();
    const indices = await fetch(new URL('/_cat/indices/e2e-forged-*?h=index&s=index', bot.clusters.a.directUrl));
    const channel = bot.slack.messages(channelId).map((message) => [message.ts, message.text]);
    return JSON.stringify({
      jobs: jobs.map((job) => [job?.id, job?.state, job?.version]),
      active: active.map((job) => job.id),
      indices: await indices.text(),
      channel,
      writes: bot.clusters.a.gateway.requests.filter((request) => request.method !== 'GET').length,
    });
  }

  function approveClickBody(job: Job, overrides: Parameters<typeof buildBlockAction>[0] = {}): string {
    const payload = buildBlockAction({
      user: { id: approverId, username: 'approver', name: 'approver', team_id: teamId },
      action: { action_id: ApprovalAction.APPROVE, value: job.id },
      message: { type: 'message', ts: job.messageTs ?? '', text: '' } as never,
      container: { type: 'message', message_ts: job.messageTs ?? '', channel_id: job.channel, is_ephemeral: false },
      response_url: bot.slack.responseUrl(`forged-click-${job.id}`),
      ...overrides,
    });
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  const payloadEdit = (kind: string, edit: (payload: ClickPayload) => void): BodyEdit => ({
    kind,
    apply: (fields) => {
      const payload = JSON.parse(fields.get('payload') ?? '{}');
      edit(payload);
      fields.set('payload', JSON.stringify(payload));
    },
  });

  beforeAll(async () => {
    bot = await startBotUnderTest({ logger: log.logger });
    for (const index of INDICES) await createIndexWithDocs(bot.clusters.a.directUrl, index, { docs: 2 });
    const asked: Job[] = [];
    for (const index of INDICES) {
      await bot.command(`snapshot delete-index a ${index}`);
      await bot.tasks.idle();
      const found = (await bot.context.jobs.listActive()).find(
        (job) => job.plan.kind === 'index-delete' && !asked.some((seen) => seen.id === job.id),
      );
      asked.push(found as Job);
    }
    [waiting, other, ended] = asked as [Job, Job, Job];
    endedClick = signed(approveClickBody(ended), signer());
    await send(endedClick);
    ended = await bot.untilEnded(ended.id);
  });

  afterAll(async () => {
    tally.print();
    for (const index of INDICES) await deleteIndexDirectly(bot.clusters.a.directUrl, index);
    await bot?.close();
  });

  it('refuses every forged signature, timestamp and edited body with 401, and changes nothing', async () => {
    expect(ended.state).toBe(JobState.SUCCEEDED);
    const before = await observed();
    const command = new URLSearchParams(
      buildSlashCommand({
        text: `snapshot delete-index a ${INDICES[0]}`,
        response_url: bot.slack.responseUrl('forged'),
      }),
    ).toString();
    const commandEdits: BodyEdit[] = [
      { kind: 'command text edited', apply: (fields) => fields.set('text', 'snapshot delete-index a e2e-forged-*') },
      { kind: 'command user edited', apply: (fields) => fields.set('user_id', approverId) },
      { kind: 'command channel edited', apply: (fields) => fields.set('channel_id', 'C0ELSEWHERE') },
      { kind: 'command team edited', apply: (fields) => fields.set('team_id', 'T0OTHER') },
    ];
    const clickEdits = [
      payloadEdit('button value edited', (payload) => {
        (payload.actions[0] as { value: string }).value = other.id;
      }),
      payloadEdit('clicker edited', (payload) => {
        payload.user.id = requesterId;
      }),
      payloadEdit('click channel edited', (payload) => {
        payload.channel = { id: 'C0ELSEWHERE', name: 'elsewhere' };
      }),
      payloadEdit('click message edited', (payload) => {
        (payload.message as { ts: string }).ts = other.messageTs ?? '';
      }),
    ];
    const forgeries = [
      ...forgeriesOf(command, signer(), commandEdits, ROUNDS, 1),
      ...forgeriesOf(approveClickBody(waiting), signer(), clickEdits, ROUNDS, 2),
    ];
    const accepted: string[] = [];
    for (const forgery of forgeries) {
      const response = await send(forgery.request);
      tally.record(response.statusCode === 401);
      if (response.statusCode !== 401) accepted.push(`${forgery.kind}: ${response.statusCode}`);
    }

    expect(forgeries.length).toBeGreaterThanOrEqual(1000);
    expect(accepted).toEqual([]);
    expect(await observed()).toBe(before);
  });

  it('refuses, with an answer only the clicker sees, a genuinely signed click on the wrong job, channel, team or message, and a replay', async () => {
    const before = await observed();
    const elsewhere = { id: 'C0ELSEWHERE', name: 'elsewhere' };
    const variants: Array<[string, string]> = [
      [
        'button value edited to another job',
        approveClickBody(waiting, { action: { action_id: ApprovalAction.APPROVE, value: other.id } }),
      ],
      [
        'another channel',
        approveClickBody(waiting, {
          channel: elsewhere,
          container: {
            type: 'message',
            message_ts: waiting.messageTs ?? '',
            channel_id: elsewhere.id,
            is_ephemeral: false,
          },
        }),
      ],
      ['another team', approveClickBody(waiting, { team: { id: 'T0OTHER', domain: 'other' } })],
      [
        'another message',
        approveClickBody(waiting, {
          message: { type: 'message', ts: slackTs(), text: '' } as never,
          container: { type: 'message', message_ts: slackTs(), channel_id: channelId, is_ephemeral: false },
        }),
      ],
      [
        "another job's message",
        approveClickBody(waiting, {
          message: { type: 'message', ts: other.messageTs ?? '', text: '' } as never,
          container: { type: 'message', message_ts: other.messageTs ?? '', channel_id: channelId, is_ephemeral: false },
        }),
      ],
    ];
    const refusedWrongly: string[] = [];
    const suspiciousBefore = log.lines.filter((line) => line.msg?.startsWith('suspicious click')).length;
    const attempt = async (kind: string, request: RawRequest, answered: (text: string) => boolean) => {
      const response = await send(request);
      const unchanged = (await observed()) === before;
      const answer = bot.slack.responses.at(-1)?.body;
      const toClicker = answer?.response_type === 'ephemeral' && answered(String(answer.text));
      tally.record(response.statusCode === 200 && unchanged && toClicker);
      if (!unchanged || response.statusCode !== 200 || !toClicker) {
        refusedWrongly.push(`${kind}: ${response.statusCode} ${JSON.stringify(answer?.text)}`);
      }
    };
    const notOnItsMessage = (text: string) => /is not on the message of job \w+, so it does nothing/.test(text);
    for (let round = 0; round < 10; round += 1) {
      for (const [kind, body] of variants) {
        const withOwnAnswer = body.replace(
          encodeURIComponent(bot.slack.responseUrl(`forged-click-${waiting.id}`)),
          encodeURIComponent(bot.slack.responseUrl(`refused-${round}-${kind}`)),
        );
        await attempt(kind, signed(withOwnAnswer, signer()), notOnItsMessage);
      }
      // The replayed click carries its own response_url, which Slack takes five times: the first click and four replays.
      if (round < 4) {
        await attempt('replay after the job ended', endedClick, (text) =>
          text.includes('can no longer be approved or rejected (now: Succeeded)'),
        );
      }
    }

    expect(refusedWrongly).toEqual([]);
    expect(await observed()).toBe(before);
    const suspicious = log.lines.filter((line) => line.msg?.startsWith('suspicious click')).slice(suspiciousBefore);
    expect(suspicious).toHaveLength(variants.length * 10);
    expect(bot.slack.responses.filter((post) => !post.ok)).toEqual([]);
    expect(suspicious.slice(0, 2)).toMatchObject([
      { level: 40, jobId: other.id, userId: approverId, mismatches: ['message'] },
      { level: 40, jobId: waiting.id, userId: approverId, mismatches: ['channel'] },
    ]);
  });
});
