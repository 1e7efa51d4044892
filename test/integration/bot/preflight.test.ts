import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { type Engine, engineLabel } from '../../../src/local/engines/engine.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, deleteIndexDirectly } from '../../rig/seed-indices.js';
import { waitUntil } from '../../rig/wait-until.js';
import { itAcrossClusters } from './across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';
import { readable } from './channel-and-clusters.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;

const WATERMARKS = [
  'cluster.routing.allocation.disk.threshold_enabled',
  'cluster.routing.allocation.disk.watermark.low',
  'cluster.routing.allocation.disk.watermark.high',
  'cluster.routing.allocation.disk.watermark.flood_stage',
];

/** Sets persistent cluster settings straight on a cluster (a fixture, not the product); `null` resets one. */
async function putClusterSettings(clusterUrl: string, persistent: Record<string, unknown>): Promise<void> {
  const response = await fetch(new URL('/_cluster/settings', clusterUrl), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persistent }),
  });
  if (!response.ok) throw new Error(`PUT _cluster/settings: ${response.status} ${await response.text()}`);
}

async function diskTotalBytes(clusterUrl: string): Promise<number> {
  const response = await fetch(new URL('/_cat/allocation?bytes=b&format=json', clusterUrl));
  const rows = (await response.json()) as Array<{ node: string; 'disk.total'?: string }>;
  return Math.max(...rows.map((row) => Number(row['disk.total'] ?? 0)));
}

/**
 * The preflight, through the bot: given an index on B and a snapshot of it (and an index on A), when a restore or
 * a migration is asked for, then the approval message carries one ✓ line per check, or the request is refused
 * with the line that failed and what to do, and no job waits for approval.
 */
/** `GET /` as an engine of that release answers it: Elasticsearch names no distribution. */
function rootAnswerOf(engine: Engine) {
  const opensearch = engine.distribution === 'opensearch';
  return {
    name: 'b',
    cluster_name: 'b',
    version: { ...(opensearch ? { distribution: 'opensearch' } : {}), number: engine.version },
    tagline: opensearch ? 'The OpenSearch Project: https://opensearch.org/' : 'You Know, for Search',
  };
}

describe('the preflight before an approval', () => {
  const { engines } = inject('rig');
  const labels = { a: engineLabel(engines.a), b: engineLabel(engines.b) };
  let bot: BotUnderTest;
  const run = randomBytes(3).toString('hex');
  const onB = `pf-${run}-orders`;
  const onA = `pf-${run}-events`;
  const snapshot = `pf-${run}-snap`;
  const made = new Set<string>([onB, onA]);

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const b = bot.clusters.b;
    await createIndexWithDocs(b.directUrl, onB, { docs: 30, marker: 'on-b' });
    await createIndexWithDocs(bot.clusters.a.directUrl, onA, { docs: 12, marker: 'on-a' });
    const definition = bot.context.config.clusters.get('b')?.defaultRepository;
    if (definition === undefined) throw new Error('cluster b has no default repository');
    const repository = definition.name;
    await b.client.registerRepository(definition);
    await b.client.createSnapshot({ repository, snapshot, indices: [onB], jobId: `pf-${run}` });
    await waitUntil(
      `snapshot ${snapshot} to end`,
      async () => ((await b.client.getSnapshot(repository, snapshot)).state === 'SUCCESS' ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  });

  afterAll(async () => {
    const removals = [...made].flatMap((index) => [
      deleteIndexDirectly(bot.clusters.a.directUrl, index),
      deleteIndexDirectly(bot.clusters.b.directUrl, index),
    ]);
    await Promise.all(removals);
    // A migration registers the repository read-only on B: B takes it back as its writer to delete its snapshot.
    const definition = bot.context.config.clusters.get('b')?.defaultRepository;
    if (definition !== undefined) await bot.clusters.b.client.registerRepository(definition);
    await bot.clusters.b.client.deleteSnapshot(bot.repository, snapshot);
    await bot?.close();
  });

  function channelMessage(ts: string | undefined) {
    return bot.slack.messages(channelId).find((message) => message.ts === ts);
  }

  /** Types the command; returns what the requester was told, and the jobs waiting for approval then. */
  async function request(text: string) {
    const { responseId } = await bot.command(text, requesterId);
    await bot.tasks.idle();
    const pending = (await bot.context.jobs.listActive()).filter((job) => job.state === JobState.PENDING_APPROVAL);
    return { reply: readable(bot.responsesTo(responseId)[0]?.body), pending };
  }

  /** Rejects the job so that it waits no longer; the message it posted stays as it was first shown. */
  async function rejectAll() {
    for (const job of await bot.context.jobs.listActive()) await bot.click(job, 'reject', approverId);
    await bot.tasks.idle();
  }

  it('shows a ✓ line for every check on the approval message of a restore that passes', async () => {
    // Prepare
    made.add(`${onB}-copy`);

    // Act
    const { pending } = await request(
      `snapshot restore b ${bot.repository} ${snapshot} indices=${onB} rename=(.+):$1-copy`,
    );
    const shown = channelMessage(pending[0]?.messageTs)?.blocks;
    const approval = readable(shown);
    const buttons = JSON.stringify(shown);
    await rejectAll();

    // Assess
    expect(pending).toHaveLength(1);
    expect(approval).toContain('*Preflight*');
    expect(approval).toMatch(new RegExp(`✓ repository \`${bot.repository}\` is readable on the target \\(1 node\\)`));
    expect(approval).toContain(`✓ ${labels.b} reads indices written by ${labels.b}`);
    expect(approval).toContain('✓ no index of the target name exists on the target');
    expect(approval).toMatch(
      /✓ disk: needs \d+(\.\d)? [KM]?B, .* free( under the high watermark \(.*\))? on 1 data node/,
    );
    expect(approval).toMatch(/✓ shards: adds 2 shards to \d+, limit 1,000/);
    expect(approval).not.toContain('✗');
    expect(buttons).toContain('job.approve');
  });

  it('names a closed target that `replace` deletes first', async () => {
    // Prepare: B's own index, closed after its snapshot; the request is rejected, so it stays.
    await fetch(new URL(`/${onB}/_close`, bot.clusters.b.directUrl), { method: 'POST' });

    // Act
    const { pending } = await request(`snapshot restore b ${bot.repository} ${snapshot} indices=${onB} replace`);
    const approval = readable(channelMessage(pending[0]?.messageTs)?.blocks);
    await rejectAll();

    // Assess
    expect(approval).toContain(`✓ \`${onB}\` exists on the target and is deleted first (closed: \`${onB}\`)`);
  });

  it('refuses a restore that cannot fit under B’s high watermark, and creates no job', async () => {
    // Prepare: absolute watermarks that keep B's whole disk free, so that nothing fits; put back after the test.
    const b = bot.clusters.b.directUrl;
    const total = await diskTotalBytes(b);
    onTestFinished(() => putClusterSettings(b, Object.fromEntries(WATERMARKS.map((key) => [key, null]))));
    await putClusterSettings(b, {
      'cluster.routing.allocation.disk.threshold_enabled': true,
      'cluster.routing.allocation.disk.watermark.low': `${total}b`,
      'cluster.routing.allocation.disk.watermark.high': `${total}b`,
      'cluster.routing.allocation.disk.watermark.flood_stage': '1b',
    });
    // B is one data node, and OpenSearch ignores the watermarks of a lone data node unless the node setting
    // `enable_for_single_data_node` is true; it cannot be set on a running node, so the gateway in front of B
    // answers `_cluster/settings` as B does, with that one node setting as a cluster of several nodes has it.
    const answer = await fetch(new URL('/_cluster/settings?include_defaults=true&flat_settings=true', b));
    const settings = (await answer.json()) as { defaults: Record<string, unknown> };
    const asOnSeveralNodes = {
      ...settings,
      defaults: {
        ...settings.defaults,
        'cluster.routing.allocation.disk.watermark.enable_for_single_data_node': 'true',
      },
    };
    onTestFinished(bot.clusters.b.gateway.answerInstead('GET', '/_cluster/settings', asOnSeveralNodes));

    // Act
    const { reply, pending } = await request(
      `snapshot restore b ${bot.repository} ${snapshot} indices=${onB} rename=(.+):$1-full`,
    );

    // Assess
    expect(pending).toHaveLength(0);
    expect(reply).toContain('the preflight refuses this request: Restore on b would fail');
    expect(reply).toMatch(
      new RegExp(`✗ not enough disk: needs .*, 0 B free under the high watermark \\(${total}b\\) on 1 data node`),
    );
    expect(reply).toContain('Free space on the target, add nodes, or restore fewer indices.');
    expect(reply).toContain(`✓ ${labels.b} reads indices written by ${labels.b}`);
  });

  it('refuses a restore of a snapshot from a newer version than B runs, and creates no job', async () => {
    // Prepare: the gateway in front of B says B runs the first release of its own line (GET / is all the
    // preflight asks about B's version); the snapshot, taken on B's real release, is then from a newer version.
    const older = { ...engines.b, version: `${Number.parseInt(engines.b.version, 10)}.0.0` };
    const restoreAnswer = bot.clusters.b.gateway.answerInstead('GET', '/', rootAnswerOf(older));
    onTestFinished(restoreAnswer);

    // Act
    const { reply, pending } = await request(
      `snapshot restore b ${bot.repository} ${snapshot} indices=${onB} rename=(.+):$1-older`,
    );

    // Assess
    expect(pending).toHaveLength(0);
    expect(reply).toContain(
      `✗ \`${onB}\` comes from ${labels.b}, newer than the target's ${engineLabel(older)} — A snapshot never restores into an older version: upgrade the target first.`,
    );
  });

  // Last: A writes its snapshot into the repository B's snapshot is in, and an engine older or other than B's may
  // rewrite that repository's index without B's snapshot (only one cluster should write a repository).
  itAcrossClusters('shows the ✓ lines of a migration that passes, and runs it once approved', async () => {
    // Act
    const { pending } = await request(`snapshot migrate a b indices=${onA}`);
    const [job] = pending;
    if (job === undefined) throw new Error('the migration is not waiting for approval');
    const approval = readable(channelMessage(job.messageTs)?.blocks);
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    // Assess
    expect(approval).toContain('*Preflight*');
    expect(approval).toContain(`✓ repository \`${bot.repository}\` is registered on the target by this plan`);
    expect(approval).toContain(`✓ ${labels.b} reads indices written by ${labels.a}`);
    expect(approval).toContain('✓ the indices bring no alias to the target');
    // A 0-replica index on A brings one copy of its one shard.
    expect(approval).toMatch(/✓ shards: adds 1 shard to \d+, limit 1,000/);
    expect(approval).not.toContain('✗');
    expect(ended.state).toBe(JobState.SUCCEEDED);
  });
});
