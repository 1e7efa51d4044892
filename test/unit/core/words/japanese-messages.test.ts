import { describe, expect, it } from 'vitest';
import {
  AutomatedRepositoryError,
  InvalidTransitionError,
  JobConflictError,
  JobNotFoundError,
  ProtectedIndexError,
  UnexpectedError,
  UsageError,
} from '../../../../src/core/errors.js';
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
import type { SlackMessage } from '../../../../src/core/messages/blocks.js';
import { errorReply } from '../../../../src/core/messages/error-reply.js';
import { jobMessage } from '../../../../src/core/messages/job-message.js';
import { outcomeMessage } from '../../../../src/core/messages/outcome-message.js';
import {
  clustersReply,
  jobDetailReply,
  jobsReply,
  recentJobsReply,
  repositoriesReply,
  snapshotListReply,
  snapshotStatusReply,
} from '../../../../src/core/messages/query-replies.js';
import { type Catalog, catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW, PLANS } from '../../../fixtures/plans.js';

const en = catalogFor('en');
const ja = catalogFor('ja');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/**
 * Names in the fixtures (clusters, repositories, snapshots, indices) and the service's own (`cs-automated`
 * repositories): data, whatever the language.
 */
const DATA = new Set([
  'migration',
  'nightly',
  'logs',
  'old',
  'moved',
  'migrate',
  'abc',
  'opensearch',
  'green',
  'red',
  'cs',
  'automated',
]);

/** The command as the person typed it is their own words, recorded in the history as they wrote it. */
function withoutRequestText(job: Job): Job {
  return {
    ...job,
    requestText: '',
    history: job.history.map((entry) => (entry.event === 'requested' ? { ...entry, detail: undefined } : entry)),
  };
}

/** An entry called with plain words, or with lists of them where it takes lists (`names.join`). */
function sayWith(entry: (...args: unknown[]) => unknown): unknown {
  try {
    return entry('x', 'x', 'x', 'x', 'x', 'x');
  } catch {
    return entry(['x'], ['x'], ['x'], ['x'], ['x'], ['x']);
  }
}

/** Every entry of a catalog, filled with the same arguments, as one text. */
function everything(catalog: Catalog): string {
  return Object.values(catalog)
    .flatMap((entry) => {
      if (typeof entry === 'string') return [entry];
      if (typeof entry === 'function') {
        const said = sayWith(entry as (...args: unknown[]) => unknown);
        return [typeof said === 'string' ? said : JSON.stringify(said)];
      }
      return Object.values(entry as Record<string, string>);
    })
    .join('\n');
}

/** The words a person reads: code spans, Slack's `<…>` tokens and emoji are syntax and names. */
function wordsOf(text: string): string[] {
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/:[a-z_]+:/g, ' ');
  return (prose.match(/[A-Za-z]{2,}/g) ?? []).map((word) => word.toLowerCase());
}

/** Words of the English sentences that the Japanese catalog never uses itself (it quotes commands, e.g. `snapshot`). */
const ENGLISH = (() => {
  const japanese = new Set(wordsOf(everything(ja)));
  return new Set(wordsOf(everything(en)).filter((word) => !japanese.has(word) && !DATA.has(word)));
})();

/** The texts of a message as Slack shows them: its fallback and every `text` of its blocks, not ids or types. */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'text' && typeof inner === 'string' ? [inner] : textsOf(inner),
  );
}

function englishIn(message: SlackMessage): string[] {
  return wordsOf(textsOf(message).join('\n')).filter((word) => ENGLISH.has(word));
}

/** A job in each state, its steps written in Japanese as a Japanese channel's worker writes them. */
function jobsInEveryState(): Array<[string, Job, Date]> {
  const pending = buildRequestedJob();
  const queued = approve(pending, 'U0APPROVER', later(1));
  const running = claim(queued, 'worker-1', later(2), 60_000, 'token-1');
  const step = running.steps[0] as Job['steps'][number];
  const withProgress = updateStep(
    running,
    0,
    {
      ...step,
      status: 'running',
      startedAt: later(2).toISOString(),
      detail: ja.indicesDeleted('logs-1'),
      progress: { percent: 40, shardsDone: 2, shardsTotal: 5, bytesDone: 400, bytesTotal: 1000, totalsKnown: true },
      progressAt: later(2).toISOString(),
    },
    later(3),
  );
  return [
    ['waiting for approval', pending, NOW],
    ['queued', queued, later(1)],
    ['running with progress', withProgress, later(4)],
    ['succeeded', finish(withProgress, JobState.SUCCEEDED, later(5), ja.allStepsDone), later(5)],
    ['partly succeeded', finish(withProgress, JobState.PARTIAL, later(5), ja.snapshotPartial(1, 5, 'x')), later(5)],
    ['failed', finish(withProgress, JobState.FAILED, later(5), ja.stepUnexpected('start-restore', 'job1')), later(5)],
    ['rejected', reject(pending, 'U0APPROVER', later(1)), later(1)],
    ['expired', expire(pending, later(31)), later(31)],
    ['cancelled', cancel(pending, 'U0REQUESTER', later(1)), later(1)],
    ['asked to cancel', requestCancel(withProgress, 'U0APPROVER', later(4)), later(4)],
    [
      'finished before a cancel could stop it',
      finish(requestCancel(withProgress, 'U0APPROVER', later(4)), JobState.SUCCEEDED, later(5), ja.allStepsDone),
      later(5),
    ],
    [
      'stopped by a cancel',
      stop(requestCancel(withProgress, 'U0APPROVER', later(4)), later(5), ja.snapshotAborted('s1')),
      later(5),
    ],
    ['a migration waiting for approval', buildRequestedJob(PLANS.migrate()), NOW],
    ['a repository registration', buildRequestedJob(PLANS.repoRegister()), NOW],
    ['a snapshot', buildRequestedJob(PLANS.snapshotCreate()), NOW],
  ];
}

function queryReplies(): Array<[string, SlackMessage]> {
  const detail = {
    repository: 'migration',
    snapshot: 'nightly',
    uuid: 'u',
    state: 'IN_PROGRESS' as const,
    indices: ['logs-1'],
    startTime: later(0),
    endTime: later(2),
    shards: { total: 2, successful: 1, failed: 1 },
    failures: [{ index: 'logs-1', shardId: 0, reason: 'x' }],
    metadata: {},
  };
  const progress = {
    ...detail,
    shardsDone: 1,
    shardsFailed: 0,
    shardsTotal: 2,
    bytesDone: 5,
    bytesTotal: 9,
    bytesHeld: 9,
    percent: 50,
    totalsKnown: true,
    tookMs: undefined,
  };
  const overview = {
    alias: 'a',
    endpoint: 'http://a',
    answer: {
      info: { name: 'a', distribution: 'opensearch', version: '2.19.5' },
      health: { status: 'green' as const, nodes: 3, activeShards: 9 },
    },
  };
  const entry = {
    snapshot: 'nightly',
    state: 'SUCCESS' as const,
    startTime: later(0),
    endTime: later(3),
    indexCount: 2,
    shards: { total: 2, successful: 2, failed: 0 },
  };
  const job = jobsInEveryState()[3]?.[1] as Job;
  return [
    [
      'clusters',
      clustersReply(
        [
          { ...overview, defaultRepository: 'migration' },
          { ...overview, defaultRepository: undefined },
        ],
        ja,
      ),
    ],
    ['repositories', repositoriesReply('a', [{ name: 'cs-automated', type: 's3', settings: {} }], ja)],
    ['no repositories', repositoriesReply('a', [], ja)],
    ['snapshots', snapshotListReply('a', 'migration', [entry], [progress], ja, later(6))],
    ['no snapshots', snapshotListReply('a', 'migration', [], [], ja, later(6))],
    ['a running snapshot', snapshotStatusReply('a', detail, progress, ja)],
    [
      'a snapshot whose shards are starting',
      snapshotStatusReply('a', { ...detail, state: 'IN_PROGRESS' }, { ...progress, totalsKnown: false }, ja),
    ],
    ['jobs', jobsReply([job], ja.activeJobs, ja, later(6))],
    ['no jobs', jobsReply([], ja.yourJobs, ja, later(6))],
    ['recent jobs', recentJobsReply([approve(buildRequestedJob(), 'U0APPROVER', later(1))], 'a', ja)],
    ['recent jobs of every cluster', recentJobsReply([buildRequestedJob()], undefined, ja)],
    [
      'a snapshot starting',
      snapshotListReply(
        'a',
        'migration',
        [
          { ...entry, state: 'IN_PROGRESS' },
          { ...entry, snapshot: 'undated', startTime: undefined },
        ],
        [{ ...progress, totalsKnown: false, tookMs: 1200 }],
        ja,
        later(6),
      ),
    ],
    ['a job in detail', jobDetailReply(withoutRequestText(job), ja, later(6))],
    [
      'an expired job in detail',
      jobDetailReply(withoutRequestText(expire(buildRequestedJob(), later(31))), ja, later(31)),
    ],
  ];
}

function errorReplies(): Array<[string, SlackMessage]> {
  const job = buildRequestedJob();
  return [
    ['no such job', errorReply(new JobNotFoundError('job1'), ja)],
    ['no such cluster', errorReply(new UsageError((words) => words.noSuchCluster('c', ['a', 'b'])), ja)],
    ['a protected index', errorReply(new ProtectedIndexError('.kibana', '.*'), ja)],
    ['an automated repository', errorReply(new AutomatedRepositoryError('cs-automated'), ja)],
    ['a conflict', errorReply(new JobConflictError(job), ja)],
    ['a transition', errorReply(new InvalidTransitionError('job1', 'QUEUED', 'approved'), ja)],
    ['an unexpected error', errorReply(new UnexpectedError('ref1'), ja)],
  ];
}

describe('messages in Japanese', () => {
  it.each(jobsInEveryState())('say a job %s without an English word', (_state, job, now) => {
    expect(englishIn(jobMessage(job, ja, now))).toEqual([]);
  });

  it.each(jobsInEveryState().filter(([, job]) => ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(job.state)))(
    'say the outcome of a job that %s without an English word',
    (_state, job) => {
      expect(englishIn(outcomeMessage(job, ja, { users: ['U0ONCALL'], groups: [] }))).toEqual([]);
    },
  );

  it.each(queryReplies())('answer %s without an English word', (_query, message) => {
    expect(englishIn(message)).toEqual([]);
  });

  it.each(errorReplies())('say %s without an English word', (_error, message) => {
    expect(englishIn(message)).toEqual([]);
  });

  it('knows the English it looks for', () => {
    expect(englishIn({ text: en.noRepositories, blocks: [] })).toContain('registered');
  });
});
