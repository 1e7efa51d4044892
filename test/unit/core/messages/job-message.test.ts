import { describe, expect, it } from 'vitest';
import { UnexpectedError, UsageError } from '../../../../src/core/errors.js';
import type { Job } from '../../../../src/core/jobs/job.js';
import { JobState } from '../../../../src/core/jobs/job-states.js';
import {
  approve,
  cancel,
  claim,
  expire,
  finish,
  reject,
  requestCancel,
  stop,
  updateStep,
} from '../../../../src/core/jobs/transitions.js';
import { errorReply } from '../../../../src/core/messages/error-reply.js';
import { ApprovalAction, jobMessage } from '../../../../src/core/messages/job-message.js';
import { MAX_LISTED } from '../../../../src/core/messages/plan-lines.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildPolicy, buildRequestedJob, NOW, PLANS, plannedIndex } from '../../../fixtures/plans.js';

const en = catalogFor('en');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function textOf(job: Job, now = NOW, language: 'en' | 'ja' = 'en'): string {
  return JSON.stringify(jobMessage(job, catalogFor(language), now).blocks);
}

function actionsOf(job: Job, now = NOW) {
  return jobMessage(job, en, now).blocks.filter((block) => block.type === 'actions');
}

describe('the approval message', () => {
  it('shows the resolved plan: snapshot, deletions with counts and sizes, and the restores', () => {
    const message = jobMessage(buildRequestedJob(), en, NOW);

    expect(message.text).toBe('Approval needed: Restore on b');
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Snapshot:* `nightly` in repository `migration`');
    expect(text).toContain(':warning: *Deletes on b:*');
    expect(text).toContain('• `logs-1` — 1,200 docs, 3.4 MB');
    expect(text).toContain('*Restores on b:*');
    expect(text).toContain('• `logs-2`');
    expect(text).toContain('Requested by <@U0REQUESTER>');
    expect(text).toContain('Approvals: 0 of 1');
    expect(text).toContain('Expires <!date^');
  });

  it('lists every step the approval covers', () => {
    const text = textOf(buildRequestedJob(PLANS.migrate()));

    expect(text).toContain('*Steps:*');
    expect(text).toContain(':white_square: Register the repository (a)');
    expect(text).toContain(':white_square: Compare document counts (b)');
    expect(text).toContain('*Repository:* `migration` (fs), written from a, registered read-only on b\\n');
  });

  it('has Approve (asking for confirmation) and Reject buttons carrying the job id', () => {
    const [actions] = actionsOf(buildRequestedJob());

    expect(actions).toMatchObject({
      block_id: 'approval:job00001',
      elements: [
        {
          action_id: ApprovalAction.APPROVE,
          value: 'job00001',
          style: 'primary',
          confirm: { title: { text: 'Run it?' } },
        },
        { action_id: ApprovalAction.REJECT, value: 'job00001', style: 'danger' },
      ],
    });
  });

  it('keeps the buttons and counts the approvals while more are needed', () => {
    const job = approve(buildRequestedJob(PLANS.restore(), buildPolicy({ required: 2 })), 'U0APPROVER', later(1));

    expect(textOf(job, later(1))).toContain('Approvals: 1 of 2');
    expect(textOf(job, later(1))).not.toContain('Approved by');
    expect(actionsOf(job, later(1))).toHaveLength(1);
  });

  it('shows renames as source → target', () => {
    const plan = {
      ...PLANS.restore(),
      rename: { pattern: '(.+)', replacement: 'r-$1' },
      restores: [{ index: 'a', target: 'r-a' }],
    };

    expect(textOf(buildRequestedJob(plan))).toContain('• `a` → `r-a`');
    expect(textOf(buildRequestedJob(plan))).toContain('*Rename:* `(.+)` → `r-$1`');
  });

  it.each([
    ['a restore', PLANS.restore()],
    ['a migration', PLANS.migrate()],
  ])('lists what %s leaves out, each with its reason', (_case, plan) => {
    const leftOut = [
      { index: '.opendistro-job-scheduler-lock', reason: 'system' as const, pattern: '.opendistro*' },
      { index: 'logs-quiet', reason: 'hidden' as const, pattern: undefined },
    ];

    const text = textOf(buildRequestedJob({ ...plan, leftOut } as typeof plan));

    expect(text).toContain('*Left out (2), not restored:*');
    expect(text).toContain(
      '• `.opendistro-job-scheduler-lock` — system index (matches `.opendistro*`): the managed service refuses to restore it',
    );
    expect(text).toContain('• `logs-quiet` — hidden index (index.hidden: true)');
  });

  it('lists the hidden indices a deletion does not delete, saying why', () => {
    const plan = {
      ...PLANS.indexDelete(),
      leftOut: [{ index: 'old-quiet', reason: 'hidden' as const, pattern: undefined }],
    };

    const text = textOf(buildRequestedJob(plan));

    expect(text).toContain(
      '*Not deleted (1): wildcards skip hidden indices, as the engines do; name one exactly to delete it:*',
    );
    expect(text).toContain('• `old-quiet` — hidden index (index.hidden: true)');
  });

  it('says nothing of leaving out when nothing is', () => {
    expect(textOf(buildRequestedJob(PLANS.restore()))).not.toContain('Left out');
  });

  it('lists a long plan up to a limit and says where the rest is', () => {
    const indices = Array.from({ length: MAX_LISTED + 5 }, (_, position) => plannedIndex(`old-${position}`));

    const text = textOf(
      buildRequestedJob({ kind: 'index-delete', cluster: 'b', indices, leftOut: [], patterns: ['old-*'] }),
    );

    expect(text).toContain('old-39');
    expect(text).not.toContain('old-40`');
    expect(text).toContain('…and 5 more: `/es snapshot job job00001` lists every one');
  });

  it.each([
    ['a snapshot', PLANS.snapshotCreate(), '*Snapshots on a:*'],
    ['a snapshot of every index', { ...PLANS.snapshotCreate(), indices: [] }, 'every index'],
    ['a snapshot deletion', PLANS.snapshotDelete(), '`nightly` in repository `migration`'],
    ['a repository registration', PLANS.repoRegister(), '*Repository:* `migration` (fs)'],
    ['a migration', PLANS.migrate(), '• `logs-1` → `moved-logs-1`'],
    [
      'a migration with replace',
      { ...PLANS.migrate(), rename: undefined, deletions: [plannedIndex('logs-1')] },
      'Deletes on b',
    ],
  ])('describes %s', (_case, plan, expected) => {
    expect(textOf(buildRequestedJob(plan))).toContain(expected);
  });

  it('speaks Japanese when the config says so', () => {
    expect(jobMessage(buildRequestedJob(), catalogFor('ja'), NOW).text).toBe(
      '承認が必要です: b のスナップショットの復元',
    );
  });
});

describe('the message after a decision', () => {
  it('shows who approved, drops the buttons and lists the steps', () => {
    const job = approve(buildRequestedJob(), 'U0APPROVER', later(1));

    const text = textOf(job, later(1));

    expect(actionsOf(job, later(1))).toHaveLength(0);
    expect(text).toContain(':white_check_mark: Approved by <@U0APPROVER>');
    expect(text).toContain(':white_square: Delete the indices (b)');
    expect(text).toContain('Job `job00001`');
  });

  it.each([
    ['rejected', (job: Job) => reject(job, 'U0APPROVER', later(1)), ':x: Rejected by <@U0APPROVER>'],
    ['cancelled', (job: Job) => cancel(job, 'U0REQUESTER', later(1)), 'Cancelled by <@U0REQUESTER>'],
    ['expired', (job: Job) => expire(job, later(31)), ':hourglass: Expired'],
  ])('says it was %s, without buttons', (_case, decide, expected) => {
    const job = decide(buildRequestedJob());

    expect(textOf(job, later(40))).toContain(expected);
    expect(actionsOf(job, later(40))).toHaveLength(0);
  });

  it('shows a cancel from the moment it is asked, then what the stop did, after the approval', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
    const asked = requestCancel(running, 'U0SECOND', later(3));
    const stopped = stop(asked, later(4), 'stopped before “Start the restore”');

    expect(textOf(asked, later(3))).toContain(':no_entry_sign: Cancel asked by <@U0SECOND> (<!date^');
    expect(textOf(asked, later(3))).toContain('the job stops at its next safe point');
    expect(jobMessage(stopped, en, later(4)).text).toBe('Restore on b: Cancelled');
    expect(textOf(stopped, later(4))).toContain('Approved by <@U0APPROVER>');
    expect(textOf(stopped, later(4))).toContain(
      ':no_entry_sign: Cancelled by <@U0SECOND>: stopped before “Start the restore”',
    );
    expect(textOf(stopped, later(4))).not.toContain('Cancel asked');
  });

  it('says that a cancel came too late when the job finished its last step first', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
    const finished = finish(requestCancel(running, 'U0SECOND', later(3)), JobState.SUCCEEDED, later(4));

    expect(jobMessage(finished, en, later(4)).text).toBe('Restore on b: Succeeded');
    expect(textOf(finished, later(4))).toContain(
      "Cancel asked by <@U0SECOND> came after the job's last step had run: nothing was stopped",
    );
  });

  it('names who cancelled a job stored before cancels were recorded on the job, from its history', () => {
    const cancelled = cancel(buildRequestedJob(), 'U0REQUESTER', later(1));
    const stored = { ...cancelled, cancelRequest: undefined };
    const unknown = { ...stored, history: [] };

    expect(textOf(stored, later(1))).toContain('Cancelled by <@U0REQUESTER>');
    expect(textOf(unknown, later(1))).toContain('Cancelled by <@?>');
  });

  it('shows an unapproved request as expired once its time is up, before anyone writes it', () => {
    const job = buildRequestedJob();

    expect(jobMessage(job, en, later(31)).text).toBe('Restore on b: Expired');
    expect(actionsOf(job, later(31))).toHaveLength(0);
  });

  it('shows a running step with its progress bar', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
    const step = {
      ...(running.steps[2] as Job['steps'][number]),
      status: 'running' as const,
      progress: {
        percent: 50,
        shardsDone: 2,
        shardsTotal: 4,
        bytesDone: 500_000,
        bytesTotal: 1_000_000,
        totalsKnown: true,
      },
    };

    const text = textOf(updateStep(running, 2, step, later(3)), later(3));

    expect(text).toContain(':hourglass_flowing_sand: Wait for the restore (b)');
    expect(text).toContain(
      '▓▓▓▓▓▓▓▓▓▓░░░░░░░░░░ 50% · 2/4 shards · 500 KB of 1.0 MB · 0 s elapsed · estimating time left',
    );
    const oneShard = { ...step, progress: { ...step.progress, shardsDone: 0, shardsTotal: 1 } };
    expect(textOf(updateStep(running, 2, oneShard, later(3)), later(3))).toContain('50% · 0/1 shard · 500 KB');
    const copied = { ...step, progress: { ...step.progress, percent: 100, shardsDone: 3, bytesDone: 1_000_000 } };
    expect(textOf(updateStep(running, 2, copied, later(3)), later(3))).toContain(
      '100% · 3/4 shards · 1.0 MB of 1.0 MB · 0 s elapsed · finishing',
    );
  });

  it('says a step is starting until the cluster knows its totals, and then the time left at the recent rate', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');
    const base = { ...(running.steps[2] as Job['steps'][number]), status: 'running' as const };
    const reading = { percent: 0, shardsDone: 0, shardsTotal: 2, bytesDone: 0, bytesTotal: 401, totalsKnown: false };
    const starting = { ...base, startedAt: later(2).toISOString(), progress: reading };
    const pace = {
      from: { at: later(2).toISOString(), percent: 40 },
      to: { at: later(3).toISOString(), percent: 50 },
    };
    const known = { ...starting, progress: { ...reading, percent: 50, totalsKnown: true }, pace };

    const first = textOf(updateStep(running, 2, starting, later(3)), later(3));
    const later_ = textOf(updateStep(running, 2, known, later(3)), later(3));

    expect(first).toContain('░░░░░░░░░░░░░░░░░░░░ starting · 1 m elapsed');
    expect(first).not.toContain('401 B');
    expect(later_).toContain('50% · 0/2 shards · 0 B of 401 B · 1 m elapsed · about 5 m left');
  });

  it('shows the state in the title once finished', () => {
    const running = claim(approve(buildRequestedJob(), 'U0APPROVER', later(1)), 'w', later(2), 60_000, 'token-1');

    expect(jobMessage(finish(running, JobState.SUCCEEDED, later(9)), en, later(9)).text).toBe(
      'Restore on b: Succeeded',
    );
  });

  it('shows a job that ran without approval with no approval line, and a step detail', () => {
    const running = claim(buildRequestedJob(PLANS.snapshotCreate()), 'w', later(1), 60_000, 'token-1');
    const step = { ...(running.steps[0] as Job['steps'][number]), status: 'done' as const, detail: 'snapshot started' };

    const text = textOf(updateStep(running, 0, step, later(2)), later(2));

    expect(text).not.toContain('Approved by');
    expect(text).toContain(':white_check_mark: Start the snapshot (a) — snapshot started');
  });

  it('names nobody when the history lost the decision', () => {
    const job = { ...buildRequestedJob(), state: JobState.REJECTED, history: [] };

    expect(textOf(job)).toContain('Rejected by <@?>');
  });
});

describe('errorReply', () => {
  it('says what went wrong and what to try', () => {
    const reply = errorReply(new UsageError(() => ({ text: 'unknown cluster "c"', hint: 'Use one of: a, b' })), en);

    expect(reply.text).toBe(':warning: unknown cluster "c"\nTry: Use one of: a, b');
  });

  it('shows what a person typed as text, never as a mention or a link', () => {
    const reply = errorReply(
      new UsageError(() => ({ text: 'unknown command "<!channel>"', hint: '/es snapshot list <cluster>' })),
      en,
    );

    expect(reply.text).toBe(':warning: unknown command "&lt;!channel&gt;"\nTry: /es snapshot list &lt;cluster&gt;');
  });

  it('shows the channels and people the catalog names as Slack shows them, and nothing else as a mention', () => {
    const reply = errorReply(
      new UsageError(() => ({
        text: 'cluster a is not operated from this channel',
        hint: 'Use <#C0OPS>, ask <@U0DBA> or <!subteam^S0SRE>; not <!here>, <@nobody> or <https://x.test|x>',
      })),
      en,
    );

    expect(reply.text).toBe(
      ':warning: cluster a is not operated from this channel\nTry: Use <#C0OPS>, ask <@U0DBA> or <!subteam^S0SRE>; not &lt;!here&gt;, &lt;@nobody&gt; or &lt;https://x.test|x&gt;',
    );
  });

  it('leaves out the hint line when there is none', () => {
    expect(errorReply(new UsageError(() => ({ text: 'plain' })), en).text).toBe(':warning: plain');
  });

  it('says an unexpected error only as a reference to its log line', () => {
    const reply = errorReply(new UnexpectedError('ref-9', { cause: new Error('token=xoxb-1') }), en);

    expect(reply.text).toContain('reference `ref-9`');
    expect(reply.text).not.toContain('xoxb');
  });
});
