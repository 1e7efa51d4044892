import type { Language, Said } from './language.js';

/** What the bot says when a cluster refuses, fails or does not answer. Every line starts with the cluster's alias. */
type ClusterWords = {
  snapshotNameTaken: (cluster: string, repository: string, snapshot: string) => Said;
  concurrentSnapshot: (cluster: string, reason: string) => Said;
  repositoryMissing: (cluster: string, repository: string) => Said;
  snapshotMissing: (cluster: string, repository: string, snapshot: string) => Said;
  restoreBlockedByOpenIndex: (cluster: string, index: string) => Said;
  indexNotFound: (cluster: string, index: string) => Said;
  /** `indices` as the engine lists them; `reason` is the engine's own sentence. */
  snapshotPrimariesMissing: (cluster: string, indices: string, reason: string) => Said;
  /** A request refused by the service's IAM check: the HTTP action the bot's role needs. */
  accessDeniedForAction: (cluster: string, reason: string, action: string) => Said;
  /** Registering an s3 repository refused: the bot may not hand the snapshot role to the service. */
  accessDeniedForPassRole: (cluster: string, reason: string) => Said;
  /** Refused by fine-grained access control: the bot's role is not mapped. */
  accessDeniedForRoleMapping: (cluster: string, reason: string) => Said;
  clusterUnreachable: (cluster: string, reason: string) => Said;
  /** `cause`: the deepest exception under `reason`, as the engine named it. */
  requestFailed: (cluster: string, type: string, reason: string, cause: EngineCause | undefined) => Said;
  operationNotAllowed: (cluster: string, reason: string) => Said;
  unexpectedAnswer: (cluster: string, detail: string) => Said;
};

/** The exception at the bottom of the engine's `caused_by` chain. */
type EngineCause = { type: string; reason: string };

/** The engine's error types whose reasons ask for the same next step; any other type gets the `other` hint. */
type FailureKind = 'repository' | 'arguments' | 'service' | 'blocked' | 'overloaded' | 'other';

const FAILURE_KINDS: Readonly<Record<string, FailureKind>> = {
  repository_exception: 'repository',
  repository_verification_exception: 'repository',
  illegal_argument_exception: 'arguments',
  action_request_validation_exception: 'arguments',
  parse_exception: 'arguments',
  // The managed service's own 400 (a `Message`, no engine type): the request as sent, e.g. an s3 repository's settings.
  http_400: 'service',
  cluster_block_exception: 'blocked',
  circuit_breaking_exception: 'overloaded',
  es_rejected_execution_exception: 'overloaded',
  opensearch_rejected_execution_exception: 'overloaded',
  process_cluster_event_timeout_exception: 'overloaded',
};

function failureKind(type: string): FailureKind {
  return Object.hasOwn(FAILURE_KINDS, type) ? (FAILURE_KINDS[type] as FailureKind) : 'other';
}

const FAILURE_HINTS_EN: Readonly<Record<FailureKind, string>> = {
  repository:
    "Check the repository's settings: an fs location must be under the cluster's path.repo, an s3 bucket must exist and the snapshot role must reach it (/es snapshot help repo register).",
  arguments: 'Check the values in the command; /es snapshot help lists each command and what it takes.',
  service:
    "The service refused the request as sent: check the values in the command and the cluster's default_repository in the config (/es snapshot help repo register).",
  blocked:
    'The cluster blocks the write (read-only, or disk past the flood-stage watermark): free disk or lift the block, then try again.',
  overloaded:
    'The cluster is too busy to take it now: wait a minute and try again (/es snapshot clusters shows its health).',
  other: "That is the cluster's own reason; its log says more, and /es snapshot clusters shows its health.",
};

const FAILURE_HINTS_JA: Readonly<Record<FailureKind, string>> = {
  repository:
    'リポジトリの設定を確認してください: fs の location はクラスターの path.repo の下に、s3 のバケットは実在し、スナップショット用ロールから届く必要があります (/es snapshot help repo register)。',
  arguments: 'コマンドの値を確認してください。/es snapshot help で各コマンドと受け付ける値が分かります。',
  service:
    'サービスが送られた内容のリクエストを拒否しました: コマンドの値と、設定ファイルにあるクラスターの default_repository を確認してください (/es snapshot help repo register)。',
  blocked:
    'クラスターが書き込みを止めています (読み取り専用、またはディスクが flood-stage の水準を超えています): ディスクを空けるかブロックを外してから、やり直してください。',
  overloaded:
    'クラスターが混み合っていて今は受け付けません: 1 分ほど待ってやり直してください (/es snapshot clusters で状態が分かります)。',
  other:
    'これはクラスター自身が返した理由です。詳しくはクラスターのログに、状態は /es snapshot clusters で分かります。',
};

/** The cause as said after the reason: its type only when it differs from the top's. */
function causeText(type: string, cause: EngineCause): string {
  return cause.type === type ? cause.reason : `${cause.type}: ${cause.reason}`;
}

/**
 * Why a request got no answer: the adapter's own reasons by key; anything else is the network's code
 * (ECONNREFUSED, ENOTFOUND …), shown as it is.
 */
const UNANSWERED_EN: Record<string, string> = { 'gateway-timeout': 'the gateway timed out', timeout: 'timed out' };
const UNANSWERED_JA: Record<string, string> = {
  'gateway-timeout': 'ゲートウェイがタイムアウトしました',
  timeout: 'タイムアウトしました',
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
  snapshotPrimariesMissing: (cluster, indices, reason) => ({
    text: `${cluster}: the snapshot cannot start: ${indices} have no active primary shard (${reason})`,
    hint: 'Take it again once those indices are green or yellow (_cluster/health), or narrow indices= to leave them out.',
  }),
  accessDeniedForAction: (cluster, reason, action) => ({
    text: `${cluster}: access denied: ${reason}`,
    hint: `Allow ${action} on arn:aws:es:<region>:<account>:domain/<domain>/* for the bot's IAM role.`,
  }),
  accessDeniedForPassRole: (cluster, reason) => ({
    text: `${cluster}: access denied: ${reason}`,
    hint: "Allow iam:PassRole on the snapshot role (the repository's role_arn) for the bot's IAM role.",
  }),
  accessDeniedForRoleMapping: (cluster, reason) => ({
    text: `${cluster}: access denied: ${reason}`,
    hint: "With fine-grained access control, map the bot's IAM role as a backend role of manage_snapshots.",
  }),
  clusterUnreachable: (cluster, reason) => ({
    text: `${cluster}: cluster did not answer (${UNANSWERED_EN[reason] ?? reason})`,
    hint: 'Check the endpoint in the cluster config, the network path (VPC domains need a route from the bot) and the cluster health.',
  }),
  requestFailed: (cluster, type, reason, cause) => ({
    text: `${cluster}: ${type}: ${reason}${cause === undefined ? '' : ` (cause: ${causeText(type, cause)})`}`,
    hint: FAILURE_HINTS_EN[failureKind(type)],
  }),
  operationNotAllowed: (cluster, reason) => ({
    text: `${cluster}: operation_not_allowed: ${reason}`,
    hint: 'Amazon OpenSearch Service does not offer this API; the bot uses another way where one exists.',
  }),
  unexpectedAnswer: (cluster, detail) => ({
    text: `${cluster}: unexpected_answer: the cluster answered in an unknown shape (${detail})`,
    hint: 'Check that the endpoint is an Elasticsearch / OpenSearch cluster of a supported version.',
  }),
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
  snapshotPrimariesMissing: (cluster, indices, reason) => ({
    text: `${cluster}: スナップショットを開始できません: ${indices} に稼働中のプライマリシャードがありません (${reason})`,
    hint: 'それらのインデックスが green か yellow になってから取り直すか (_cluster/health)、indices= を絞って外してください。',
  }),
  accessDeniedForAction: (cluster, reason, action) => ({
    text: `${cluster}: アクセスが拒否されました: ${reason}`,
    hint: `ボットの IAM ロールに、arn:aws:es:<region>:<account>:domain/<domain>/* に対する ${action} を許可してください。`,
  }),
  accessDeniedForPassRole: (cluster, reason) => ({
    text: `${cluster}: アクセスが拒否されました: ${reason}`,
    hint: 'ボットの IAM ロールに、スナップショット用ロール (リポジトリの role_arn) に対する iam:PassRole を許可してください。',
  }),
  accessDeniedForRoleMapping: (cluster, reason) => ({
    text: `${cluster}: アクセスが拒否されました: ${reason}`,
    hint: 'きめ細かなアクセス制御を使っている場合は、ボットの IAM ロールを manage_snapshots のバックエンドロールにマッピングしてください。',
  }),
  clusterUnreachable: (cluster, reason) => ({
    text: `${cluster}: クラスターが応答しません (${UNANSWERED_JA[reason] ?? reason})`,
    hint: '設定のエンドポイント、ネットワーク経路 (VPC ドメインにはボットからの経路が必要です)、クラスターの状態を確認してください。',
  }),
  requestFailed: (cluster, type, reason, cause) => ({
    text: `${cluster}: ${type}: ${reason}${cause === undefined ? '' : ` (原因: ${causeText(type, cause)})`}`,
    hint: FAILURE_HINTS_JA[failureKind(type)],
  }),
  operationNotAllowed: (cluster, reason) => ({
    text: `${cluster}: operation_not_allowed: ${reason}`,
    hint: 'Amazon OpenSearch Service はこの API を提供していません。別の方法があれば、ボットはそちらを使います。',
  }),
  unexpectedAnswer: (cluster, detail) => ({
    text: `${cluster}: unexpected_answer: クラスターの応答が想定外の形です (${detail})`,
    hint: 'エンドポイントが対応バージョンの Elasticsearch / OpenSearch クラスターか確認してください。',
  }),
};

const clusterWords: Record<Language, ClusterWords> = { en, ja };

export type { ClusterWords, EngineCause };
export { clusterWords };
