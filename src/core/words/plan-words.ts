import { LeftOutReason } from '../model/left-out.js';
import type { ShardFailure } from '../model/snapshot.js';
import type { Language, Said } from './language.js';

/** What the bot says when a command reads well but cannot be planned against what the clusters hold now. */
/** What a plan is asked for by a step: a job whose steps and plan disagree was built or stored wrongly. */
type PlanPart = 'snapshot' | 'deletions' | 'restores' | 'repository';

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

type LeftOut = { index: string; reason: LeftOutReason; pattern: string | undefined };

function failedIndices(failures: readonly ShardFailure[]): string[] {
  return [...new Set(failures.map((failure) => failure.index))].sort();
}

function failedShards(failures: readonly ShardFailure[], noReason: string): string {
  return failures
    .map((failure) => `${failure.index}[${failure.shardId ?? '?'}]: ${failure.reason ?? noReason}`)
    .join('; ');
}

type PlanWords = {
  planLacks: (jobKind: string, part: PlanPart) => Said;
  noSuchCluster: (alias: string, configured: readonly string[]) => Said;
  migrateOneCluster: Said;
  nothingToMigrate: (cluster: string) => Said;
  nothingToDelete: (cluster: string) => Said;
  /** A snapshot of every index, on a cluster with no active shard (no index, or none readable), without its global state. */
  nothingToSnapshot: (cluster: string) => Said;
  noIndexMatches: (cluster: string, unmatched: readonly string[]) => Said;
  noDefaultRepository: (cluster: string) => Said;
  reservedRepositoryName: Said;
  fsWithoutLocation: Said;
  s3WithoutBucket: Said;
  /** A new repository that would be placed inside the default one under a name the engine writes there. */
  nameInsideDefaultRepository: (name: string, defaultName: string) => Said;
  s3WithoutRoleArn: Said;
  targetsExist: (cluster: string, names: readonly string[]) => Said;
  snapshotNotRestorable: (snapshot: string, state: string) => Said;
  snapshotLacksIndex: (snapshot: string, pattern: string, held: readonly string[], more: boolean) => Said;
  /** One index a restore or migration leaves out, and why. */
  leftOutEntry: (entry: LeftOut) => string;
  leftOutHeading: (count: number) => string;
  leftOutLine: (entry: LeftOut) => string;
  onlyLeftOut: (entries: readonly string[]) => Said;
  notDeletedHeading: (count: number) => string;
  onlyHiddenToDelete: (cluster: string, names: readonly string[]) => Said;
  /** `failures`: each failed shard with the engine's reason; the engine refuses to restore such an index. */
  indicesNotFullySnapshotted: (snapshot: string, failures: readonly ShardFailure[]) => Said;
  renameClash: (index: string) => Said;
  snapshotGoneSincePlan: (snapshot: string, repository: string) => Said;
};

const RENAME_EXAMPLE = 'rename=(.+):restored-$1';

const en: PlanWords = {
  planLacks: (jobKind, part) => ({
    text: `a ${jobKind} job has ${EN_PARTS[part]}: its steps do not fit its plan`,
    hint: 'The job was stored wrongly; ask again with a new command.',
  }),
  noSuchCluster: (alias, configured) => ({
    text: `there is no cluster "${alias}"`,
    hint: `Configured clusters: ${configured.join(', ')}`,
  }),
  migrateOneCluster: { text: 'migrate needs two different clusters', hint: 'Use restore within one cluster.' },
  nothingToMigrate: (cluster) => ({ text: `nothing to migrate from ${cluster}` }),
  nothingToDelete: (cluster) => ({ text: `nothing to delete on ${cluster}` }),
  nothingToSnapshot: (cluster) => ({
    text: `${cluster} has no index with an active shard, so a snapshot of it would hold nothing`,
    hint: 'Create the indices first, or add global_state=true to keep only the cluster state.',
  }),
  noIndexMatches: (cluster, unmatched) => ({
    text: `no index on ${cluster} matches ${unmatched.map((name) => `"${name}"`).join(', ')}`,
    hint: 'See the indices with a pattern, e.g. indices=logs-*; names are exact and lowercase.',
  }),
  noDefaultRepository: (cluster) => ({
    text: `no repository given, and cluster ${cluster} has no default_repository`,
    hint: `Name one (see /es snapshot repos ${cluster}), or set default_repository in the cluster config.`,
  }),
  reservedRepositoryName: { text: 'repository names starting with "cs-" are reserved for automated snapshots' },
  fsWithoutLocation: {
    text: 'an fs repository needs location=<path in path.repo>',
    hint: "Give location=, or set an fs default_repository in the cluster config: a new repository then gets its own folder inside the default's.",
  },
  s3WithoutBucket: {
    text: 'an s3 repository needs bucket=<name>',
    hint: "Give bucket= (and region=, role_arn=), or set an s3 default_repository in the cluster config: a new repository then gets its own base_path in the default's bucket.",
  },
  nameInsideDefaultRepository: (name, defaultName) => ({
    text: `a repository named "${name}" cannot get its own place inside repository "${defaultName}": the cluster writes files of that name there`,
    hint: 'Pick another name, or give the place yourself with location= (fs) or base_path= (s3).',
  }),
  s3WithoutRoleArn: {
    text: 'Amazon OpenSearch Service needs role_arn=<snapshot role ARN> to register an s3 repository',
  },
  targetsExist: (cluster, names) => ({
    text: `${names.map((name) => `"${name}"`).join(', ')} already exist${names.length === 1 ? 's' : ''} on ${cluster}`,
    hint: `Add \`replace\` to delete them first (the approval shows what goes), or restore beside them with ${RENAME_EXAMPLE}`,
  }),
  snapshotNotRestorable: (snapshot, state) => ({
    text: `snapshot "${snapshot}" is ${state}: only SUCCESS or PARTIAL snapshots restore`,
  }),
  snapshotLacksIndex: (snapshot, pattern, held, more) => ({
    text: `snapshot "${snapshot}" has no index matching "${pattern}"`,
    hint: `It holds: ${held.join(', ')}${more ? ', …' : ''}`,
  }),
  leftOutEntry: ({ index, reason, pattern }) => {
    const because = {
      [LeftOutReason.SYSTEM]: `system index (matches \`${pattern}\`): the managed service refuses to restore it`,
      [LeftOutReason.PROTECTED]: `protected by the cluster's config (matches \`${pattern}\`)`,
      [LeftOutReason.HIDDEN]: 'hidden index (index.hidden: true)',
      [LeftOutReason.DOT_NAME]: 'its name starts with a dot: a hidden or system index, by the engines’ convention',
    }[reason];
    return `\`${index}\` — ${because}`;
  },
  leftOutHeading: (count) => `*Left out (${count}), not restored:*`,
  leftOutLine: (entry) => `• ${en.leftOutEntry(entry)}`,
  notDeletedHeading: (count) =>
    `*Not deleted (${count}): wildcards skip hidden indices, as the engines do; name one exactly to delete it:*`,
  onlyHiddenToDelete: (cluster, names) => ({
    text: `the list reaches only hidden indices on ${cluster}, and wildcards skip those: ${names.map((name) => `"${name}"`).join(', ')}`,
    hint: 'Name a hidden index exactly to delete it.',
  }),
  onlyLeftOut: (entries) => ({
    text: `everything indices= reaches is left out: ${entries.join('; ')}`,
    hint: 'System, protected and hidden indices are never restored or migrated; name the data indices you need, e.g. indices=logs-*',
  }),
  indicesNotFullySnapshotted: (snapshot, failures) => ({
    text: `snapshot "${snapshot}" is PARTIAL and does not hold all of ${failedIndices(failures).join(', ')} (${failedShards(failures, 'no reason given')}): the cluster would refuse to restore them`,
    hint: 'Narrow indices= to the indices it holds whole, or restore these from a snapshot that holds them whole',
  }),
  renameClash: (index) => ({
    text: `the rename maps two indices onto "${index}"`,
    hint: `Keep a capture group of the whole name in the replacement, e.g. ${RENAME_EXAMPLE}`,
  }),
  snapshotGoneSincePlan: (snapshot, repository) => ({
    text: `snapshot "${snapshot}" is no longer in repository "${repository}": nothing was restored`,
    hint: 'See what there is with /es snapshot list, then ask again with a snapshot that exists.',
  }),
};

const ja: PlanWords = {
  planLacks: (jobKind, part) => ({
    text: `${jobKind} のジョブには${JA_PARTS[part]}: 手順が計画と合っていません`,
    hint: 'ジョブの記録が壊れています。コマンドをもう一度実行してください。',
  }),
  noSuchCluster: (alias, configured) => ({
    text: `クラスタ "${alias}" はありません`,
    hint: `設定済みのクラスタ: ${configured.join('、')}`,
  }),
  migrateOneCluster: {
    text: 'migrate には異なる2つのクラスタが必要です',
    hint: '1つのクラスタの中では restore を使ってください。',
  },
  nothingToMigrate: (cluster) => ({ text: `${cluster} から移行するものがありません` }),
  nothingToDelete: (cluster) => ({ text: `${cluster} で削除するものがありません` }),
  nothingToSnapshot: (cluster) => ({
    text: `${cluster} にはアクティブなシャードを持つインデックスがないため、スナップショットには何も入りません`,
    hint: '先にインデックスを作るか、クラスターの状態だけを残すなら global_state=true を付けてください。',
  }),
  noIndexMatches: (cluster, unmatched) => ({
    text: `${cluster} には ${unmatched.map((name) => `"${name}"`).join('、')} に一致するインデックスがありません`,
    hint: 'indices=logs-* のようなパターンでインデックスを確かめてください。名前は完全一致で小文字です。',
  }),
  noDefaultRepository: (cluster) => ({
    text: `リポジトリの指定がなく、クラスタ ${cluster} には default_repository もありません`,
    hint: `リポジトリを指定するか (/es snapshot repos ${cluster} で確認できます)、クラスタ設定で default_repository を設定してください。`,
  }),
  reservedRepositoryName: { text: '"cs-" で始まるリポジトリ名は自動スナップショット用に予約されています' },
  fsWithoutLocation: {
    text: 'fs リポジトリには location=<path.repo 内のパス> が必要です',
    hint: 'location= を指定するか、クラスタ設定で fs の default_repository を設定してください。新しいリポジトリはその中に専用のフォルダを持ちます。',
  },
  s3WithoutBucket: {
    text: 's3 リポジトリには bucket=<名前> が必要です',
    hint: 'bucket= (と region=、role_arn=) を指定するか、クラスタ設定で s3 の default_repository を設定してください。新しいリポジトリはそのバケット内に専用の base_path を持ちます。',
  },
  nameInsideDefaultRepository: (name, defaultName) => ({
    text: `"${name}" という名前のリポジトリはリポジトリ "${defaultName}" の中に置けません: クラスタがそこに同じ名前のファイルを書きます`,
    hint: '別の名前にするか、location= (fs) または base_path= (s3) で置き場所を指定してください。',
  }),
  s3WithoutRoleArn: {
    text: 'Amazon OpenSearch Service で s3 リポジトリを登録するには role_arn=<スナップショット用ロールの ARN> が必要です',
  },
  targetsExist: (cluster, names) => ({
    text: `${names.map((name) => `"${name}"`).join('、')} は ${cluster} に既にあります`,
    hint: `\`replace\` を付けると先に削除します (削除されるものは承認メッセージに出ます)。または ${RENAME_EXAMPLE} でその横に復元してください。`,
  }),
  snapshotNotRestorable: (snapshot, state) => ({
    text: `スナップショット "${snapshot}" は ${state} です: 復元できるのは SUCCESS か PARTIAL のスナップショットだけです`,
  }),
  snapshotLacksIndex: (snapshot, pattern, held, more) => ({
    text: `スナップショット "${snapshot}" には "${pattern}" に一致するインデックスがありません`,
    hint: `含まれているもの: ${held.join('、')}${more ? '、…' : ''}`,
  }),
  leftOutEntry: ({ index, reason, pattern }) => {
    const because = {
      [LeftOutReason.SYSTEM]: `システムインデックス (\`${pattern}\` に一致): マネージドサービスは復元を拒否します`,
      [LeftOutReason.PROTECTED]: `クラスタ設定で保護されています (\`${pattern}\` に一致)`,
      [LeftOutReason.HIDDEN]: '隠しインデックス (index.hidden: true)',
      [LeftOutReason.DOT_NAME]:
        '名前がドットで始まります: エンジンの慣例では隠しインデックスかシステムインデックスです',
    }[reason];
    return `\`${index}\` — ${because}`;
  },
  leftOutHeading: (count) => `*対象外 (${count} 件、復元しません):*`,
  leftOutLine: (entry) => `• ${ja.leftOutEntry(entry)}`,
  notDeletedHeading: (count) =>
    `*削除しないもの (${count} 件): エンジンと同じくワイルドカードは隠しインデックスに届きません。削除するには正確な名前で指定してください:*`,
  onlyHiddenToDelete: (cluster, names) => ({
    text: `${cluster} で届いたのは隠しインデックスだけで、ワイルドカードはそれを対象にしません: ${names.map((name) => `"${name}"`).join('、')}`,
    hint: '隠しインデックスを削除するには正確な名前で指定してください。',
  }),
  onlyLeftOut: (entries) => ({
    text: `indices= に一致したものはすべて対象外です: ${entries.join('、')}`,
    hint: 'システム・保護・隠しインデックスは復元も移行もしません。必要なデータのインデックスを指定してください (例 indices=logs-*)',
  }),
  indicesNotFullySnapshotted: (snapshot, failures) => ({
    text: `スナップショット "${snapshot}" は PARTIAL で、${failedIndices(failures).join('、')} を完全には含んでいません (${failedShards(failures, '理由の記載なし')})。クラスターはこれらの復元を拒否します`,
    hint: 'indices= を完全に含まれているインデックスに絞るか、これらを完全に含む別のスナップショットから復元してください',
  }),
  renameClash: (index) => ({
    text: `この rename では2つのインデックスが "${index}" に重なります`,
    hint: `置換後の名前に、名前全体のキャプチャグループを残してください (例 ${RENAME_EXAMPLE})`,
  }),
  snapshotGoneSincePlan: (snapshot, repository) => ({
    text: `スナップショット "${snapshot}" はリポジトリ "${repository}" にもうありません: 何も復元していません`,
    hint: '/es snapshot list で今あるものを確かめ、あるスナップショットでもう一度依頼してください。',
  }),
};

const planWords: Record<Language, PlanWords> = { en, ja };

export type { PlanPart, PlanWords };
export { planWords };
