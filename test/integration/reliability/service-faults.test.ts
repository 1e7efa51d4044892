import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import type { Fault, FaultProxy, SeenRequest } from '../../rig/fault-proxy.js';
import { createIndexWithDocs, deleteIndexDirectly, indexExists, markerOf } from '../../rig/seed-indices.js';
import { itAcrossClusters } from '../bot/across-clusters.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { familyTally } from './family-tally.js';

const { requesterId, approverId, channelId } = SLACK_TEST_IDS;
const INDEX = 'svc-orders';

type Service = 'a' | 'b' | 'dynamodb' | 'slack';

/** One fault: where it strikes, which requests, what they meet, how often, and how the job must end. */
type FaultCase = {
  name: string;
  on: Service;
  match: (request: SeenRequest) => boolean;
  fault: Fault;
  times: number;
  ends: typeof JobState.SUCCEEDED | typeof JobState.FAILED;
  /** Lifts the fault after this many poller ticks (a cluster back up); never when undefined. */
  liftAfterTicks?: number;
};

const deleteOf = (index: string) => (request: SeenRequest) =>
  request.method === 'DELETE' && request.path === `/${index}`;
const tableCall = (operation: string) => (request: SeenRequest) =>
  request.headers['x-amz-target'] === `DynamoDB_20120810.${operation}`;
const slackMethod = (method: string) => (request: SeenRequest) => request.path.startsWith(`/api/${method}`);
const everything = () => true;
/** Every request from the first one `trigger` matches on: a service that goes away mid-job and stays away. */
function from(trigger: (request: SeenRequest) => boolean) {
  let started = false;
  return (request: SeenRequest) => {
    started ||= trigger(request);
    return started;
  };
}
const claimWrite = (request: SeenRequest) => tableCall('PutItem')(request) && request.body.includes('"RUNNING"');
/** Requests `match` picks after the worker's claim (the claim itself left alone). */
function afterTheClaim(match: (request: SeenRequest) => boolean) {
  let claimed = false;
  return (request: SeenRequest) => {
    if (!claimed) {
      claimed = claimWrite(request);
      return false;
    }
    return match(request);
  };
}
/** Requests `match` picks once the worker has claimed the job: the approval click went through. */
function afterClaim(match: (request: SeenRequest) => boolean) {
  const claimed = from(claimWrite);
  return (request: SeenRequest) => claimed(request) && match(request);
}

/** An error as DynamoDB answers it: its status, and the exception's name and message in the JSON body. */
function tableAnswer(status: number, exception: string, message: string): Fault {
  return {
    kind: 'answer',
    status,
    body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${exception}`, message }),
    headers: { 'content-type': 'application/x-amz-json-1.0' },
  };
}

const throttled = tableAnswer(
  400,
  'ProvisionedThroughputExceededException',
  'The level of configured provisioned throughput for the table was exceeded.',
);
const tableError = tableAnswer(500, 'InternalServerError', 'Internal error');
const writtenMeanwhile = tableAnswer(400, 'ConditionalCheckFailedException', 'The conditional request failed');
const slackRateLimited: Fault = {
  kind: 'answer',
  status: 429,
  body: JSON.stringify({ ok: false, error: 'ratelimited' }),
  headers: { 'retry-after': '1' },
};

const CASES: FaultCase[] = [
  {
    name: 'cluster slow past the timeout on the delete',
    on: 'a',
    match: deleteOf(INDEX),
    fault: { kind: 'delay', ms: 3000 },
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'table refuses a worker write as written meanwhile',
    on: 'dynamodb',
    match: afterTheClaim(tableCall('PutItem')),
    fault: writtenMeanwhile,
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'cluster 503 on the delete',
    on: 'a',
    match: deleteOf(INDEX),
    fault: answer(503),
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'cluster cut before the delete',
    on: 'a',
    match: deleteOf(INDEX),
    fault: { kind: 'drop-before' },
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'cluster cut after the delete',
    on: 'a',
    match: deleteOf(INDEX),
    fault: { kind: 'drop-after' },
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'cluster down for a while',
    on: 'a',
    match: everything,
    fault: { kind: 'drop-before' },
    times: 10_000,
    ends: 'SUCCEEDED',
    liftAfterTicks: 3,
  },
  { name: 'cluster 500 on the delete', on: 'a', match: deleteOf(INDEX), fault: answer(500), times: 1, ends: 'FAILED' },
  {
    name: 'table throttles one write',
    on: 'dynamodb',
    match: tableCall('PutItem'),
    fault: throttled,
    times: 1,
    ends: 'SUCCEEDED',
  },
  {
    name: 'table throttles past the retries',
    on: 'dynamodb',
    match: afterClaim(tableCall('PutItem')),
    fault: throttled,
    times: 6,
    ends: 'SUCCEEDED',
  },
  {
    name: 'table 500 on a read',
    on: 'dynamodb',
    match: afterClaim(tableCall('GetItem')),
    fault: tableError,
    times: 4,
    ends: 'SUCCEEDED',
  },
  {
    name: 'table unreachable for a while',
    on: 'dynamodb',
    match: from(claimWrite),
    fault: { kind: 'drop-before' },
    times: 10_000,
    ends: 'SUCCEEDED',
    liftAfterTicks: 2,
  },
  {
    name: 'Slack 429 on chat.update',
    on: 'slack',
    match: slackMethod('chat.update'),
    fault: slackRateLimited,
    times: 2,
    ends: 'SUCCEEDED',
  },
  {
    name: 'Slack 500 on chat.postMessage',
    on: 'slack',
    match: slackMethod('chat.postMessage'),
    fault: answer(500),
    times: 1,
    ends: 'SUCCEEDED',
  },
];

function answer(status: number): Fault {
  return {
    kind: 'answer',
    status,
    body: JSON.stringify({ error: { type: 'injected', reason: `injected ${status}` }, status }),
  };
}

/**
 * Given an approved deletion of one index on A, when a cluster, the table or Slack fails on the way (5xx, a cut
 * connection before or after the work, a throttle, a 429, a service down for a while), then the job ends once and as
 * it should: deleted at most once, never left half done, its message and on-call told.
 */
describe('faults of the services the bot talks to', () => {
  let bot: BotUnderTest;
  const tally = familyTally('service faults', 'ended right, deleted at most once, channel told');

  beforeAll(async () => {
    // A short request timeout, so that a slow answer outlasts it within the test.
    bot = await startBotUnderTest({ throughFaultProxies: true, clusterConfig: { request_timeout_seconds: 2 } });
  });

  afterAll(async () => {
    tally.print();
    await deleteIndexDirectly(bot.clusters.a.directUrl, INDEX);
    await bot?.close();
  });

  const proxy = (service: Service): FaultProxy => {
    const found = bot.faults?.[service];
    if (found === undefined) throw new Error('the bot runs without fault proxies');
    return found;
  };

  /** Poller ticks until the job has ended and been told; the fault is lifted after `liftAfterTicks`. */
  async function untilTold(jobId: string, faultCase: FaultCase): Promise<Job | undefined> {
    for (let tick = 0; tick < 40; tick += 1) {
      if (tick === faultCase.liftAfterTicks) proxy(faultCase.on).clear();
      try {
        return await bot.untilEnded(jobId, 1);
      } catch {
        // not ended yet, or the table did not answer this tick
      }
    }
    return undefined;
  }

  /** Given the index on A afresh, a deletion of it waiting for approval. */
  async function requestDeletion(): Promise<Job> {
    await deleteIndexDirectly(bot.clusters.a.directUrl, INDEX);
    await createIndexWithDocs(bot.clusters.a.directUrl, INDEX, { docs: 3, marker: 'svc' });
    const before = new Set((await bot.store.listActive()).map((found) => found.id));
    await bot.command(`snapshot delete-index a ${INDEX}`, requesterId);
    await bot.tasks.idle();
    const job = (await bot.store.listActive()).find((found) => !before.has(found.id));
    if (job === undefined) throw new Error('the request made no job');
    return job;
  }

  async function deletionMeeting(faultCase: FaultCase) {
    const job = await requestDeletion();
    const from = bot.clusters.a.gateway.requests.length;
    const struckBefore = proxy(faultCase.on).struck;
    proxy(faultCase.on).strike(faultCase.match, faultCase.fault, faultCase.times);
    await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    const ended = await untilTold(job.id, faultCase);
    proxy(faultCase.on).clear();
    const deletes = bot.clusters.a.gateway.requests
      .slice(from)
      .filter((request) => request.method === 'DELETE' && request.path === `/${INDEX}` && request.status === 200);
    const inChannel = bot.slack.messages(channelId);
    const shown = inChannel.find((message) => message.ts === job.messageTs)?.text ?? '';
    const replies = inChannel.filter((message) => message.thread_ts === job.messageTs).length;
    const stored = await bot.store.get(job.id);
    return {
      state: ended?.state ?? stored?.state,
      steps: stored?.steps.map((step) => `${step.name}:${step.status}`).join(' '),
      struck: proxy(faultCase.on).struck - struckBefore,
      deletes: deletes.length,
      indexLeft: await indexExists(bot.clusters.a.directUrl, INDEX),
      shown,
      replies,
    };
  }

  it('ends every deletion once and as it should, whatever fails on the way', async () => {
    const wrong: string[] = [];
    for (const faultCase of CASES) {
      const run = await deletionMeeting(faultCase);
      const succeeded = faultCase.ends === JobState.SUCCEEDED;
      const right =
        run.struck > 0 &&
        run.state === faultCase.ends &&
        run.deletes <= 1 &&
        run.indexLeft === !succeeded &&
        run.shown.endsWith(succeeded ? ': Succeeded' : ': Failed') &&
        run.replies >= 1;
      tally.record(right);
      if (!right) {
        wrong.push(`${faultCase.name}: ${JSON.stringify(run)}`);
        process.stdout.write(`wrong: ${wrong.at(-1)}\n`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  itAcrossClusters(
    'restores once when the gateway answers the restore with 504 and B cuts the delete before it',
    async () => {
      for (const cluster of ['a', 'b'] as const) await deleteIndexDirectly(bot.clusters[cluster].directUrl, 'svc-m-1');
      await createIndexWithDocs(bot.clusters.a.directUrl, 'svc-m-1', { docs: 9, marker: 'from-a' });
      await createIndexWithDocs(bot.clusters.b.directUrl, 'svc-m-1', { docs: 2, marker: 'old-b' });
      await bot.command('snapshot migrate a b indices=svc-m-* replace', requesterId);
      await bot.tasks.idle();
      const job = (await bot.store.listActive()).find((found) => found.kind === 'migrate');
      if (job === undefined) throw new Error('the migration made no job');
      const from = bot.clusters.b.gateway.requests.length;
      proxy('b').strike(deleteOf('svc-m-1'), { kind: 'drop-after' });
      bot.clusters.b.gateway.answerNextWith504('restore');

      await bot.click(job, 'approve', approverId);
      const ended = await bot.untilEnded(job.id);

      const onB = bot.clusters.b.gateway.requests.slice(from);
      const right =
        ended.state === JobState.SUCCEEDED &&
        onB.filter((request) => request.method === 'POST' && request.path.endsWith('/_restore')).length === 1 &&
        onB.filter((request) => request.method === 'DELETE' && request.status === 200).length === 1 &&
        (await markerOf(bot.clusters.b.directUrl, 'svc-m-1')) === 'from-a';
      tally.record(right);
      expect(right).toBe(true);
      await deleteIndexDirectly(bot.clusters.b.directUrl, 'svc-m-1');
    },
    120_000,
  );

  it('answers an approval the table could not record, and takes the next one', async () => {
    const job = await requestDeletion();
    proxy('dynamodb').strike(everything, { kind: 'drop-before' }, 10_000);

    const failed = await bot.click(job, 'approve', approverId);
    await bot.tasks.idle();
    proxy('dynamodb').clear();
    const waiting = await bot.store.get(job.id);
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    expect(bot.responsesTo(failed.responseId).map((post) => post.body.text)).toEqual([
      expect.stringMatching(/^:warning: Something went wrong on our side \(reference `\w+`\)/),
    ]);
    expect(waiting?.state).toBe(JobState.PENDING_APPROVAL);
    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await indexExists(bot.clusters.a.directUrl, INDEX)).toBe(false);
  }, 120_000);
});
