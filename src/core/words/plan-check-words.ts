import { counted } from './counted.js';
import type { Language } from './language.js';

/**
 * The words of a plan bound to its approval: its digest, the re-check before a destructive step, and what
 * changed when the plan no longer holds. Counts arrive formatted (`999,999`); UUIDs as the cluster gives them.
 */
type PlanCheckWords = {
  planDigest: (digest: string) => string;
  /** Shown on a step that was re-checked just before it ran, and found as approved. */
  checkedAsApproved: (digest: string) => string;
  changedTitle: (step: string, cluster: string) => string;
  askedAgain: string;
  /** The thread reply when a job goes back to approval. */
  replanned: (step: string, cluster: string, changes: string) => string;
  indexGone: (index: string, approvedDocs: string) => string;
  indexReplaced: (index: string, approvedUuid: string, uuid: string) => string;
  indexGrew: (index: string, approvedDocs: string, docs: string) => string;
  indexAdded: (index: string, docs: string) => string;
  targetTaken: (index: string, docs: string) => string;
  snapshotGone: (snapshot: string) => string;
  snapshotReplaced: (snapshot: string, approvedUuid: string, uuid: string) => string;
};

const en: PlanCheckWords = {
  planDigest: (digest) => `Plan \`${digest}\``,
  checkedAsApproved: (digest) => `checked just before: as approved (plan \`${digest}\`)`,
  changedTitle: (step, cluster) =>
    `:warning: *Changed since it was approved* — found before “${step}” on ${cluster}; nothing was touched:`,
  askedAgain: 'The plan below is the plan as it is now: earlier approvals do not count for it.',
  replanned: (step, cluster, changes) =>
    `:warning: Stopped before “${step}” on ${cluster}, nothing touched: the cluster no longer matches the approved plan (${changes}). The message shows the new plan, waiting for approval.`,
  indexGone: (index, approvedDocs) => `\`${index}\`: approved ${counted(approvedDocs, 'doc')}, now gone`,
  indexReplaced: (index, approvedUuid, uuid) =>
    `\`${index}\`: another index of that name (UUID \`${uuid}\`, approved \`${approvedUuid}\`)`,
  indexGrew: (index, approvedDocs, docs) => `\`${index}\`: approved ${counted(approvedDocs, 'doc')}, now ${docs}`,
  indexAdded: (index, docs) => `\`${index}\`: not in the approved plan, now matched (${counted(docs, 'doc')})`,
  targetTaken: (index, docs) => `\`${index}\`: was free, now exists (${counted(docs, 'doc')})`,
  snapshotGone: (snapshot) => `snapshot \`${snapshot}\`: gone`,
  snapshotReplaced: (snapshot, approvedUuid, uuid) =>
    `snapshot \`${snapshot}\`: taken again (UUID \`${uuid}\`, approved \`${approvedUuid}\`)`,
};

const ja: PlanCheckWords = {
  planDigest: (digest) => `計画 \`${digest}\``,
  checkedAsApproved: (digest) => `直前に確認: 承認どおり (計画 \`${digest}\`)`,
  changedTitle: (step, cluster) =>
    `:warning: *承認後に変わりました* — ${cluster} の「${step}」の前に確認。何も変更していません:`,
  askedAgain: '以下は現在の状態での計画です。以前の承認はこの計画には数えません。',
  replanned: (step, cluster, changes) =>
    `:warning: ${cluster} の「${step}」の前で止めました。何も変更していません: クラスターが承認された計画と合いません (${changes})。メッセージに新しい計画を表示し、承認を待っています。`,
  indexGone: (index, approvedDocs) => `\`${index}\`: 承認時 ${approvedDocs} 件、現在はありません`,
  indexReplaced: (index, approvedUuid, uuid) =>
    `\`${index}\`: 同じ名前の別のインデックスです (UUID \`${uuid}\`、承認時 \`${approvedUuid}\`)`,
  indexGrew: (index, approvedDocs, docs) => `\`${index}\`: 承認時 ${approvedDocs} 件、現在 ${docs} 件`,
  indexAdded: (index, docs) => `\`${index}\`: 承認された計画になく、現在は一致します (${docs} 件)`,
  targetTaken: (index, docs) => `\`${index}\`: 空いていましたが、現在はあります (${docs} 件)`,
  snapshotGone: (snapshot) => `スナップショット \`${snapshot}\`: ありません`,
  snapshotReplaced: (snapshot, approvedUuid, uuid) =>
    `スナップショット \`${snapshot}\`: 取り直されています (UUID \`${uuid}\`、承認時 \`${approvedUuid}\`)`,
};

const planCheckWords: Record<Language, PlanCheckWords> = { en, ja };

export type { PlanCheckWords };
export { planCheckWords };
