import type { StepStatus } from '../jobs/job.js';
import { counted } from './counted.js';
import type { Language } from './language.js';

/** The words of read-only answers: clusters, repositories, snapshots, jobs. */
type ReplyWords = {
  clustersTitle: string;
  /** One configured cluster as it answered; `icon` is its health's emoji. */
  clusterLine: (
    icon: string,
    alias: string,
    engine: string,
    status: string,
    nodes: number,
    repository: string | undefined,
  ) => string;
  /** A cluster's line in `clusters` when it gave no answer within the deadline. */
  notAnsweringWithin: (seconds: number) => string;
  repositoriesTitle: (cluster: string) => string;
  automatedNote: string;
  noRepositories: string;
  snapshotsTitle: (repository: string, cluster: string) => string;
  snapshotListLine: (snapshot: string, state: string, indices: number, successful: number, total: number) => string;
  noSnapshots: string;
  snapshotTitle: (snapshot: string, repository: string, cluster: string) => string;
  snapshotState: (state: string, successful: number, total: number, failed: number) => string;
  bytesOf: (done: string, total: string) => string;
  /** A finished snapshot's size, and the part of it that it copied (the rest it shares with earlier ones). */
  heldWithNew: (held: string, copied: string) => string;
  startedAt: (date: string) => string;
  took: (duration: string) => string;
  snapshotIndices: (count: number, names: string) => string;
  activeJobs: string;
  yourJobs: string;
  jobsLine: (jobId: string, kind: string, cluster: string, state: string, user: string, date: string) => string;
  noJobs: string;
  jobDetailTitle: (jobId: string, kind: string, cluster: string, state: string) => string;
  stepsHeading: string;
  historyHeading: string;
  stepStatus: Record<StepStatus, string>;
  /** A step a finished job never reached. */
  stepNotRun: string;
  /** A history event's name as recorded (`approved`, `started` …); a name not known here is shown as it is. */
  historyEvent: (event: string) => string;
  historyBy: (user: string) => string;
  /** The detail of an `expired` event: the deadline nobody approved by. */
  notApprovedBy: (deadline: string) => string;
  /** The detail of an approval: how many of those needed are in. */
  approvalCount: (done: string, required: string) => string;
  /** A step starting or ending, in a job's history; `step` is the step's name and cluster. */
  stepEvent: (status: StepStatus | 'started', step: string) => string;
  /** What a list line adds about a snapshot's size and times; each part undefined when not known. */
  snapshotFacts: (size: string | undefined, took: string | undefined, age: string | undefined) => string;
  /** A running snapshot's bytes before every shard has counted its files. */
  snapshotStarting: string;
  recentJobs: (cluster: string | undefined) => string;
  /**
   * A finished job: outcome, who asked, who approved (undefined: nobody needed to) or rejected it, when it ended.
   */
  recentJobLine: (
    jobId: string,
    kind: string,
    cluster: string,
    state: string,
    requester: string,
    decided: { approvers?: string; rejecter?: string },
    date: string,
  ) => string;
};

const EN_STEP_EVENT: Record<StepStatus | 'started', string> = {
  started: 'started',
  pending: 'reset',
  running: 'running',
  done: 'done',
  partial: 'done, in part',
  failed: 'failed',
  stopped: 'stopped',
};

const EN_EVENTS: Record<string, string> = {
  'approval-recorded': 'approval recorded',
  'cancel-requested': 'asked to cancel',
  'resumed-after-worker-stopped': 'resumed after the worker stopped',
  unreachable: 'cluster not answering',
  recovered: 'cluster answering again',
  replanned: 'plan changed (approval asked again)',
};

const enReplies: ReplyWords = {
  clustersTitle: 'Clusters',
  clusterLine: (icon, alias, engine, status, nodes, repository) =>
    `${icon} *${alias}* — ${engine}, ${status}, ${counted(nodes, 'node')}, ${repository === undefined ? 'no default repository' : `default repository \`${repository}\``}`,
  notAnsweringWithin: (seconds) => `not answering (timed out after ${seconds} s)`,
  repositoriesTitle: (cluster) => `Repositories on ${cluster}`,
  automatedNote: ' (automated snapshots: list and restore only)',
  noRepositories: 'No repository is registered.',
  snapshotsTitle: (repository, cluster) => `Snapshots in ${repository} on ${cluster} (newest first)`,
  snapshotListLine: (snapshot, state, indices, successful, total) =>
    `• \`${snapshot}\` — *${state}* · ${counted(indices, 'index', 'indices')} · ${successful}/${counted(total, 'shard')}`,
  noSnapshots: 'No snapshots yet.',
  snapshotTitle: (snapshot, repository, cluster) => `Snapshot ${snapshot} in ${repository} on ${cluster}`,
  snapshotState: (state, successful, total, failed) =>
    `*State:* ${state} · ${successful}/${counted(total, 'shard')} (${failed} failed)`,
  bytesOf: (done, total) => `${done} of ${total}`,
  heldWithNew: (held, copied) => `${held} (${copied} new)`,
  startedAt: (date) => `*Started:* ${date}`,
  took: (duration) => `*Took:* ${duration}`,
  snapshotIndices: (count, names) => `*Indices (${count}):* ${names}`,
  activeJobs: 'Active jobs',
  yourJobs: 'Your jobs',
  jobsLine: (jobId, kind, cluster, state, user, date) =>
    `• \`${jobId}\` — ${kind} on ${cluster} · *${state}* · <@${user}> · ${date}`,
  noJobs: 'No jobs.',
  jobDetailTitle: (jobId, kind, cluster, state) => `Job ${jobId}: ${kind} on ${cluster}, ${state}`,
  stepsHeading: '*Steps*',
  historyHeading: '*History*',
  stepStatus: {
    pending: 'pending',
    running: 'running',
    done: 'done',
    partial: 'partial',
    failed: 'failed',
    stopped: 'stopped',
  },
  stepNotRun: 'not run',
  historyEvent: (event) => EN_EVENTS[event] ?? event,
  historyBy: (user) => ` by <@${user}>`,
  notApprovedBy: (deadline) => `not approved by ${deadline}`,
  approvalCount: (done, required) => `${done} of ${required}`,
  stepEvent: (status, step) => `${step} ${EN_STEP_EVENT[status]}`,
  snapshotFacts: (size, took, age) =>
    [size, took === undefined ? undefined : `took ${took}`, age === undefined ? undefined : `${age} ago`]
      .filter((part) => part !== undefined)
      .map((part) => ` · ${part}`)
      .join(''),
  snapshotStarting: 'starting',
  recentJobs: (cluster) => (cluster === undefined ? 'Recently finished jobs' : `Recently finished jobs on ${cluster}`),
  recentJobLine: (jobId, kind, cluster, state, requester, { approvers, rejecter }, date) =>
    `• \`${jobId}\` — ${kind} on ${cluster} · *${state}* · asked by ${requester}${approvers === undefined ? '' : ` · approved by ${approvers}`}${rejecter === undefined ? '' : ` · rejected by ${rejecter}`} · ${date}`,
};

const JA_EVENTS: Record<string, string> = {
  requested: '依頼',
  'approval-recorded': '承認 (途中)',
  approved: '承認',
  rejected: '却下',
  expired: '期限切れ',
  cancelled: '取り消し',
  'cancel-requested': '取り消しの依頼',
  started: '開始',
  resumed: '再開',
  'resumed-after-worker-stopped': 'ワーカー停止後に再開',
  succeeded: '成功',
  partial: '一部成功',
  failed: '失敗',
  stalled: '停滞',
  unreachable: '応答なし',
  recovered: '応答再開',
  replanned: '計画の変更 (再承認待ち)',
};

const JA_STEP_EVENT: Record<StepStatus | 'started', string> = {
  started: '開始',
  pending: '未実行に戻す',
  running: '実行中',
  done: '完了',
  partial: '一部完了',
  failed: '失敗',
  stopped: '中止',
};

const jaReplies: ReplyWords = {
  clustersTitle: 'クラスター',
  clusterLine: (icon, alias, engine, status, nodes, repository) =>
    `${icon} *${alias}* — ${engine}, ${status}, ノード ${nodes} 台, ${repository === undefined ? '既定のリポジトリなし' : `既定のリポジトリ \`${repository}\``}`,
  notAnsweringWithin: (seconds) => `応答なし (${seconds} 秒でタイムアウト)`,
  repositoriesTitle: (cluster) => `${cluster} のリポジトリ`,
  automatedNote: ' (自動スナップショット: 一覧と復元のみ)',
  noRepositories: '登録されたリポジトリはありません。',
  snapshotsTitle: (repository, cluster) => `${cluster} の ${repository} にあるスナップショット (新しい順)`,
  snapshotListLine: (snapshot, state, indices, successful, total) =>
    `• \`${snapshot}\` — *${state}* · インデックス ${indices} 個 · シャード ${successful}/${total}`,
  noSnapshots: 'スナップショットはまだありません。',
  snapshotTitle: (snapshot, repository, cluster) => `${cluster} の ${repository} にあるスナップショット ${snapshot}`,
  snapshotState: (state, successful, total, failed) =>
    `*状態:* ${state} · シャード ${successful}/${total} (失敗 ${failed})`,
  bytesOf: (done, total) => `${done} / ${total}`,
  heldWithNew: (held, copied) => `${held}（新規 ${copied}）`,
  startedAt: (date) => `*開始:* ${date}`,
  took: (duration) => `*所要時間:* ${duration}`,
  snapshotIndices: (count, names) => `*インデックス (${count}):* ${names}`,
  activeJobs: '進行中のジョブ',
  yourJobs: '自分のジョブ',
  jobsLine: (jobId, kind, cluster, state, user, date) =>
    `• \`${jobId}\` — ${cluster} の${kind} · *${state}* · <@${user}> · ${date}`,
  noJobs: 'ジョブはありません。',
  jobDetailTitle: (jobId, kind, cluster, state) => `ジョブ ${jobId}: ${cluster} の${kind} (${state})`,
  stepsHeading: '*手順*',
  historyHeading: '*履歴*',
  stepStatus: {
    pending: '未実行',
    running: '実行中',
    done: '完了',
    partial: '一部完了',
    failed: '失敗',
    stopped: '中止',
  },
  stepNotRun: '実行されず',
  historyEvent: (event) => JA_EVENTS[event] ?? event,
  historyBy: (user) => ` <@${user}>`,
  notApprovedBy: (deadline) => `${deadline} までに承認されませんでした`,
  approvalCount: (done, required) => `${done} / ${required} 人`,
  stepEvent: (status, step) => `${step}: ${JA_STEP_EVENT[status]}`,
  snapshotFacts: (size, took, age) =>
    [size, took === undefined ? undefined : `所要 ${took}`, age === undefined ? undefined : `${age}前`]
      .filter((part) => part !== undefined)
      .map((part) => ` · ${part}`)
      .join(''),
  snapshotStarting: '開始中',
  recentJobs: (cluster) => (cluster === undefined ? '最近終わったジョブ' : `${cluster} で最近終わったジョブ`),
  recentJobLine: (jobId, kind, cluster, state, requester, { approvers, rejecter }, date) =>
    `• \`${jobId}\` — ${cluster} の${kind} · *${state}* · 依頼 ${requester}${approvers === undefined ? '' : ` · 承認 ${approvers}`}${rejecter === undefined ? '' : ` · 却下 ${rejecter}`} · ${date}`,
};

const replyWords: Record<Language, ReplyWords> = { en: enReplies, ja: jaReplies };

export type { ReplyWords };
export { replyWords };
