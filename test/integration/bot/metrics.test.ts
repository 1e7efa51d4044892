import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobState } from '../../../src/core/jobs/job-states.js';
import type { MetricPoint } from '../../../src/core/metrics/job-metrics.js';
import { SLACK_TEST_IDS } from '../../fixtures/slack/slack-ids.js';
import { createIndexWithDocs, deleteIndexDirectly, indexExists } from '../../rig/seed-indices.js';
import { capturedLog } from '../reliability/captured-log.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const { approverId } = SLACK_TEST_IDS;

/**
 * What an operator alarms on, as `npm start` logs it and the Lambda functions send it to CloudWatch: the counts of
 * requested, approved and ended jobs by kind, how long steps and approvals took, and cluster errors by code.
 */
describe('the metrics a job leaves', () => {
  let bot: BotUnderTest;
  const log = capturedLog();
  const index = `metrics-${randomBytes(3).toString('hex')}`;

  function metrics(): string[] {
    return log.lines
      .filter((line) => line.msg === 'metric')
      .map((line) => {
        const point = line.metric as MetricPoint;
        return `${point.name}${JSON.stringify(point.dimensions)}`;
      });
  }

  beforeAll(async () => {
    bot = await startBotUnderTest({ logger: log.logger });
    await createIndexWithDocs(bot.clusters.a.directUrl, index, { docs: 3 });
  });

  afterAll(async () => {
    await deleteIndexDirectly(bot.clusters.a.directUrl, index);
    await bot?.close();
  });

  it('counts an approved deletion from its request to its success, with its step and approval times', async () => {
    const job = await bot.requestJob(`snapshot delete-index a ${index}`);
    await bot.click(job, 'approve', approverId);
    const ended = await bot.untilEnded(job.id);

    expect(ended.state).toBe(JobState.SUCCEEDED);
    expect(await indexExists(bot.clusters.a.directUrl, index)).toBe(false);
    expect(metrics()).toEqual(
      expect.arrayContaining([
        'JobsRequested{}',
        'JobsRequested{"kind":"index-delete"}',
        'JobsApproved{"kind":"index-delete"}',
        'ApprovalLatency{"kind":"index-delete"}',
        'JobsSucceeded{}',
        'JobsSucceeded{"kind":"index-delete"}',
        'StepDuration{"kind":"index-delete","step":"delete-indices"}',
      ]),
    );
  });

  it("counts a cluster's refusal by cluster and code, and the failed job", async () => {
    const job = await bot.requestJob(`snapshot repo register a bad-${randomBytes(2).toString('hex')} location=/etc`);
    const ended = await bot.untilEnded(job.id);

    expect(ended.state).toBe(JobState.FAILED);
    expect(metrics()).toEqual(
      expect.arrayContaining([
        'ClusterErrors{"cluster":"a","code":"cluster_request_failed"}',
        'JobsFailed{}',
        'JobsFailed{"kind":"repo-register"}',
      ]),
    );
  });
});
