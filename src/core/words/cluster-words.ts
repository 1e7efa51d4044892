import type { Language, Said } from './language.js';

/** What the bot says when a cluster refuses, fails or does not answer. Every line starts with the cluster's alias. */
type ClusterWords = {
  snapshotNameTaken: (cluster: string, repository: string, snapshot: string) => Said;
  concurrentSnapshot: (cluster: string, reason: string) => Said;
  repositoryMissing: (cluster: string, repository: string) => Said;
  snapshotMissing: (cluster: string, repository: string, snapshot: string) => Said;
  restoreBlockedByOpenIndex: (cluster: string, index: string) => Said;
  indexNotFound: (cluster: string, index: string) => Said;
  accessDenied: (cluster: string, reason: string, hint: string) => Said;
  clusterUnreachable: (cluster: string, reason: string) => Said;
  requestFailed: (cluster: string, type: string, reason: string, hint: string | undefined) => Said;
};

const en: ClusterWords = {
  snapshotNameTaken: (cluster, repository, snapshot) => ({
    text: `${cluster}: snapshot "${snapshot}" already exists in repository "${repository}"`,
    hint: 'Pick another snapshot name, or leave the name out and one is generated.',
  }),
  concurrentSnapshot: (cluster, reason) => ({
    text: `${cluster}: another snapshot operation is running (${reason})`,
    hint: 'Wait for it to finish (/es snapshot list shows IN_PROGRESS snapshots), then try again.',
  }),
  repositoryMissing: (cluster, repository) => ({
    text: `${cluster}: repository "${repository}" is not registered`,
    hint: `Register it first: /es snapshot repo register ${cluster} ${repository}`,
  }),
  snapshotMissing: (cluster, repository, snapshot) => ({
    text: `${cluster}: snapshot "${snapshot}" does not exist in repository "${repository}"`,
    hint: `See what is there: /es snapshot list ${cluster} ${repository}`,
  }),
  restoreBlockedByOpenIndex: (cluster, index) => ({
    text: `${cluster}: cannot restore "${index}": an open index with the same name exists`,
    hint: 'Add `replace` to delete the existing index first (needs approval), or `rename=(.+):restored-$1` to restore beside it.',
  }),
  indexNotFound: (cluster, index) => ({
    text: `${cluster}: no such index "${index}"`,
    hint: 'Check the name; wildcards such as logs-* are resolved when you ask.',
  }),
  accessDenied: (cluster, reason, hint) => ({ text: `${cluster}: access denied: ${reason}`, hint }),
  clusterUnreachable: (cluster, reason) => ({
    text: `${cluster}: cluster did not answer (${reason})`,
    hint: 'Check the endpoint in the cluster config, the network path (VPC domains need a route from the bot) and the cluster health.',
  }),
  requestFailed: (cluster, type, reason, hint) => ({ text: `${cluster}: ${type}: ${reason}`, hint }),
};

const ja: ClusterWords = {
  snapshotNameTaken: (cluster, repository, snapshot) => ({
    text: `${cluster}: スナップショット "${snapshot}" はリポジトリ "${repository}" にすでにあります`,
    hint: '別の名前を付けるか、名前を省いて自動で付けてください。',
  }),
  concurrentSnapshot: (cluster, reason) => ({
    text: `${cluster}: 別のスナップショット操作が実行中です (${reason})`,
    hint: '終わるのを待ってから (/es snapshot list で IN_PROGRESS のものが分かります) やり直してください。',
  }),
  repositoryMissing: (cluster, repository) => ({
    text: `${cluster}: リポジトリ "${repository}" は登録されていません`,
    hint: `先に登録してください: /es snapshot repo register ${cluster} ${repository}`,
  }),
  snapshotMissing: (cluster, repository, snapshot) => ({
    text: `${cluster}: リポジトリ "${repository}" にスナップショット "${snapshot}" はありません`,
    hint: `中身を確認してください: /es snapshot list ${cluster} ${repository}`,
  }),
  restoreBlockedByOpenIndex: (cluster, index) => ({
    text: `${cluster}: "${index}" を復元できません: 同じ名前の開いたインデックスがあります`,
    hint: '`replace` で既存のインデックスを先に削除する (承認が必要) か、`rename=(.+):restored-$1` で別名に復元してください。',
  }),
  indexNotFound: (cluster, index) => ({
    text: `${cluster}: インデックス "${index}" はありません`,
    hint: '名前を確認してください。logs-* のようなワイルドカードは依頼の時点で解決されます。',
  }),
  accessDenied: (cluster, reason, hint) => ({ text: `${cluster}: アクセスが拒否されました: ${reason}`, hint }),
  clusterUnreachable: (cluster, reason) => ({
    text: `${cluster}: クラスターが応答しません (${reason})`,
    hint: '設定のエンドポイント、ネットワーク経路 (VPC ドメインにはボットからの経路が必要です)、クラスターの状態を確認してください。',
  }),
  requestFailed: (cluster, type, reason, hint) => ({ text: `${cluster}: ${type}: ${reason}`, hint }),
};

const clusterWords: Record<Language, ClusterWords> = { en, ja };

export type { ClusterWords };
export { clusterWords };
