import { describe, expect, it } from 'vitest';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import { approve, claim, expire, finish, reject, requestCancel, stop } from '../../../../src/core/jobs/transitions.js';
import { textMessage } from '../../../../src/core/messages/blocks.js';
import { mentionOf, outcomeMessage } from '../../../../src/core/messages/outcome-message.js';
import { MAX_LISTED_IN_DETAIL } from '../../../../src/core/messages/plan-lines.js';
import {
  clustersReply,
  jobDetailReply,
  jobsReply,
  recentJobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
} from '../../../../src/core/messages/query-replies.js';
import type { SnapshotProgress } from '../../../../src/core/model/snapshot.js';
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

describe('recent jobs', () => {
  it('lists finished jobs with outcome, who asked and who approved', () => {
    const approved = approve(buildRequestedJob(), 'U0APPROVER', later(1));
    const ended = finish(claim(approved, 'w', later(2), 60_000, 't'), JobState.SUCCEEDED, later(3));
    const unapproved = { ...ended, id: 'job00002', approval: undefined };

    const reply = text(recentJobsReply([ended, unapproved], 'b', en));

    expect(reply).toContain('Recently finished jobs on b');
    expect(reply).toContain(
      '• `job00001` — Restore on b · *Succeeded* · asked by <@U0REQUESTER> · approved by <@U0APPROVER> · <!date^',
    );
    expect(reply).toContain('• `job00002` — Restore on b · *Succeeded* · asked by <@U0REQUESTER> · <!date^');
    const rejected = reject(buildRequestedJob(), 'U0APPROVER', later(1), 'not tonight');
    expect(text(recentJobsReply([rejected], 'b', en))).toContain(
      '· *Rejected* · asked by <@U0REQUESTER> · rejected by <@U0APPROVER> · <!date^',
    );
    expect(text(recentJobsReply([], undefined, en))).toContain('Recently finished jobs');
    expect(text(recentJobsReply([], undefined, en))).toContain('No jobs.');
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
      ':large_green_circle: *a* — OpenSearch 2.19.5, green, 3 nodes, default repository `migration`',
    );
    expect(text(reply)).toContain(':warning: *b* — b: cluster did not answer (ECONNREFUSED)');
    expect(text(reply)).toContain(':red_circle: *c* — Elasticsearch 6.8.0, red, 1 node, no default repository');
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

  it('lists snapshots with state, indices, shards, size, duration and age', () => {
    const status = (snapshot: string, fields: Partial<SnapshotProgress>): SnapshotProgress => ({
      repository: 'migration',
      snapshot,
      state: 'SUCCESS',
      shardsDone: 1,
      shardsFailed: 0,
      shardsTotal: 1,
      bytesDone: 128_000_000,
      bytesTotal: 128_000_000,
      bytesHeld: 128_000_000,
      percent: 100,
      totalsKnown: true,
      tookMs: 2400,
      ...fields,
    });
    const totals = [
      status('n2', { state: 'STARTED', shardsDone: 3, shardsTotal: 6, bytesDone: 0, percent: 0, tookMs: undefined }),
      status('n0', { tookMs: undefined }),
      // Every file already in an earlier snapshot: it copied nothing, in less than the millisecond `_status` counts.
      status('n3', { tookMs: 0, bytesDone: 0, bytesTotal: 0 }),
    ];
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
        {
          snapshot: 'n3',
          state: 'SUCCESS',
          startTime: later(-3 * 24 * 60),
          endTime: later(-3 * 24 * 60),
          indexCount: 2,
          shards: { total: 2, successful: 2, failed: 0 },
        },
      ],
      totals,
      en,
      later(0),
    );
    const starting = snapshotListReply(
      'a',
      'm',
      [
        {
          snapshot: 'n2',
          state: 'IN_PROGRESS',
          startTime: later(0),
          endTime: undefined,
          indexCount: 1,
          shards: { total: 0, successful: 0, failed: 0 },
        },
      ],
      [
        status('n2', {
          state: 'STARTED',
          totalsKnown: false,
          shardsTotal: 2,
          shardsDone: 0,
          percent: 0,
          tookMs: undefined,
        }),
      ],
      en,
      later(0.25),
    );

    expect(reply.text).toBe('Snapshots in migration on a (newest first)');
    expect(text(reply)).toContain('• `n2` — *IN_PROGRESS* · 3 indices · 3/6 shards · 0 B of 128 MB · 0 s ago');
    expect(text(reply)).toContain('• `n1` — *SUCCESS* · 1 index · 1/1 shard\\n');
    expect(text(reply)).toContain('• `n0` — *SUCCESS* · 1 index · 1/1 shard · 128 MB · took 3 m · 10 m ago');
    expect(text(reply)).toContain(
      '• `n3` — *SUCCESS* · 2 indices · 2/2 shards · 128 MB (0 B new) · took <1 s · 3 d ago',
    );
    expect(text(starting)).toContain('• `n2` — *IN_PROGRESS* · 1 index · 0/2 shards · starting · 15 s ago');
    expect(text(snapshotListReply('a', 'm', [], [], en, later(0)))).toContain('No snapshots yet.');
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
      bytesHeld: 1000,
      percent: 50,
      totalsKnown: true,
      tookMs: undefined,
    };

    const running = snapshotStatusReply('a', detail, progress, en);
    const finished = snapshotStatusReply('a', { ...detail, startTime: undefined, endTime: undefined }, undefined, en);

    expect(text(running)).toContain('50% · 500 B of 1.0 KB');
    expect(text(running)).toContain('*Took:* 2 m');
    expect(text(running)).toContain(':x: logs-1[?]: node left');
    expect(text(finished)).not.toContain('*Started:*');
  });

  it('shows a running snapshot with the shards and bytes of its `_status`, as its job message does', () => {
    const detail = {
      repository: 'migration',
      snapshot: 'n1',
      uuid: 'u',
      state: 'IN_PROGRESS' as const,
      indices: ['logs-1'],
      startTime: later(0),
      endTime: undefined,
      // GET _snapshot counts no shards while the snapshot runs.
      shards: { total: 0, successful: 0, failed: 0 },
      failures: [],
      metadata: {},
    };
    const progress: SnapshotProgress = {
      repository: 'migration',
      snapshot: 'n1',
      state: 'STARTED',
      shardsDone: 0,
      shardsFailed: 0,
      shardsTotal: 2,
      bytesDone: 0,
      bytesTotal: 401,
      bytesHeld: 401,
      percent: 0,
      totalsKnown: false,
      tookMs: undefined,
    };
    const ended = { ...detail, state: 'SUCCESS' as const, shards: { total: 2, successful: 2, failed: 0 } };
    const endedProgress = {
      ...progress,
      state: 'SUCCESS',
      bytesDone: 128e6,
      bytesTotal: 128e6,
      bytesHeld: 128e6,
      percent: 100,
    };

    const starting = text(snapshotStatusReply('a', detail, progress, en));
    const finished = text(snapshotStatusReply('a', ended, { ...endedProgress, totalsKnown: true }, en));

    expect(starting).toContain('*State:* IN_PROGRESS · 0/2 shards (0 failed)');
    expect(starting).toContain('░░░░░░░░░░░░░░░░░░░░ starting');
    expect(starting).not.toContain('401 B');
    expect(finished).toContain('*State:* SUCCESS · 2/2 shards (0 failed)');
    expect(finished).toContain('100% · 128 MB\\n');
    const reused = { ...endedProgress, totalsKnown: true, bytesDone: 1e6, bytesTotal: 1e6 };
    expect(text(snapshotStatusReply('a', ended, reused, en))).toContain('100% · 128 MB (1.0 MB new)');
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
    const noisy = {
      ...withStep,
      history: [
        ...withStep.history,
        { at: later(4).toISOString(), event: 'resumed', by: 'worker-k27biyrhkaiy', detail: undefined },
        { at: later(5).toISOString(), event: 'resumed-after-worker-stopped', by: undefined, detail: undefined },
        { at: later(6).toISOString(), event: 'started', by: 'worker-k27biyrhkaiy', detail: undefined },
      ],
    };
    const history = text(jobDetailReply(noisy, en, later(7)));
    expect(history).not.toContain('worker-k27biyrhkaiy');
    expect(history).not.toContain('*resumed*');
    expect(history).toContain('09:05:00 UTC> *resumed after the worker stopped*');

    expect(reply.text).toBe('Job job00001: Index deletion on b, Running');
    expect(text(reply)).toContain('old-149');
    expect(text(reply)).toContain('…and 2 more, kept in the job record');
    expect(text(reply)).toContain('Delete the indices (b): *done* · <!date^');
    expect(text(reply)).toContain('*approved* by <@U0APPROVER> — 1 of 1');
    expect(text(reply)).toContain('|2026-11-24 09:02:00 UTC> *started*\\n');
    expect(text(reply)).toContain('09:02:00 UTC> Delete the indices (b) started');
    expect(text(reply)).toContain('09:03:00 UTC> Delete the indices (b) done');
    const tokyo = text(jobDetailReply(withStep, en, later(3), 'Asia/Tokyo'));
    expect(tokyo).toContain('<!date^1795510920^{date_short_pretty} {time_secs}|2026-11-24 18:02:00 Asia/Tokyo>');
    expect(text(jobDetailReply(withStep, en, later(3), 'Mars/Olympus'))).toContain('|2026-11-24 09:02:00 UTC>');
    expect(text(jobDetailReply(buildRequestedJob(), en, NOW))).toContain('Delete the indices (b): *pending*');
    const expired = expire(buildRequestedJob(), later(31));
    expect(text(jobDetailReply(expired, en, later(31)))).toMatch(/\*expired\* — not approved by 2026-11-24T09:30/);
    expect(text(jobDetailReply(expired, en, later(31)))).toContain('Delete the indices (b): *not run*');
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
