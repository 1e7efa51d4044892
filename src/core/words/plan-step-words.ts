import type { Language, Said } from './language.js';

/** What a plan is asked for by a step: a job whose steps and plan disagree was built or stored wrongly. */
type PlanPart = 'snapshot' | 'deletions' | 'restores' | 'repository';

type PlanStepWords = {
  planLacks: (jobKind: string, part: PlanPart) => Said;
};

const EN_PARTS: Record<PlanPart, string> = {
  snapshot: 'no snapshot',
  deletions: 'no indices to delete',
  restores: 'nothing to restore',
  repository: 'no repository to register',
};

const JA_PARTS: Record<PlanPart, string> = {
  snapshot: 'スナップショットがありません',
  deletions: '削除するインデックスがありません',
  restores: '復元するものがありません',
  repository: '登録するリポジトリがありません',
};

const en: PlanStepWords = {
  planLacks: (jobKind, part) => ({
    text: `a ${jobKind} job has ${EN_PARTS[part]}: its steps do not fit its plan`,
    hint: 'The job was stored wrongly; ask again with a new command.',
  }),
};

const ja: PlanStepWords = {
  planLacks: (jobKind, part) => ({
    text: `${jobKind} のジョブには${JA_PARTS[part]}: 手順が計画と合っていません`,
    hint: 'ジョブの記録が壊れています。コマンドをもう一度実行してください。',
  }),
};

const planStepWords: Record<Language, PlanStepWords> = { en, ja };

export type { PlanPart, PlanStepWords };
export { planStepWords };
