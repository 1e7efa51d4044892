import type { StepName } from '../jobs/job.js';
import type { JobKind, JobState } from '../jobs/job-states.js';
import { counted } from './counted.js';
import type { Language } from './language.js';

/** The words of job messages: kinds, states, steps, plans, approvals, outcomes. */
type JobWords = {
  kind: Record<JobKind, string>;
  state: Record<JobState, string>;
  step: Record<StepName, string>;
  stepsTitle: string;
  approve: string;
  reject: string;
  confirmTitle: string;
  confirmBody: (kind: string, cluster: string) => string;
  confirmYes: string;
  confirmNo: string;
  approvalNeeded: (kind: string, cluster: string) => string;
  jobTitle: (kind: string, cluster: string) => string;
  requestedBy: (user: string) => string;
  approvals: (done: number, required: number) => string;
  expiresAt: (date: string) => string;
  approvedBy: (users: string) => string;
  rejectedBy: (user: string) => string;
  expired: string;
  cancelledBy: (user: string) => string;
  willDelete: (cluster: string) => string;
  willRestore: (cluster: string) => string;
  willSnapshot: (cluster: string) => string;
  everyIndex: string;
  snapshotLine: (repository: string, snapshot: string) => string;
  renameLine: (pattern: string, replacement: string) => string;
  moreIndices: (count: number, jobId: string) => string;
  moreIndicesKept: (count: number) => string;
  indexLine: (index: string, docs: string, size: string) => string;
  restoreLine: (index: string, target: string) => string;
  repositoryLine: (name: string, type: string, settings: string) => string;
  migrationRepositoryLine: (name: string, type: string, from: string, to: string) => string;
  /** The repository a registration writes over, as the cluster has it now. */
  replacesRepositoryLine: (type: string, settings: string) => string;
  jobFooter: (jobId: string) => string;
  notAllowed: (reason: string) => string;
  errorTitle: string;
  tryThis: string;
  succeeded: (kind: string, duration: string) => string;
  failed: (kind: string, reason: string) => string;
  partial: (kind: string, reason: string) => string;
  working: string;
  stalled: (step: string, cluster: string, duration: string) => string;
  unreachable: (cluster: string, reason: string) => string;
  progressCounts: (shardsDone: number, shardsTotal: number, bytesDone: string, bytesTotal: string) => string;
  /** `remaining` undefined: no rate to go by yet. */
  timing: (elapsed: string, remaining: string | undefined) => string;
  /** A step whose work has begun but whose totals the cluster does not know yet. */
  progressStarting: (elapsed: string) => string;
  /** Everything is copied; the engine is writing the snapshot's metadata or the last recovery's files. */
  timingFinishing: (elapsed: string) => string;
};

const en: JobWords = {
  kind: {
    'repo-register': 'Repository registration',
    'snapshot-create': 'Snapshot',
    'snapshot-delete': 'Snapshot deletion',
    'index-delete': 'Index deletion',
    restore: 'Restore',
    migrate: 'Migration',
  },
  state: {
    PENDING_APPROVAL: 'Waiting for approval',
    QUEUED: 'Queued',
    RUNNING: 'Running',
    SUCCEEDED: 'Succeeded',
    PARTIAL: 'Partly succeeded',
    FAILED: 'Failed',
    REJECTED: 'Rejected',
    EXPIRED: 'Expired',
    CANCELLED: 'Cancelled',
  },
  step: {
    'register-repository': 'Register the repository',
    'start-snapshot': 'Start the snapshot',
    'await-snapshot': 'Wait for the snapshot',
    'delete-snapshot': 'Delete the snapshot',
    'delete-indices': 'Delete the indices',
    'start-restore': 'Start the restore',
    'await-restore': 'Wait for the restore',
    'verify-doc-counts': 'Compare document counts',
    'verify-restored-sizes': 'Compare with the snapshot',
  },
  stepsTitle: '*Steps:*',
  approve: 'Approve',
  reject: 'Reject',
  confirmTitle: 'Run it?',
  confirmBody: (kind, cluster) => `${kind} on ${cluster} starts as soon as the approvals are in. It cannot be undone.`,
  confirmYes: 'Approve',
  confirmNo: 'Back',
  approvalNeeded: (kind, cluster) => `Approval needed: ${kind} on ${cluster}`,
  jobTitle: (kind, cluster) => `${kind} on ${cluster}`,
  requestedBy: (user) => `Requested by <@${user}>`,
  approvals: (done, required) => `Approvals: ${done} of ${required}`,
  expiresAt: (date) => `Expires ${date}`,
  approvedBy: (users) => `:white_check_mark: Approved by ${users}`,
  rejectedBy: (user) => `:x: Rejected by <@${user}>`,
  expired: ':hourglass: Expired: nobody approved it in time',
  cancelledBy: (user) => `:no_entry_sign: Cancelled by <@${user}>`,
  willDelete: (cluster) => `:warning: *Deletes on ${cluster}:*`,
  willRestore: (cluster) => `*Restores on ${cluster}:*`,
  willSnapshot: (cluster) => `*Snapshots on ${cluster}:*`,
  everyIndex: 'every index',
  snapshotLine: (repository, snapshot) => `*Snapshot:* \`${snapshot}\` in repository \`${repository}\``,
  renameLine: (pattern, replacement) => `*Rename:* \`${pattern}\` → \`${replacement}\``,
  moreIndices: (count, jobId) => `…and ${count} more: \`/es snapshot job ${jobId}\` lists every one`,
  moreIndicesKept: (count) => `…and ${count} more, kept in the job record`,
  indexLine: (index, docs, size) => `• \`${index}\` — ${counted(docs, 'doc')}, ${size}`,
  restoreLine: (index, target) => (index === target ? `• \`${index}\`` : `• \`${index}\` → \`${target}\``),
  repositoryLine: (name, type, settings) => `*Repository:* \`${name}\` (${type}) ${settings}`.trimEnd(),
  migrationRepositoryLine: (name, type, from, to) =>
    `*Repository:* \`${name}\` (${type}), written from ${from}, registered read-only on ${to}`,
  replacesRepositoryLine: (type, settings) =>
    `*Replaces, as registered now:* (${type}) ${settings}: snapshots there are no longer reached by this name`,
  jobFooter: (jobId) => `Job \`${jobId}\` · \`/es snapshot job ${jobId}\``,
  notAllowed: (reason) => `:no_entry: Not done: ${reason}.`,
  errorTitle: ':warning:',
  tryThis: 'Try:',
  succeeded: (kind, duration) => `:white_check_mark: ${kind} succeeded in ${duration}.`,
  failed: (kind, reason) => `:x: ${kind} failed: ${reason}`,
  partial: (kind, reason) => `:large_orange_diamond: ${kind} partly succeeded: ${reason}`,
  working: ':hourglass_flowing_sand: Working on it…',
  stalled: (step, cluster, duration) => `:warning: ${step} on ${cluster} has not moved for ${duration}.`,
  unreachable: (cluster, reason) => `:warning: ${cluster} is not answering (${reason}); the job waits and tries again.`,
  progressCounts: (shardsDone, shardsTotal, bytesDone, bytesTotal) =>
    `${shardsDone}/${counted(shardsTotal, 'shard')} · ${bytesDone} of ${bytesTotal}`,
  timing: (elapsed, remaining) =>
    `${elapsed} elapsed · ${remaining === undefined ? 'estimating time left' : `about ${remaining} left`}`,
  progressStarting: (elapsed) => `starting · ${elapsed} elapsed`,
  timingFinishing: (elapsed) => `${elapsed} elapsed · finishing`,
};

const ja: JobWords = {
  kind: {
    'repo-register': 'リポジトリの登録',
    'snapshot-create': 'スナップショットの作成',
    'snapshot-delete': 'スナップショットの削除',
    'index-delete': 'インデックスの削除',
    restore: 'スナップショットの復元',
    migrate: 'クラスター間の移行',
  },
  state: {
    PENDING_APPROVAL: '承認待ち',
    QUEUED: '実行待ち',
    RUNNING: '実行中',
    SUCCEEDED: '成功',
    PARTIAL: '一部成功',
    FAILED: '失敗',
    REJECTED: '却下',
    EXPIRED: '期限切れ',
    CANCELLED: '取り消し',
  },
  step: {
    'register-repository': 'リポジトリの登録',
    'start-snapshot': 'スナップショットの開始',
    'await-snapshot': 'スナップショットの完了待ち',
    'delete-snapshot': 'スナップショットの削除',
    'delete-indices': 'インデックスの削除',
    'start-restore': '復元の開始',
    'await-restore': '復元の完了待ち',
    'verify-doc-counts': 'ドキュメント数の比較',
    'verify-restored-sizes': 'スナップショットとの照合',
  },
  stepsTitle: '*手順:*',
  approve: '承認',
  reject: '却下',
  confirmTitle: '実行しますか？',
  confirmBody: (kind, cluster) => `${cluster} の${kind}は承認がそろうとすぐに始まります。元に戻せません。`,
  confirmYes: '承認する',
  confirmNo: '戻る',
  approvalNeeded: (kind, cluster) => `承認が必要です: ${cluster} の${kind}`,
  jobTitle: (kind, cluster) => `${cluster} の${kind}`,
  requestedBy: (user) => `依頼者 <@${user}>`,
  approvals: (done, required) => `承認 ${done} / ${required}`,
  expiresAt: (date) => `期限 ${date}`,
  approvedBy: (users) => `:white_check_mark: ${users} が承認しました`,
  rejectedBy: (user) => `:x: <@${user}> が却下しました`,
  expired: ':hourglass: 期限切れ: 時間内に承認されませんでした',
  cancelledBy: (user) => `:no_entry_sign: <@${user}> が取り消しました`,
  willDelete: (cluster) => `:warning: *${cluster} で削除するインデックス:*`,
  willRestore: (cluster) => `*${cluster} に復元するインデックス:*`,
  willSnapshot: (cluster) => `*${cluster} でスナップショットを取るインデックス:*`,
  everyIndex: 'すべてのインデックス',
  snapshotLine: (repository, snapshot) => `*スナップショット:* リポジトリ \`${repository}\` の \`${snapshot}\``,
  renameLine: (pattern, replacement) => `*名前の変更:* \`${pattern}\` → \`${replacement}\``,
  moreIndices: (count, jobId) => `…ほか ${count} 件: \`/es snapshot job ${jobId}\` ですべて表示します`,
  moreIndicesKept: (count) => `…ほか ${count} 件 (ジョブの記録に残っています)`,
  indexLine: (index, docs, size) => `• \`${index}\` — ${docs} 件, ${size}`,
  restoreLine: (index, target) => (index === target ? `• \`${index}\`` : `• \`${index}\` → \`${target}\``),
  repositoryLine: (name, type, settings) => `*リポジトリ:* \`${name}\` (${type}) ${settings}`.trimEnd(),
  migrationRepositoryLine: (name, type, from, to) =>
    `*リポジトリ:* \`${name}\` (${type})、${from} から書き込み、${to} には読み取り専用で登録`,
  replacesRepositoryLine: (type, settings) =>
    `*現在の登録を置き換えます:* (${type}) ${settings}。そこにあるスナップショットはこの名前では見えなくなります`,
  jobFooter: (jobId) => `ジョブ \`${jobId}\` · \`/es snapshot job ${jobId}\``,
  notAllowed: (reason) => `:no_entry: 実行できません: ${reason}`,
  errorTitle: ':warning:',
  tryThis: '例:',
  succeeded: (kind, duration) => `:white_check_mark: ${kind}が成功しました (${duration})。`,
  failed: (kind, reason) => `:x: ${kind}が失敗しました: ${reason}`,
  partial: (kind, reason) => `:large_orange_diamond: ${kind}は一部成功しました: ${reason}`,
  working: ':hourglass_flowing_sand: 処理中…',
  stalled: (step, cluster, duration) => `:warning: ${cluster} の「${step}」が ${duration} 進んでいません。`,
  unreachable: (cluster, reason) => `:warning: ${cluster} が応答しません (${reason})。ジョブは待機して再試行します。`,
  progressCounts: (shardsDone, shardsTotal, bytesDone, bytesTotal) =>
    `シャード ${shardsDone}/${shardsTotal} · ${bytesDone} / ${bytesTotal}`,
  timing: (elapsed, remaining) =>
    `経過 ${elapsed} · ${remaining === undefined ? '残り時間を見積もり中' : `残り約 ${remaining}`}`,
  progressStarting: (elapsed) => `開始中 · 経過 ${elapsed}`,
  timingFinishing: (elapsed) => `経過 ${elapsed} · 完了処理中`,
};

const jobWords: Record<Language, JobWords> = { en, ja };

export type { JobWords };
export { jobWords };
