import { LIST_LIMIT } from '../commands/list.js';
import { COMMAND_PREFIX, type Verb } from '../grammar/command-request.js';
import type { Language } from './language.js';

/** What `help <verb>` says of one verb besides its usage line (which is syntax, kept with the verb). */
type VerbHelp = {
  /** One sentence for the overview. */
  summary: string;
  /** Anything else `help <verb>` should say, one line each. */
  notes: readonly string[];
  /** A complete command. */
  example: string;
};

/** The words of `help`: each verb's summary, notes and example, and the overview around them. */
type HelpWords = {
  helpVerbs: Readonly<Record<Verb, VerbHelp>>;
  /** The overview's first line. */
  helpIntro: string;
  /** The overview's last line: what waits for approval (already listed), and how to read one command. */
  helpFooter: (waiting: readonly string[], helpCommand: string) => string;
  /** A verb in the footer's list that waits on some clusters only. */
  helpOnClusters: (verb: string, clusters: readonly string[]) => string;
  /** How `cancel` is listed among what waits: only stopping a running restore does (it deletes indices). */
  helpCancelWaiting: string;
  /** `help <verb>` of a job verb that waits; `clusters` undefined: on every cluster. */
  helpWaits: (clusters: readonly string[] | undefined) => string;
  /** `help cancel` when stopping a running restore waits; `clusters` undefined: on every cluster. */
  helpCancelWaits: (clusters: readonly string[] | undefined) => string;
  helpExample: (example: string) => string;
};

/** How the replacement of `rename=` reads, as the engine reads it (src/core/restore/java-replacement.ts). */
const RENAME_RULES_EN = `rename= is read as the cluster reads it (Java's rules): $0 is the whole match, $1… a group, \${name} a named group, \\$ a dollar sign; the plan shows each new name.`;
const RENAME_RULES_JA = `rename= はクラスタと同じ規則 (Java) で読みます: $0 は一致全体、$1… はグループ、\${name} は名前付きグループ、\\$ はドル記号です。計画に新しい名前がすべて出ます。`;

/** Commands are syntax: the same in every language. */
const EXAMPLES: Readonly<Record<Verb, string>> = {
  help: `${COMMAND_PREFIX} help restore`,
  clusters: `${COMMAND_PREFIX} clusters`,
  repos: `${COMMAND_PREFIX} repos prod`,
  'repo-register': `${COMMAND_PREFIX} repo register prod migration bucket=acme-snapshots region=eu-west-1 role_arn=arn:aws:iam::123456789012:role/SnapshotRole`,
  create: `${COMMAND_PREFIX} create prod migration nightly-2026.11.02 indices=logs-*,orders`,
  list: `${COMMAND_PREFIX} list prod cs-automated-enc limit=5`,
  status: `${COMMAND_PREFIX} status prod migration nightly-2026.11.02`,
  delete: `${COMMAND_PREFIX} delete prod migration nightly-2026.11.02`,
  'delete-index': `${COMMAND_PREFIX} delete-index staging logs-2026.10.*,orders-old`,
  restore: `${COMMAND_PREFIX} restore prod migration nightly-2026.11.02 indices=logs-* rename=(.+):restored-$1`,
  migrate: `${COMMAND_PREFIX} migrate prod staging migration indices=orders,customers replace`,
  jobs: `${COMMAND_PREFIX} jobs mine`,
  job: `${COMMAND_PREFIX} job k3x9q2m7`,
  cancel: `${COMMAND_PREFIX} cancel k3x9q2m7`,
  approve: `${COMMAND_PREFIX} approve k3x9q2m7`,
  reject: `${COMMAND_PREFIX} reject k3x9q2m7 "wrong cluster, use staging"`,
};

/** `a`, `a and b`, `a, b and c` */
function listedEn(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const en: HelpWords = {
  helpVerbs: {
    help: {
      summary: 'Show every command, or one command in detail with an example.',
      notes: [`${COMMAND_PREFIX} alone shows this help too.`],
      example: EXAMPLES.help,
    },
    clusters: {
      summary: 'List the configured clusters with their health and default repository.',
      notes: [],
      example: EXAMPLES.clusters,
    },
    repos: { summary: 'List the snapshot repositories registered on a cluster.', notes: [], example: EXAMPLES.repos },
    'repo-register': {
      summary: 'Register (or update) a snapshot repository on a cluster.',
      notes: [
        "Settings left out come from the cluster's default repository in the bot config. Under the default's name that is the default itself; under another name the new repository gets its own place inside the default's: <location>/<name> for fs, base_path <base_path>/<name> in the same bucket for s3.",
        'bucket=, region=, role_arn= and base_path= make an s3 repository; location= an fs one.',
      ],
      example: EXAMPLES['repo-register'],
    },
    create: {
      summary: 'Take a snapshot now.',
      notes: [
        "Without [repo] the cluster's default repository is used; without [name] a name is generated.",
        'Without indices= the snapshot holds every index the cluster includes by default.',
        'indices= takes the engines’ exclusions, read in order: logs-*,-logs-debug-* (a list may not start with one: that would start from every index).',
        'partial=true keeps the snapshot going when some primary shards are unavailable: it ends PARTIAL, naming them.',
      ],
      example: EXAMPLES.create,
    },
    list: {
      summary: 'List the newest snapshots in a repository.',
      notes: [
        "Without [repo] the cluster's default repository is listed.",
        `limit= is ${LIST_LIMIT.min} to ${LIST_LIMIT.max}, ${LIST_LIMIT.fallback} when left out.`,
      ],
      example: EXAMPLES.list,
    },
    status: {
      summary: "Show a snapshot's state, shards, bytes and how far it has got.",
      notes: [],
      example: EXAMPLES.status,
    },
    delete: {
      summary: 'Delete a snapshot.',
      notes: ["The service's automated snapshots (cs-automated…) cannot be deleted."],
      example: EXAMPLES.delete,
    },
    'delete-index': {
      summary: 'Delete indices.',
      notes: [
        'Patterns are resolved when you ask: the approval message lists the exact indices, and only those are deleted.',
        'A list that reaches a protected or system index is refused whole, naming it, never shrunk: leave it out with an exclusion, e.g. logs-*,-logs-keep.',
        'Wildcards skip hidden indices, as the engines do: the approval lists those a wildcard reached under Not deleted; name one exactly to delete it. _all and * are refused.',
      ],
      example: EXAMPLES['delete-index'],
    },
    restore: {
      summary: 'Restore indices from a snapshot.',
      notes: [
        'indices= is required; it takes names, patterns and exclusions read in order against the snapshot’s indices: logs-*,-logs-debug-*.',
        'Left out, and listed with the reason on the approval message: system indices (.kibana*, .opendistro*, .opensearch*, .plugins*, .security*, .tasks, .ql-datasources, .replication-metadata-store), protected ones, ones hidden on this cluster, and names starting with a dot (a snapshot does not say which are hidden). A list that reaches only those is refused.',
        '`replace` deletes the existing indices of the same names first; rename= restores beside them instead.',
        'rename= splits at the first colon; write \\: for a colon in the pattern.',
        'A preflight checks the repository, versions, name and write-alias clashes, disk under the high watermark and the shard limit before the approval message; a failed check refuses the request and says what to do.',
        RENAME_RULES_EN,
      ],
      example: EXAMPLES.restore,
    },
    migrate: {
      summary: 'Copy indices from one cluster to another through a snapshot, the whole runbook.',
      notes: [
        'Registers the repository on both clusters, snapshots, restores and checks document counts.',
        "Without [repo] the source cluster's default repository is used.",
        'indices= takes names, patterns and exclusions read in order (logs-*,-logs-debug-*); the snapshot is taken of the exact names the approval lists.',
        'Left out, and listed with the reason on the approval message: system indices, indices protected on either cluster, and hidden ones (index.hidden on the source). A list that reaches only those is refused.',
        "`replace` deletes the target's indices of the same names first; rename= restores beside them instead.",
        'A preflight checks the repository, versions, name and write-alias clashes, disk under the high watermark and the shard limit before the approval message; a failed check refuses the request and says what to do.',
        RENAME_RULES_EN,
      ],
      example: EXAMPLES.migrate,
    },
    jobs: {
      summary: 'List the jobs still waiting or running, or every recent job you asked for.',
      notes: ['Without a filter the active jobs are listed.'],
      example: EXAMPLES.jobs,
    },
    job: { summary: 'Show a job: its plan, where it is, and who did what when.', notes: [], example: EXAMPLES.job },
    cancel: {
      summary: 'Cancel a job that is waiting for approval or has not finished.',
      notes: [
        'Its requester or an approver may cancel. Waiting for approval or queued: it ends Cancelled at once, nothing ran.',
        'Running: the cancel is recorded on the job (who, when) and shown on its message at once. The job stops at its next safe point (before its next step, or while it waits for the cluster) and ends Cancelled, never Failed; on-call is told it was cancelled.',
        'A step already sending its request (registering a repository, deleting indices) finishes first; no later step runs. Indices that `replace` has already deleted are not brought back.',
        'During its snapshot: the snapshot is aborted only while it still runs and was taken by this job, with no approval (it held nothing before the job). One that ended meanwhile is kept, and the job says so.',
        'After its snapshot: the snapshot is kept.',
        'During its restore: the target indices still recovering from its snapshot are deleted by a new index deletion job, listing exactly them, which waits for approval like any deletion; indices already restored are kept.',
      ],
      example: EXAMPLES.cancel,
    },
    approve: {
      summary: "Approve a request: click Approve on the job's message.",
      notes: [
        "An approval is a click on the job's own message, in its channel, where the plan it approves is shown; typed, approve says where that message is.",
        "Approvers come from the cluster's approval config; the requester cannot approve their own request unless the cluster allows it. A changed plan asks again.",
        'In npm start without Slack, type approve <id> to click it.',
      ],
      example: EXAMPLES.approve,
    },
    reject: {
      summary: 'Reject a request that waits for approval, with an optional reason.',
      notes: [
        "Click Reject on the job's message, or type reject <id> with a reason in quotes in the job's channel; the same people may reject as may approve.",
        'The reason is recorded on the job (/es snapshot job <id>) and shown on its message. Nothing of the request runs.',
      ],
      example: EXAMPLES.reject,
    },
  },
  helpIntro: `*${COMMAND_PREFIX}*: snapshots, restores and migrations from this channel.`,
  helpFooter: (waiting, helpCommand) =>
    `${waiting.length === 0 ? 'Nothing waits for approval.' : `Waits for approval: ${waiting.join(', ')}.`} ${helpCommand} shows one command with an example.`,
  helpOnClusters: (verb, clusters) => `${verb} (on ${listedEn(clusters)})`,
  helpCancelWaiting: 'cancel of a running restore',
  helpWaits: (clusters) =>
    clusters === undefined
      ? 'Waits for an approver before it runs.'
      : `Waits for an approver before it runs on ${listedEn(clusters)}.`,
  helpCancelWaits: (clusters) =>
    `Stopping a running restore deletes the indices still restoring, which waits for an approver${clusters === undefined ? '' : ` on ${listedEn(clusters)}`}.`,
  helpExample: (example) => `Example: ${example}`,
};

const ja: HelpWords = {
  helpVerbs: {
    help: {
      summary: 'すべてのコマンド、または1つのコマンドの詳細と例を表示します。',
      notes: [`${COMMAND_PREFIX} だけでもこのヘルプが出ます。`],
      example: EXAMPLES.help,
    },
    clusters: {
      summary: '設定済みのクラスタを、状態と既定のリポジトリとともに一覧します。',
      notes: [],
      example: EXAMPLES.clusters,
    },
    repos: {
      summary: 'クラスタに登録されたスナップショットリポジトリを一覧します。',
      notes: [],
      example: EXAMPLES.repos,
    },
    'repo-register': {
      summary: 'クラスタにスナップショットリポジトリを登録 (または更新) します。',
      notes: [
        '省略した設定は、ボットの設定にあるクラスタの既定リポジトリから取ります。既定と同じ名前なら既定そのもの、別の名前なら既定の中に専用の置き場所を持ちます: fs は <location>/<名前>、s3 は同じバケットの base_path <base_path>/<名前> です。',
        'bucket=、region=、role_arn=、base_path= を指定すると s3 リポジトリ、location= なら fs リポジトリです。',
      ],
      example: EXAMPLES['repo-register'],
    },
    create: {
      summary: '今すぐスナップショットを取ります。',
      notes: [
        '[repo] を省くとクラスタの既定リポジトリを使い、[name] を省くと名前を自動で付けます。',
        'indices= を省くと、クラスタが既定で含めるすべてのインデックスをスナップショットに入れます。',
        'indices= ではエンジンと同じ除外が使え、前から順に読みます: logs-*,-logs-debug-* (除外から始めることはできません: すべてのインデックスから始まってしまうためです)。',
        'partial=true にすると、一部のプライマリシャードが使えなくても続行し、PARTIAL で終わってそのシャードを示します。',
      ],
      example: EXAMPLES.create,
    },
    list: {
      summary: 'リポジトリの新しいスナップショットを一覧します。',
      notes: [
        '[repo] を省くとクラスタの既定リポジトリを一覧します。',
        `limit= は ${LIST_LIMIT.min} から ${LIST_LIMIT.max} まで、省くと ${LIST_LIMIT.fallback} です。`,
      ],
      example: EXAMPLES.list,
    },
    status: {
      summary: 'スナップショットの状態、シャード、バイト数、進み具合を表示します。',
      notes: [],
      example: EXAMPLES.status,
    },
    delete: {
      summary: 'スナップショットを削除します。',
      notes: ['サービスの自動スナップショット (cs-automated…) は削除できません。'],
      example: EXAMPLES.delete,
    },
    'delete-index': {
      summary: 'インデックスを削除します。',
      notes: [
        'パターンは依頼した時点で解決され、承認メッセージに正確なインデックスが並び、それだけが削除されます。',
        '保護されたインデックスやシステムインデックスに届く依頼は、黙って減らさずに、その名前を示して全体を断ります: 除外で外してください (例 logs-*,-logs-keep)。',
        'ワイルドカードはエンジンと同じく隠しインデックスに届きません: ワイルドカードが届いたものは承認メッセージに「削除しないもの」として並びます。削除するには正確な名前で指定してください。_all と * は受け付けません。',
      ],
      example: EXAMPLES['delete-index'],
    },
    restore: {
      summary: 'スナップショットからインデックスを復元します。',
      notes: [
        'indices= は必須です。名前・パターン・除外を、スナップショットのインデックスに対して前から順に読みます: logs-*,-logs-debug-*。',
        '次のものは対象外とし、承認メッセージに理由とともに示します: システムインデックス (.kibana*、.opendistro*、.opensearch*、.plugins*、.security*、.tasks、.ql-datasources、.replication-metadata-store)、保護されたもの、このクラスタで隠しインデックスのもの、ドットで始まる名前 (スナップショットはどれが隠しかを示さないため)。それしか届かない依頼は断ります。',
        '`replace` は同じ名前の既存インデックスを先に削除し、rename= はその横に別名で復元します。',
        'rename= は最初のコロンで分かれます。パターン中のコロンは \\: と書いてください。',
        '承認メッセージの前に事前チェックがリポジトリ、バージョン、名前と書き込みエイリアスの衝突、高ウォーターマークまでのディスク、シャード上限を確かめます。失敗したチェックがあれば依頼を受け付けず、どうすればよいかを示します。',
        RENAME_RULES_JA,
      ],
      example: EXAMPLES.restore,
    },
    migrate: {
      summary: 'スナップショットを通して、インデックスをあるクラスタから別のクラスタへ手順一式でコピーします。',
      notes: [
        '両方のクラスタにリポジトリを登録し、スナップショットを取り、復元し、ドキュメント数を確かめます。',
        '[repo] を省くとコピー元クラスタの既定リポジトリを使います。',
        'indices= は名前・パターン・除外を前から順に読みます (logs-*,-logs-debug-*)。スナップショットは承認メッセージに並ぶ正確な名前で取ります。',
        '次のものは対象外とし、承認メッセージに理由とともに示します: システムインデックス、どちらかのクラスタで保護されたもの、隠しインデックス (コピー元の index.hidden)。それしか届かない依頼は断ります。',
        '`replace` はコピー先の同じ名前のインデックスを先に削除し、rename= はその横に別名で復元します。',
        '承認メッセージの前に事前チェックがリポジトリ、バージョン、名前と書き込みエイリアスの衝突、高ウォーターマークまでのディスク、シャード上限を確かめます。失敗したチェックがあれば依頼を受け付けず、どうすればよいかを示します。',
        RENAME_RULES_JA,
      ],
      example: EXAMPLES.migrate,
    },
    jobs: {
      summary: '待機中や実行中のジョブ、または自分が依頼した最近のジョブをすべて一覧します。',
      notes: ['絞り込みを省くと、進行中のジョブを一覧します。'],
      example: EXAMPLES.jobs,
    },
    job: {
      summary: 'ジョブの計画、今どこにいるか、誰がいつ何をしたかを表示します。',
      notes: [],
      example: EXAMPLES.job,
    },
    cancel: {
      summary: '承認待ちのジョブや、終わっていないジョブを取り消します。',
      notes: [
        '取り消せるのは依頼者か承認者です。承認待ちか実行待ちなら、すぐに「取り消し」で終わり、何も実行されません。',
        '実行中なら、取り消しは誰がいつ依頼したかとともにジョブに記録され、すぐにメッセージに表示されます。ジョブは次の安全な時点 (次の手順の前、またはクラスターを待っている間) で止まり、「失敗」ではなく「取り消し」で終わります。オンコールには取り消しとして知らせます。',
        'すでにリクエストを送っている手順 (リポジトリの登録、インデックスの削除) は最後まで進み、そのあとの手順は実行しません。`replace` ですでに削除したインデックスは元に戻りません。',
        'スナップショットの途中なら、まだ実行中でこのジョブが取ったものである場合に限り、承認なしで中止します (ジョブより前からあったものは何も消しません)。その間に終わっていたものは残し、ジョブにそう表示します。',
        'スナップショットのあとなら、スナップショットは残します。',
        '復元の途中なら、そのスナップショットからまだ復元中の復元先インデックスだけを並べた新しいインデックス削除ジョブで削除します。このジョブはほかの削除と同じく承認を待ちます。復元を終えたインデックスは残します。',
      ],
      example: EXAMPLES.cancel,
    },
    approve: {
      summary: '依頼を承認します: ジョブのメッセージの「承認」を押してください。',
      notes: [
        '承認は、承認する計画を表示しているジョブ自身のメッセージ (そのチャンネル内) のボタンを押すことです。approve を入力すると、そのメッセージの場所を答えます。',
        '承認者はクラスターの approval 設定で決まります。クラスターが許さない限り、依頼者は自分の依頼を承認できません。計画が変われば、もう一度承認を求めます。',
        'Slack なしの npm start では approve <id> と入力するとボタンを押したことになります。',
      ],
      example: EXAMPLES.approve,
    },
    reject: {
      summary: '承認待ちの依頼を却下します。理由も付けられます。',
      notes: [
        'ジョブのメッセージの「却下」を押すか、ジョブのチャンネルで reject <id> に続けて理由を引用符で囲んで入力してください。却下できるのは承認できる人と同じです。',
        '理由はジョブに記録され (/es snapshot job <id>)、メッセージに表示されます。依頼の内容は何も実行されません。',
      ],
      example: EXAMPLES.reject,
    },
  },
  helpIntro: `*${COMMAND_PREFIX}*: このチャンネルからスナップショット、復元、移行を行います。`,
  helpFooter: (waiting, helpCommand) =>
    `${waiting.length === 0 ? '承認を待つコマンドはありません。' : `承認を待つもの: ${waiting.join('、')}。`}${helpCommand} で1つのコマンドを例とともに表示します。`,
  helpOnClusters: (verb, clusters) => `${verb} (${clusters.join('、')} で)`,
  helpCancelWaiting: '実行中の復元の cancel',
  helpWaits: (clusters) =>
    clusters === undefined
      ? '実行前に承認者の承認を待ちます。'
      : `${clusters.join('、')} では実行前に承認者の承認を待ちます。`,
  helpCancelWaits: (clusters) =>
    `実行中の復元を止めると復元中のインデックスを削除するため、${clusters === undefined ? '' : `${clusters.join('、')} では`}承認者の承認を待ちます。`,
  helpExample: (example) => `例: ${example}`,
};

const helpWords: Record<Language, HelpWords> = { en, ja };

export type { HelpWords, VerbHelp };
export { helpWords };
