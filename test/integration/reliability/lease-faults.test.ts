import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/jobs/job.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { JobStore } from '../../../src/ports/job-store.js';
import { pollActiveJobs } from '../../../src/usecases/poll-active-jobs.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, deleteIndexDirectly } from '../../rig/seed-indices.js';
import { type BotUnderTest, startBotUnderTest } from '../bot/bot-under-test.js';
import { capturedLog } from './captured-log.js';
import { familyTally } from './family-tally.js';

const { requesterId, approverId } = SLACK_TEST_IDS;
const INDEX = 'lease-orders';

/** What losing touch with DynamoDB looks like from inside one worker: every call fails, the table is fine. */
function partitionableStore(store: JobStore) {
  let partitioned = false;
  const through = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (partitioned) return Promise.reject(new Error('connect ETIMEDOUT dynamodb'));
        return value.apply(target, args);
      };
    },
  });
  return {
    store: through,
    partition: () => {
      partitioned = true;
    },
    heal: () => {
      partitioned = false;
    },
  };
}

describe('a worker that loses its lease in the middle of a step', () => {
  let bot: BotUnderTest;
  let table: ReturnType<typeof partitionableStore>;
  const log = capturedLog();
  const tally = familyTally('lease faults', 'deleted once, ended once, the loser stopped without acting');

  beforeAll(async () => {
    bot = await startBotUnderTest({
      logger: log.logger,
      jobStoreThrough: (store) => {
        table = partitionableStore(store);
        return table.store;
      },
    });
  });

  afterAll(async () => {
    tally.print();
    await bot?.close();
  });

  it.each([
    { title: 'while it still cannot reach the table', healed: false, reason: 'unconfirmed' },
    { title: 'once it reaches the table again', healed: true, reason: 'taken' },
  ])(
    'stops without acting when its answer comes back after another worker finished the job, $title',
    async ({ healed, reason }) => {
      // Prepare: an approved deletion of an index on A, whose worker's read before the DELETE is held at the gateway
      await deleteIndexDirectly(bot.clusters.a.directUrl, INDEX);
      await createIndexWithDocs(bot.clusters.a.directUrl, INDEX, { docs: 5, marker: 'from-a' });
      await bot.command(`snapshot delete-index a ${INDEX}`, requesterId);
      const job = await bot.onlyActiveJob();
      const gateway = bot.clusters.a.gateway;
      const from = gateway.requests.length;
      const held = gateway.holdNextAnswer('GET', `/_cat/indices/${INDEX}`);
      await bot.click(job, 'approve', approverId);
      await held.arrived;

      // Act: worker 1 loses touch with the table and its lease runs out; worker 2 takes the job and finishes it
      table.partition();
      bot.clock.advance(bot.context.leaseMs + 1000);
      const second = { ...bot.context, jobs: bot.store, workerId: 'worker-second' };
      await pollActiveJobs(second);
      const finished = (await bot.store.get(job.id)) as Job;
      if (healed) table.heal();
      held.release();
      await bot.tasks.idle();
      table.heal();

      // Assess
      const deletes = gateway.requests
        .slice(from)
        .filter((request) => request.method === 'DELETE' && request.path === `/${INDEX}`);
      const ok = deletes.filter((request) => request.status >= 200 && request.status < 300);
      const stored = (await bot.store.get(job.id)) as Job;
      const warning = log.lines.find(
        (line) => line.msg === 'lease lost; stopping without acting' && line.jobId === job.id,
      );
      const endings = stored.history.filter((entry) => entry.event === 'succeeded');
      const right =
        ok.length === 1 &&
        deletes.length === 1 &&
        stored.state === JobState.SUCCEEDED &&
        endings.length === 1 &&
        finished.version === stored.version &&
        warning?.reason === reason;
      tally.record(right);
      expect({ deletes: deletes.length, ok: ok.length, state: stored.state, endings: endings.length }).toEqual({
        deletes: 1,
        ok: 1,
        state: JobState.SUCCEEDED,
        endings: 1,
      });
      expect(stored).toEqual(finished);
      expect(warning).toMatchObject({
        level: 40,
        jobId: job.id,
        cluster: 'a',
        step: 'delete-indices',
        owner: bot.context.workerId,
        reason,
      });
      expect(log.errors()).toEqual([]);
    },
  );
});
