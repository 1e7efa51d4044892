import type { Language, Said } from './language.js';

/** What the bot says when it will not do something: not allowed, no such job, changed meanwhile, protected. */
type RefusalWords = {
  protectedIndex: (index: string, pattern: string) => Said;
  automatedRepository: (repository: string) => Said;
  jobConflict: (jobId: string, state: string, version: number) => Said;
  jobNotFound: (jobId: string) => Said;
  invalidTransition: (jobId: string, from: string, event: string) => Said;
  /** An error the bot does not know: never shown, only pointed at in the log. */
  unexpected: (reference: string) => Said;
};

const en: RefusalWords = {
  protectedIndex: (index, pattern) => ({
    text: `index "${index}" is protected (matches "${pattern}") and is never deleted`,
    hint: 'Leave system and protected indices out, or restore under a new name with rename=pattern:replacement.',
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
};

const ja: RefusalWords = {
  protectedIndex: (index, pattern) => ({
    text: `インデックス "${index}" は保護されています ("${pattern}" に一致) ので削除しません`,
    hint: 'システムインデックスと保護されたインデックスを外すか、rename=pattern:replacement で別名に復元してください。',
  }),
  automatedRepository: (repository) => ({
    text: `"${repository}" はサービスの自動スナップショットです: 一覧と復元はできますが、作成と削除はできません`,
    hint: '自分の S3 リポジトリを登録して (/es snapshot repo register) 手動スナップショットをそこに取ってください。',
  }),
  jobConflict: (jobId, state, version) => ({
    text: `ジョブ ${jobId} は他の人が変更しました (現在 ${state}、バージョン ${version})`,
    hint: `ジョブをもう一度確認してください: /es snapshot job ${jobId}`,
  }),
  jobNotFound: (jobId) => ({
    text: `ジョブ ${jobId} はありません`,
    hint: '/es snapshot jobs でジョブの一覧、/es snapshot jobs mine で自分のジョブが分かります。',
  }),
  invalidTransition: (jobId, from, event) => ({ text: `ジョブ ${jobId} は ${from} です: 今は ${event} できません` }),
  unexpected: (reference) => ({
    text: `ボット側で問題が起きました (参照番号 \`${reference}\`)。やり直す前に \`/es snapshot jobs\` を確認してください。`,
  }),
};

const refusalWords: Record<Language, RefusalWords> = { en, ja };

export type { RefusalWords };
export { refusalWords };
