import type { JobState } from '../jobs/job-states.js';
import { jobWords } from './job-words.js';
import type { Language, Said } from './language.js';

/** What the bot says when it will not do something: not allowed, no such job, changed meanwhile, protected. */
type RefusalWords = {
  /** `purpose`: deleted by delete-index, or replaced by a restore's `replace`. */
  protectedIndex: (index: string, pattern: string, purpose: 'delete' | 'replace') => Said;
  automatedRepository: (repository: string) => Said;
  jobConflict: (jobId: string, state: string, version: number) => Said;
  jobNotFound: (jobId: string) => Said;
  /** `known` lists the configured aliases. */
  invalidTransition: (jobId: string, from: string, event: string) => Said;
  /** An error the bot does not know: never shown, only pointed at in the log. */
  unexpected: (reference: string) => Said;
  /** Why an Approve or Reject click changed nothing. */
  /** `state` as stored (`QUEUED`), `shown` as the job message names it. */
  alreadyDecided: (state: string, shown: string) => string;
  notAnApprover: string;
  /** The requester, who may not decide their own request, is told how to withdraw it instead. */
  requesterNotApprover: (jobId: string) => string;
  ownRequest: string;
  alreadyApprovedByYou: string;
  tooManyClicks: string;
  /** A click whose workspace, channel or message is not its job's own. */
  clickNotOnJobMessage: (jobId: string, channel: string) => string;
  /** `reject <id>` typed outside the job's own channel. */
  rejectOutsideJobChannel: (jobId: string, channel: string) => string;
  /** `approve <id>` typed: where the button is, since an approval is a click on the plan it approves. */
  approveWithButton: (jobId: string, channel: string) => Said;
};

const en: RefusalWords = {
  protectedIndex: (index, pattern, purpose) => ({
    text: `index "${index}" is protected (matches "${pattern}") and is never ${purpose === 'delete' ? 'deleted' : 'replaced'}`,
    hint:
      purpose === 'delete'
        ? `Nothing deletes it; if a pattern reached it, leave it out by adding ,-${index} to the list (e.g. logs-*,-logs-keep).`
        : `Restore it beside the existing one with rename=(.+):restored-$1, or leave it out by adding ,-${index} to indices=.`,
  }),
  automatedRepository: (repository) => ({
    text: `"${repository}" holds the service's automated snapshots: they can be listed and restored, not created or deleted`,
    hint: 'Register your own S3 repository (/es snapshot repo register) and take manual snapshots there.',
  }),
  jobConflict: (jobId, state, version) => ({
    text: `job ${jobId} was changed by someone else (now ${state}, version ${version})`,
    hint: `Look at the job again: /es snapshot job ${jobId}`,
  }),
  jobNotFound: (jobId) => ({
    text: `there is no job ${jobId}`,
    hint: 'List jobs with /es snapshot jobs, or your own with /es snapshot jobs mine.',
  }),
  invalidTransition: (jobId, from, event) => ({ text: `job ${jobId} is ${from}: it cannot be ${event} now` }),
  unexpected: (reference) => ({
    text: `Something went wrong on our side (reference \`${reference}\`). Check \`/es snapshot jobs\` before you try again.`,
  }),
  alreadyDecided: (_state, shown) => `this request can no longer be approved or rejected (now: ${shown})`,
  notAnApprover: 'you are not an approver for this cluster',
  requesterNotApprover: (jobId) =>
    `you are not an approver for this cluster; to withdraw your own request, use /es snapshot cancel ${jobId}`,
  ownRequest: 'you cannot approve your own request: another approver has to',
  alreadyApprovedByYou: 'you have already approved this request',
  tooManyClicks: 'too many people clicked at once; look at the message again',
  clickNotOnJobMessage: (jobId, channel) =>
    `this button is not on the message of job ${jobId}, so it does nothing; use the buttons on that job's own message in <#${channel}>`,
  rejectOutsideJobChannel: (jobId, channel) =>
    `job ${jobId} is decided in <#${channel}>, where its message is: type the reject there, or click Reject on that message`,
  approveWithButton: (jobId, channel) => ({
    text: `To approve job ${jobId}, click Approve on its message in <#${channel}>: an approval is a click on the plan it approves.`,
    hint: `See the plan first: /es snapshot job ${jobId}`,
  }),
};

/** A state as the job message names it; a state with more said (`QUEUED (leased by …)`) is shown as it is. */
function jaState(state: string): string {
  return jobWords.ja.state[state as JobState] ?? state;
}

/** What a transition would have done (`approved`, `started` …), as "今は…できません" reads it. */
const JA_ACTIONS: Record<string, string> = {
  approved: '承認',
  rejected: '却下',
  expired: '期限切れに',
  cancelled: '取り消し',
  started: '開始',
  claimed: '開始',
  updated: '更新',
  finished: '終了',
};

const ja: RefusalWords = {
  protectedIndex: (index, pattern, purpose) => ({
    text: `インデックス "${index}" は保護されています ("${pattern}" に一致) ので${purpose === 'delete' ? '削除' : '置き換え'}しません`,
    hint:
      purpose === 'delete'
        ? `削除する方法はありません。パターンが一致しただけなら、一覧に ,-${index} を加えて外してください。`
        : `rename=(.+):restored-$1 で既存のものの横に復元するか、indices= に ,-${index} を加えて外してください。`,
  }),
  automatedRepository: (repository) => ({
    text: `"${repository}" はサービスの自動スナップショットです: 一覧と復元はできますが、作成と削除はできません`,
    hint: '自分の S3 リポジトリを登録して (/es snapshot repo register) 手動スナップショットをそこに取ってください。',
  }),
  jobConflict: (jobId, state, version) => ({
    text: `ジョブ ${jobId} は他の人が変更しました (現在 ${jaState(state)}、バージョン ${version})`,
    hint: `ジョブをもう一度確認してください: /es snapshot job ${jobId}`,
  }),
  jobNotFound: (jobId) => ({
    text: `ジョブ ${jobId} はありません`,
    hint: '/es snapshot jobs でジョブの一覧、/es snapshot jobs mine で自分のジョブが分かります。',
  }),
  invalidTransition: (jobId, from, event) => ({
    text: `ジョブ ${jobId} は${jaState(from)}です: 今は${JA_ACTIONS[event] ?? event}できません`,
  }),
  unexpected: (reference) => ({
    text: `ボット側で問題が起きました (参照番号 \`${reference}\`)。やり直す前に \`/es snapshot jobs\` を確認してください。`,
  }),
  alreadyDecided: (_state, shown) => `この依頼はもう承認も却下もできません (現在: ${shown})`,
  notAnApprover: 'あなたはこのクラスターの承認者ではありません',
  requesterNotApprover: (jobId) =>
    `あなたはこのクラスターの承認者ではありません。自分の依頼を取り下げるには /es snapshot cancel ${jobId} を使ってください`,
  ownRequest: '自分の依頼は承認できません: 別の承認者の承認が必要です',
  alreadyApprovedByYou: 'この依頼はすでに承認済みです',
  tooManyClicks: '同時に押した人が多すぎました。メッセージをもう一度確認してください',
  clickNotOnJobMessage: (jobId, channel) =>
    `このボタンはジョブ ${jobId} のメッセージのものではないため、何もしません。<#${channel}> にあるそのジョブのメッセージのボタンを使ってください`,
  rejectOutsideJobChannel: (jobId, channel) =>
    `ジョブ ${jobId} はメッセージのある <#${channel}> で判断します: そこで reject を入力するか、そのメッセージの「却下」を押してください`,
  approveWithButton: (jobId, channel) => ({
    text: `ジョブ ${jobId} を承認するには、<#${channel}> にあるそのメッセージの「承認」を押してください: 承認は、承認する計画の上で押すものです。`,
    hint: `先に計画を確認してください: /es snapshot job ${jobId}`,
  }),
};

const refusalWords: Record<Language, RefusalWords> = { en, ja };

export type { RefusalWords };
export { refusalWords };
