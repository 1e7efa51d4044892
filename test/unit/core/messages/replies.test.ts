import { describe, expect, it } from 'vitest';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { approve, claim, expire, finish, requestCancel, stop } from '../../../../src/core/jobs/transitions.js';
import { textMessage } from '../../../../src/core/messages/blocks.js';
import { mentionOf, outcomeMessage } from '../../../../src/core/messages/outcome-message.js';
import { MAX_LISTED_IN_DETAIL } from '../../../../src/core/messages/plan-lines.js';
import {
  clustersReply,
  jobDetailReply,
  jobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
} from '../../../../src/core/messages/query-replies.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW, plannedIndex } from '../../../fixtures/plans.js';

const en = catalogFor('en');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const text = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

function endedJob(state: 'SUCCEEDED' | 'PARTIAL' | 'FAILED', detail: string) {
  const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
  return finish(running, state, later(5), detail);
}

describe('outcomeMessage', () => {
  it('says how long a successful job ran and mentions on-call', () => {
    const message = outcomeMessage(endedJob(JobState.SUCCEEDED, 'all steps done'), en, {
      users: ['U0ONCALL'],
      groups: ['S0SRE'],
    });

    expect(message.text).toBe(':white_check_mark: Restore succeeded in 3 m.\n<!subteam^S0SRE> <@U0ONCALL>');
  });

  it.each([
    [
      JobState.PARTIAL,
      'PARTIAL: 1 of 2 shards failed',
      ':large_orange_diamond: Restore partly succeeded: PARTIAL: 1 of 2 shards failed',
    ],
    [JobState.FAILED, 'no such index', ':x: Restore failed: no such index'],
  ] as const)('names the reason of a %s job', (state, detail, expected) => {
    expect(outcomeMessage(endedJob(state, detail), en, { users: [], groups: [] }).text).toBe(expected);
  });

  it('tells on-call that a running job was cancelled, by whom and what the stop did, not that it failed', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
    const stopped = stop(requestCancel(running, 'U0SECOND', later(3)), later(4), 'stopped before “Start the restore”');

    expect(outcomeMessage(stopped, en, { users: ['U0ONCALL'], groups: [] }).text).toBe(
      ':no_entry_sign: Restore cancelled by <@U0SECOND>: stopped before “Start the restore”\n<@U0ONCALL>',
    );
    expect(outcomeMessage({ ...stopped, cancelRequest: undefined }, en, { users: [], groups: [] }).text).toContain(
      'cancelled by <@?>',
    );
  });

  it('reads a job that never started as taking no time', () => {
    const job = { ...buildRequestedJob(), state: JobState.SUCCEEDED };

    expect(outcomeMessage(job, en, { users: [], groups: [] }).text).toContain('in 0 s');
  });

  it('mentions nobody when on-call is not configured', () => {
    expect(mentionOf({ users: [], groups: [] })).toBe('');
  });

  it('falls back to an empty reason when the history is empty', () => {
    const job = { ...endedJob(JobState.FAILED, 'x'), history: [] };

    expect(outcomeMessage(job, en, { users: [], groups: [] }).text).toBe(':x: Restore failed: ');
  });
});

describe('query replies', () => {
  it('shows each cluster with its health, or what went wrong', () => {
    const reply = clustersReply(
      [
        {
          alias: 'a',
          endpoint: 'http://a',
          defaultRepository: 'migration',
          answer: {
            info: { name: 'a', distribution: 'opensearch', version: '2.19.5' },
            health: { status: 'green', nodes: 3, activeShards: 9 },
          },
        },
        {
          alias: 'b',
          endpoint: 'http://b',
          defaultRepository: undefined,
          answer: { error: 'b: cluster did not answer (ECONNREFUSED)' },
        },
        {
          alias: 'c',
          endpoint: 'http://c',
          defaultRepository: undefined,
          answer: {
            info: { name: 'c', distribution: 'elasticsearch', version: '6.8.0' },
            health: { status: 'red', nodes: 1, activeShards: 0 },
          },
        },
      ],
      en,
    );

    expect(text(reply)).toContain(
      ':large_green_circle: *a* — opensearch 2.19.5, green, 3 nodes, default repository `migration`',
    );
    expect(text(reply)).toContain(':warning: *b* — b: cluster did not answer (ECONNREFUSED)');
    expect(text(reply)).toContain(':red_circle: *c* — elasticsearch 6.8.0, red, 1 node, no default repository');
  });

  it('lists repositories and marks the automated one', () => {
    const reply = repositoriesReply(
      'a',
      [
        { name: 'cs-automated', type: 's3', settings: {} },
        { name: 'migration', type: 's3', settings: { bucket: 'snaps' } },
        { name: 'local', type: 'fs', settings: { location: '/snapshots' } },
      ],
      en,
    );

    expect(text(reply)).toContain('`cs-automated` — s3  (automated snapshots: list and restore only)');
    expect(text(reply)).toContain('`migration` — s3 snaps');
    expect(text(reply)).toContain('`local` — fs /snapshots');
    expect(text(repositoriesReply('a', [], en))).toContain('No repository is registered.');
  });

  it('lists snapshots with state, size of the work and times', () => {
    const reply = snapshotListReply(
      'a',
      'migration',
      [
        {
          snapshot: 'n2',
          state: 'IN_PROGRESS',
          startTime: later(0),
          endTime: undefined,
          indexCount: 3,
          shards: { total: 6, successful: 2, failed: 0 },
        },
        {
          snapshot: 'n1',
          state: 'SUCCESS',
          startTime: undefined,
          endTime: undefined,
          indexCount: 1,
          shards: { total: 1, successful: 1, failed: 0 },
        },
        {
          snapshot: 'n0',
          state: 'SUCCESS',
          startTime: later(-10),
          endTime: later(-7),
          indexCount: 1,
          shards: { total: 1, successful: 1, failed: 0 },
        },
      ],
      en,
    );

    expect(reply.text).toBe('Snapshots in migration on a (newest first)');
    expect(text(reply)).toContain('`n2` — *IN_PROGRESS* · 3 indices · 2/6 shards · <!date^');
    expect(text(reply)).toContain('`n1` — *SUCCESS* · 1 index · 1/1 shard');
    expect(text(reply)).toContain('· 3 m');
    expect(text(snapshotListReply('a', 'm', [], en))).toContain('No snapshots yet.');
  });

  it('shows a snapshot with its progress while it runs and its failures', () => {
    const detail = {
      repository: 'migration',
      snapshot: 'n1',
      uuid: 'u',
      state: 'IN_PROGRESS' as const,
      indices: ['logs-1'],
      startTime: later(0),
      endTime: later(2),
      shards: { total: 2, successful: 1, failed: 1 },
      failures: [{ index: 'logs-1', shardId: undefined, reason: 'node left' }],
      metadata: {},
    };
    const progress = {
      repository: 'migration',
      snapshot: 'n1',
      state: 'STARTED',
      shardsDone: 1,
      shardsFailed: 0,
      shardsTotal: 2,
      bytesDone: 500,
      bytesTotal: 1000,
      percent: 50,
    };

    const running = snapshotStatusReply('a', detail, progress, en);
    const finished = snapshotStatusReply('a', { ...detail, startTime: undefined, endTime: undefined }, undefined, en);

    expect(text(running)).toContain('50% · 500 B of 1.0 KB');
    expect(text(running)).toContain('*Took:* 2 m');
    expect(text(running)).toContain(':x: logs-1[?]: node left');
    expect(text(finished)).not.toContain('*Started:*');
  });

  it('lists jobs with their state as a person sees it', () => {
    const reply = jobsReply([buildRequestedJob()], 'Active jobs', en, later(31));

    expect(text(reply)).toContain('`job00001` — Restore on b · *Expired* · <@U0REQUESTER>');
    expect(text(jobsReply([], 'Your jobs', en, NOW))).toContain('No jobs.');
  });

  it('shows a job with its steps, its history with who and when, and every index up to the detail limit', () => {
    const indices = Array.from({ length: MAX_LISTED_IN_DETAIL + 2 }, (_, position) => plannedIndex(`old-${position}`));
    const job = claim(
      approve(
        buildRequestedJob({ kind: 'index-delete', cluster: 'b', indices, leftOut: [], patterns: ['old-*'] }),
        'U0APPROVER',
        later(1),
      ),
      'worker-1',
      later(2),
      60_000,
      'token-1',
    );
    const withStep = {
      ...job,
      steps: job.steps.map((step) => ({
        ...step,
        status: 'done' as const,
        startedAt: later(2).toISOString(),
        endedAt: later(3).toISOString(),
        detail: 'deleted',
      })),
    };

    const reply = jobDetailReply(withStep, en, later(3));

    expect(reply.text).toBe('Job job00001: Index deletion on b, Running');
    expect(text(reply)).toContain('old-149');
    expect(text(reply)).toContain('…and 2 more, kept in the job record');
    expect(text(reply)).toContain('Delete the indices (b): *done* · <!date^');
    expect(text(reply)).toContain('*approved* by <@U0APPROVER> — 1 of 1');
    expect(text(reply)).toContain('*started* by <@worker-1>');
    expect(text(jobDetailReply(buildRequestedJob(), en, NOW))).toContain('Delete the indices (b): *pending*');
    const expired = expire(buildRequestedJob(), later(31));
    expect(text(jobDetailReply(expired, en, later(31)))).toMatch(/\*expired\* — not approved by 2026-11-24T09:30/);
    const storedBefore = {
      ...expired,
      history: [{ at: NOW.toISOString(), event: 'expired', by: undefined, detail: 'not approved by then' }],
    };
    expect(text(jobDetailReply(storedBefore, en, later(31)))).toContain('*expired* — not approved by then');
    const silent = {
      ...expired,
      history: [{ at: NOW.toISOString(), event: 'noted', by: undefined, detail: undefined }],
    };
    expect(text(jobDetailReply(silent, en, later(31)))).toMatch(/\*noted\*"/);
  });

  it('wraps plain text', () => {
    expect(textMessage('hello')).toEqual({
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
    });
  });

  it('cuts a text too long for one section in the notification too, so Slack takes the reply', () => {
    const message = textMessage('x'.repeat(50_000));

    expect(message.text).toHaveLength(3000);
    expect(message.text.endsWith('…')).toBe(true);
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: message.text } }]);
  });
});
