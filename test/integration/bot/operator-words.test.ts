import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

/**
 * What the operator reads, word for word, through the real handler and the real clusters: the engine's own reason,
 * hints that run when copied, refusals said before a job exists, and a reject with its reason.
 */
describe('the words an operator reads', () => {
  let bot: BotUnderTest;
  const tag = `ow${randomBytes(3).toString('hex')}`;
  const indicesMade = new Set<string>();

  beforeAll(async () => {
    bot = await startBotUnderTest();
    await createIndexWithDocs(bot.clusters.a.directUrl, `${tag}-logs`, { docs: 3 });
    indicesMade.add(`${tag}-logs`);
  });

  afterAll(async () => {
    await removeFromBothClusters(bot, indicesMade);
    await bot?.close();
  });

  /** Types the command and returns what the asker was answered, as text. */
  async function answerTo(text: string, userId: string = requesterId): Promise<string> {
    const { responseId, body } = await bot.command(text, userId);
    await bot.tasks.idle();
    const posts = bot.responsesTo(responseId).map((post) => post.body);
    return [body, ...posts].map((answer) => readable(answer === undefined ? [] : [answer])).join('\n');
  }

  function channelText(): string {
    return bot.slack
      .messages(channelId)
      .map((message) => readable(message.blocks))
      .join('\n');
  }

  it("shows the engine's own reason when a repository cannot be registered", async () => {
    const answer = await answerTo(`snapshot repo register a ${tag}-bad location=/etc`);
    await bot.tasks.idle();
    const shown = `${answer}\n${channelText()}`;

    expect(shown).toContain(
      `a: repository_exception: [${tag}-bad] failed to create repository (cause: location [/etc] doesn't match any of the locations specified by path.repo)`,
    );
    expect(shown).toContain("an fs location must be under the cluster's path.repo");
  });

  it('refuses a snapshot into an unregistered repository at once, with a hint that runs when copied', async () => {
    const repository = `${tag}-archive`;

    const refused = await answerTo(`snapshot create a ${repository}`);

    const hint = `/es snapshot repo register a ${repository}`;
    expect(refused).toContain(`repository "${repository}" is neither registered on a nor its default_repository`);
    expect(refused).toContain(`Register it first: ${hint}`);
    expect(await bot.context.jobs.listActive()).toEqual([]);

    const ran = await answerTo(hint.replace(/^\/es /, ''));
    expect(ran, ran).not.toContain(':warning:');
    await bot.tasks.idle();
    // The default repository's type and settings, with a base path of its own inside the default's
    const repositories = await bot.clusters.a.client.listRepositories();
    expect(repositories.find(({ name }) => name === repository)).toMatchObject({
      type: 's3',
      settings: { base_path: `${bot.repository}/${repository}` },
    });

    const created = await bot.requestJob(`snapshot create a ${repository} ${tag}-first indices=${tag}-logs`);
    expect((await bot.untilEnded(created.id)).state).toBe(JobState.SUCCEEDED);
  });

  it('refuses a snapshot name the repository already holds when it is asked, not later', async () => {
    const snapshot = `${tag}-taken`;
    const created = await bot.requestJob(`snapshot create a ${bot.repository} ${snapshot} indices=${tag}-logs`);
    expect((await bot.untilEnded(created.id)).state).toBe(JobState.SUCCEEDED);
    const jobsBefore = bot.slack.messages(channelId).length;

    const refused = await answerTo(`snapshot create a ${bot.repository} ${snapshot} indices=${tag}-logs`);

    expect(refused).toContain(`a: snapshot "${snapshot}" already exists in repository "${bot.repository}"`);
    expect(refused).toContain('Pick another snapshot name, or leave the name out and one is generated.');
    expect(bot.slack.messages(channelId).length).toBe(jobsBefore);
  });

  it('does not tell a refused delete of a protected index to rename it', async () => {
    const kibana = `.kibana_${tag}`;
    await createIndexWithDocs(bot.clusters.a.directUrl, kibana, { docs: 1 });
    indicesMade.add(kibana);

    const refused = await answerTo(`snapshot delete-index a ${kibana}`);

    expect(refused).toContain(`index "${kibana}" is protected (matches ".kibana*") and is never deleted`);
    expect(refused).toContain(`Nothing deletes it; if a pattern reached it, leave it out by adding ,-${kibana}`);
    expect(refused).not.toContain('rename');
  });

  it('gives a bad repository name a repository example, not an index one', async () => {
    const refused = await answerTo('snapshot list a bad%name');

    expect(refused).toContain('repository name "bad%name" must not contain "%"');
    expect(refused).toContain('Use a plain repository name, e.g. "migration".');
  });

  it.each([
    ['approve', "Approve a request: click Approve on the job's message."],
    ['reject', 'Reject a request that waits for approval, with an optional reason.'],
    ['repo', 'Register (or update) a snapshot repository on a cluster.'],
  ])('answers help %s', async (topic, summary) => {
    expect(await answerTo(`snapshot help ${topic}${topic === 'repo' ? ' register' : ''}`)).toContain(summary);
  });

  it('records and shows the reason a request was rejected with', async () => {
    await createIndexWithDocs(bot.clusters.b.directUrl, `${tag}-old`, { docs: 1 });
    indicesMade.add(`${tag}-old`);
    await bot.command(`snapshot delete-index b ${tag}-old`);
    const job = await bot.onlyActiveJob();

    const typedApproval = await answerTo(`snapshot approve ${job.id}`, approverId);
    expect(typedApproval).toContain(`To approve job ${job.id}, click Approve on its message in <#${channelId}>`);
    expect((await bot.context.jobs.get(job.id))?.state).toBe(JobState.PENDING_APPROVAL);

    await answerTo(`snapshot reject ${job.id} "wrong cluster, use staging"`, approverId);

    const rejected = await bot.context.jobs.get(job.id);
    expect(rejected?.state).toBe(JobState.REJECTED);
    expect(rejected?.history.at(-1)).toMatchObject({
      event: 'rejected',
      by: approverId,
      detail: 'wrong cluster, use staging',
    });
    const message = bot.slack.messages(channelId).find((posted) => posted.ts === job.messageTs);
    expect(readable(message?.blocks)).toContain(`:x: Rejected by <@${approverId}>: wrong cluster, use staging`);
    expect(await answerTo(`snapshot job ${job.id}`)).toContain('wrong cluster, use staging');
  });
});
