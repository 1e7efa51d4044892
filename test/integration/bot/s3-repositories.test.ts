import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { RIG_BUCKET, RIG_IAM } from '../../rig/gateway-clusters.js';
import { createIndexWithDocs, snapshotOnCluster } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable, removeFromBothClusters } from './channel-and-clusters.js';

const { requesterId, channelId } = SLACK_TEST_IDS;

/**
 * The bot's s3 repositories as the managed service takes them, through the real handler and the gateway: the
 * registration the bot sends in production, the service's refusals as the operator reads them, and a default
 * repository that points elsewhere than the config says.
 */
describe('s3 repositories, as the managed service takes them', () => {
  let bot: BotUnderTest;
  const tag = `s3${randomBytes(3).toString('hex')}`;
  const indicesMade = new Set<string>([`${tag}-logs`]);

  beforeAll(async () => {
    bot = await startBotUnderTest();
    await createIndexWithDocs(bot.clusters.a.directUrl, `${tag}-logs`, { docs: 3 });
  });

  afterAll(async () => {
    await removeFromBothClusters(bot, indicesMade);
    await bot?.close();
  });

  /** Types the command and returns what the asker was answered and what the channel shows, as text. */
  async function shownFor(text: string): Promise<string> {
    const { responseId, body } = await bot.command(text, requesterId);
    await bot.tasks.idle();
    const posts = bot.responsesTo(responseId).map((post) => post.body);
    const channel = bot.slack.messages(channelId).map((message) => readable(message.blocks));
    const threads = bot.slack.messages(channelId).map((message) => message.text ?? '');
    return [body, ...posts]
      .map((answer) => readable(answer === undefined ? [] : [answer]))
      .concat(channel, threads)
      .join('\n');
  }

  function puts(alias: 'a' | 'b', repository: string): number {
    return bot.clusters[alias].gateway.requests.filter(
      (request) => request.method === 'PUT' && request.path === `/_snapshot/${repository}`,
    ).length;
  }

  it('registers an s3 repository with the settings given, and lists it as the service answers', async () => {
    const repository = `${tag}-given`;
    const settings = `bucket=${RIG_BUCKET} region=ap-northeast-1 role_arn=${RIG_IAM.snapshotRoleArn} base_path=${tag}/given`;

    const shown = await shownFor(`snapshot repo register a ${repository} ${settings}`);

    expect(shown, shown).not.toContain(':warning:');
    const listed = (await bot.clusters.a.client.listRepositories()).find(({ name }) => name === repository);
    expect(listed).toEqual({
      name: repository,
      type: 's3',
      settings: {
        bucket: RIG_BUCKET,
        region: 'ap-northeast-1',
        role_arn: RIG_IAM.snapshotRoleArn,
        base_path: `${tag}/given`,
      },
    });
    const repos = await shownFor('snapshot repos a');
    expect(repos).toContain(repository);
    expect(repos).not.toContain('s3-buckets');
  });

  it("shows the service's iam:PassRole refusal and what to allow", async () => {
    const repository = `${tag}-not-ours`;

    const shown = await shownFor(`snapshot repo register a ${repository} role_arn=${RIG_IAM.otherRoleArn}`);

    expect(shown).toContain(
      `a: access denied: User: ${RIG_IAM.callerArn} is not authorized to perform: iam:PassRole on resource: ${RIG_IAM.otherRoleArn}`,
    );
    expect(shown).toContain(
      "Allow iam:PassRole on the snapshot role (the repository's role_arn) for the bot's IAM role.",
    );
    expect((await bot.clusters.a.client.listRepositories()).some(({ name }) => name === repository)).toBe(false);
  });

  it.each([
    [
      'a malformed role_arn',
      'role_arn=arn:aws:iam::1:role/x',
      'an IAM role ARN like arn:aws:iam::123456789012:role/Name',
    ],
    ['a cs- name', '', 'repository names starting with "cs-" are reserved'],
  ])('refuses %s itself, before the service sees it', async (_case, settings, told) => {
    const repository = settings === '' ? `cs-${tag}` : `${tag}-malformed`;
    const before = puts('a', repository);

    const shown = await shownFor(`snapshot repo register a ${repository} ${settings}`);

    expect(shown).toContain(told);
    expect(puts('a', repository)).toBe(before);
  });

  it('ends a snapshot before anything is changed when the default repository points elsewhere', async () => {
    // Prepare: someone re-pointed the default repository on A at another base path, outside the bot.
    const configured = bot.context.config.clusters.get('a')?.defaultRepository;
    if (configured?.type !== 's3') throw new Error('the bot under test has an s3 default repository');
    const elsewhere = { ...configured, settings: { ...configured.settings, base_path: `${tag}/elsewhere` } };
    await bot.clusters.a.client.registerRepository(elsewhere);
    const before = puts('a', configured.name);

    // Act
    await shownFor(`snapshot create a ${configured.name} ${tag}-snap indices=${tag}-logs`);
    const [job] = (await bot.context.jobs.listRequestedBy(requesterId, 10)).filter(
      (entry) => entry.plan.kind === 'snapshot-create' && entry.plan.snapshot === `${tag}-snap`,
    );
    const ended = job === undefined ? undefined : await bot.untilEnded(job.id);

    // Assess
    expect(ended?.state).toBe(JobState.FAILED);
    const detail = ended?.steps[0]?.detail ?? '';
    expect(detail).toContain(
      `repository ${configured.name} on a is registered otherwise (base_path: "${tag}/elsewhere" there, "${configured.settings.base_path}" for this job), so nothing was changed`,
    );
    expect(detail).toContain(`/es snapshot repo register a ${configured.name}`);
    expect(puts('a', configured.name)).toBe(before);
    expect(await snapshotOnCluster(bot.clusters.a.directUrl, configured.name, `${tag}-snap`)).toBeUndefined();
    const listed = (await bot.clusters.a.client.listRepositories()).find(({ name }) => name === configured.name);
    expect(listed?.settings.base_path).toBe(`${tag}/elsewhere`);
  });
});

describe('an s3 default repository the service refuses', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    // A config that leaves region out: the bot cannot know the bucket's region, only the service refuses it.
    const name = `s3nr${randomBytes(3).toString('hex')}`;
    const settings = { bucket: RIG_BUCKET, role_arn: RIG_IAM.snapshotRoleArn, base_path: name };
    bot = await startBotUnderTest({ clusterConfig: { default_repository: { name, type: 's3', settings } } });
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("shows the service's reason and what to check", async () => {
    const { responseId, body } = await bot.command(
      `snapshot repo register a ${bot.context.config.clusters.get('a')?.defaultRepository?.name}`,
    );
    await bot.tasks.idle();
    const answers = [body, ...bot.responsesTo(responseId).map((post) => post.body)];
    const channel = bot.slack
      .messages(channelId)
      .map((message) => `${readable(message.blocks)}\n${message.text ?? ''}`);
    const shown = [...answers.map((answer) => readable(answer === undefined ? [] : [answer])), ...channel].join('\n');

    expect(shown).toContain('a: http_400: Missing required settings for an s3 repository: region.');
    expect(shown).toContain("check the values in the command and the cluster's default_repository in the config");
  });
});
