import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { ApprovalAction } from '../../../src/core/messages/job-message.js';
import { buildBlockAction } from '../../fixtures/slack/block-action-body.js';
import {
  type ApiGatewayHttpEvent,
  lambdaContext,
  signedBlockActionEvent,
  signedSlashCommandEvent,
} from '../../fixtures/slack/signed-request.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';
import { createIndexWithDocs, deleteIndexDirectly } from '../../rig/seed-indices.js';
import { itAcrossClusters } from '../bot/across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { capturedLog } from './captured-log.js';
import { familyTally } from './family-tally.js';

const { requesterId, approverId } = SLACK_TEST_IDS;
const INDICES = ['scan-orders', 'scan-users'];
// Distinct from the fixtures' default, so that a hit can only come from these requests.
const VERIFICATION_TOKEN = `verification-${randomBytes(8).toString('hex')}`;

/** Each secret as it may be written: as is, URL-encoded (a form body) and JSON-escaped (a body inside a string). */
function spellings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

/**
 * A whole migration A → B through the signed Slack function, logged at debug level (Bolt's lines included), and
 * every line then searched for the secrets the bot held or was sent: none may be there, in any spelling.
 */
describe('secrets in the log', () => {
  const log = capturedLog('debug');
  const tally = familyTally('secret scan', 'clean', 'lines');
  let bot: BotUnderTest;
  /** Everything sent to the bot that nobody may read back from a log. */
  const sent: string[] = [];

  beforeAll(async () => {
    bot = await startBotUnderTest({ logger: log.logger });
    for (const index of INDICES) {
      await deleteIndexDirectly(bot.clusters.a.directUrl, index);
      await deleteIndexDirectly(bot.clusters.b.directUrl, index);
    }
    await createIndexWithDocs(bot.clusters.a.directUrl, 'scan-orders', { docs: 9, marker: 'from-a' });
    await createIndexWithDocs(bot.clusters.a.directUrl, 'scan-users', { docs: 4, marker: 'from-a' });
    await createIndexWithDocs(bot.clusters.b.directUrl, 'scan-orders', { docs: 2, marker: 'old-b' });
  });

  afterAll(async () => {
    tally.print();
    for (const index of INDICES) await deleteIndexDirectly(bot.clusters.b.directUrl, index);
    await bot?.close();
  });

  /** Hands a request to the Slack function, keeping its signature, its response URL and its encoded body. */
  async function deliver(event: ApiGatewayHttpEvent, responseUrl: string) {
    sent.push(event.headers['x-slack-signature'] as string, responseUrl);
    if (event.isBase64Encoded) sent.push(event.body);
    return bot.handler(event, lambdaContext());
  }

  async function command(text: string, options: { base64?: boolean; forge?: 'bad-signature' } = {}) {
    const responseUrl = bot.slack.responseUrl(`scan-command-${sent.length}`);
    const fields = buildSlashCommand({
      text,
      user_id: requesterId,
      token: VERIFICATION_TOKEN,
      response_url: responseUrl,
    });
    return deliver(signedSlashCommandEvent(fields, { signingSecret: bot.signingSecret, ...options }), responseUrl);
  }

  async function approve(jobId: string, messageTs: string) {
    const responseUrl = bot.slack.responseUrl(`scan-click-${sent.length}`);
    const payload = buildBlockAction({
      user: { id: approverId, username: approverId, name: approverId, team_id: SLACK_TEST_IDS.teamId },
      action: { action_id: ApprovalAction.APPROVE, value: jobId },
      message: { type: 'message', ts: messageTs, text: '' } as never,
      token: VERIFICATION_TOKEN,
      response_url: responseUrl,
    });
    return deliver(signedBlockActionEvent(payload, { signingSecret: bot.signingSecret, base64: true }), responseUrl);
  }

  itAcrossClusters(
    'writes no signing secret, bot token, signature, response URL or AWS credential at debug level',
    async () => {
      const forged = await command('snapshot list a', { forge: 'bad-signature' });
      const listed = await command('snapshot list a', { base64: true });
      const asked = await command('snapshot migrate a b indices=scan-* replace');
      const job = await bot.onlyActiveJob();
      const clicked = await approve(job.id, job.messageTs ?? '');
      const ended = await bot.untilEnded(job.id);
      const { accessKeyId, secretAccessKey } = await bot.clusters.credentials();
      const secrets = [bot.signingSecret, bot.botToken, VERIFICATION_TOKEN, accessKeyId, secretAccessKey, ...sent];
      const forbidden = secrets.flatMap(spellings);
      const leaks = log.raw.flatMap((line) => forbidden.filter((secret) => line.includes(secret)).map(() => line));
      for (const line of log.raw) tally.record(!forbidden.some((secret) => line.includes(secret)));

      expect([forged.statusCode, listed.statusCode, asked.statusCode, clicked.statusCode]).toEqual([
        401, 200, 200, 200,
      ]);
      expect(ended.state).toBe(JobState.SUCCEEDED);
      expect(log.lines.some((line) => line.component === 'bolt' && line.msg === 'AWS event')).toBe(true);
      expect(log.lines.some((line) => line.msg === 'cluster answered')).toBe(true);
      expect(leaks).toEqual([]);
      expect(tally.met).toBe(tally.cases);
    },
  );
});
