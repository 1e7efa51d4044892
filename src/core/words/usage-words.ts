import type { Language, Said } from './language.js';
import { shownName } from './shown-name.js';

/** What a name is, in messages about it. */
type NameKind = 'index' | 'index pattern' | 'snapshot' | 'repository' | 'path segment';

/** Why a name is refused: the cluster's name rules, and the URL rules of the bot's own requests. */
type NameReason =
  | {
      rule:
        | 'empty'
        | 'whitespace'
        | 'control-characters'
        | 'broken-unicode'
        | 'dot-dot'
        | 'uppercase'
        | 'matches-everything';
    }
  | { rule: 'too-long'; bytes: number }
  | { rule: 'forbidden-character'; character: string }
  | { rule: 'bad-start'; characters: readonly string[] }
  | { rule: 'not-in-path' | 'empty-list' };

/** `repo register` settings whose format is checked before any cluster call. */
type CheckedSetting = 'bucket' | 'region' | 'role_arn';

/**
 * What the bot says about a command it cannot read: what was wrong, and the usage line or an example. Values typed
 * by people come in already cut to a readable length; the grammar's usage lines are syntax and come as the hint.
 */
type UsageWords = {
  unknownOption: (key: string, command: string, accepted: readonly string[]) => string;
  optionTwice: (key: string) => string;
  optionWithoutValue: (key: string) => string;
  flagTwice: (flag: string) => string;
  /** `listWithSpaces`: the word before ended in a comma, so the person probably wrote `a, b`. */
  unexpectedWord: (word: string, listWithSpaces: boolean) => string;
  missingName: (name: string) => string;
  emptyList: (key: string) => string;
  exclusionFirst: (item: string) => string;
  notBoolean: (key: string, value: string) => string;
  notWholeNumber: (key: string, min: number, max: number, value: string) => string;
  notClusterAlias: (value: string) => string;
  notJobId: (value: string) => string;
  helpOfOneCommand: (extra: string) => string;
  jobsFilterUnknown: (value: string) => string;
  migrateSameCluster: (cluster: string) => string;
  migrateWithoutIndices: string;
  restoreWithoutIndices: string;
  repositoryTypeUnknown: (value: string) => string;
  settingFormat: (key: CheckedSetting, value: string) => string;
  settingsOfTwoTypes: (s3Key: string, fsKey: string) => string;
  settingOfOtherType: (key: string, type: 's3' | 'fs') => string;
  renameShape: (example: string) => string;
  renameOrReplace: string;
  quoteNotClosed: (quote: string, at: number) => Said;
  unknownCommand: (word: string, suggestion: string | undefined, verbs: readonly string[], helpCommand: string) => Said;
  repoWithoutRegister: (verbs: readonly string[], helpCommand: string) => Said;
  noRepositoryGiven: (cluster: string) => Said;
  repositoryUnknown: (cluster: string, repository: string) => Said;
  /** A snapshot would write, from `cluster`, to a repository registered read-only there. */
  repositoryReadOnlyOn: (cluster: string, repository: string) => Said;
  invalidResourceName: (kind: NameKind, value: string, reason: NameReason) => Said;
};

/** An example of a plain name of each kind, for the hint. */
const NAME_EXAMPLES: Readonly<Record<NameKind, string>> = {
  index: 'logs-2026.11',
  'index pattern': 'logs-2026.11.*',
  snapshot: 'nightly-2026.11.02',
  repository: 'migration',
  'path segment': 'logs-2026.11',
};

const SETTING_FORMATS_EN: Readonly<Record<CheckedSetting, string>> = {
  bucket: 'an S3 bucket name',
  region: 'an AWS region such as eu-west-1',
  role_arn: 'an IAM role ARN like arn:aws:iam::123456789012:role/Name',
};

/** `a`, `a and b`, `a, b and c` */
function listedEn(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function quotedEn(characters: readonly string[]): string {
  const quoted = characters.map((character) => `"${character}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

function reasonEn(reason: NameReason): string {
  switch (reason.rule) {
    case 'empty':
      return 'is empty';
    case 'whitespace':
      return 'contains whitespace';
    case 'control-characters':
      return 'contains control characters';
    case 'broken-unicode':
      return 'is not well-formed Unicode (a lone surrogate): type it again';
    case 'dot-dot':
      return 'contains ".."';
    case 'uppercase':
      return 'must be lowercase';
    case 'matches-everything':
      return 'would match every index; name the indices instead';
    case 'too-long':
      return `is longer than ${reason.bytes} bytes`;
    case 'forbidden-character':
      return `must not contain "${reason.character}"`;
    case 'bad-start':
      return `must not start with ${quotedEn(reason.characters)}`;
    case 'not-in-path':
      return 'cannot be used in a request path';
    case 'empty-list':
      return 'is an empty list';
  }
}

function commandsHintEn(verbs: readonly string[], helpCommand: string): string {
  return `one of the commands ${verbs.join(', ')}; ${helpCommand} explains one.`;
}

const en: UsageWords = {
  unknownOption: (key, command, accepted) =>
    `unknown option "${key}=": ${command} takes ${accepted.length === 0 ? 'no options' : listedEn(accepted)}`,
  optionTwice: (key) => `"${key}=" is given twice`,
  optionWithoutValue: (key) => `"${key}=" needs a value`,
  flagTwice: (flag) => `"${flag}" is given twice`,
  unexpectedWord: (word, listWithSpaces) =>
    `unexpected "${word}"${listWithSpaces ? ': write a list without spaces (a,b) or quote it ("a, b")' : ''}`,
  missingName: (name) => `missing <${name}>`,
  emptyList: (key) => `"${key}=" lists nothing`,
  exclusionFirst: (item) =>
    `the index list starts with the exclusion "${item}": it would start from every index; name what to include first, e.g. logs-*,-logs-debug-*`,
  notBoolean: (key, value) => `"${key}=" takes true or false, not "${value}"`,
  notWholeNumber: (key, min, max, value) => `"${key}=" takes a whole number from ${min} to ${max}, not "${value}"`,
  notClusterAlias: (value) =>
    `"${value}" is not a cluster alias: up to 32 letters, digits, "-" and "_" (/es snapshot clusters lists them)`,
  notJobId: (value) => `"${value}" is not a job id: 6 to 32 letters and digits (/es snapshot jobs lists them)`,
  helpOfOneCommand: (extra) => `unexpected "${extra}": help explains one command`,
  jobsFilterUnknown: (value) => `jobs takes "active", "mine" or "recent", not "${value}"`,
  migrateSameCluster: (cluster) => `migrate copies between two clusters; to restore within ${cluster} use restore`,
  migrateWithoutIndices: 'migrate needs indices=, e.g. indices=orders,customers',
  restoreWithoutIndices: 'restore needs indices=, e.g. indices=logs-2026.11.*',
  repositoryTypeUnknown: (value) => `"type=" takes s3 or fs, not "${value}"`,
  settingFormat: (key, value) => `"${key}=" takes ${SETTING_FORMATS_EN[key]}, not "${value}"`,
  settingsOfTwoTypes: (s3Key, fsKey) => `"${s3Key}=" is an s3 setting and "${fsKey}=" an fs setting: use one type`,
  settingOfOtherType: (key, type) => `"${key}=" is an ${type} setting`,
  renameShape: (example) => `"rename=" takes pattern:replacement with both sides filled in, e.g. ${example}`,
  renameOrReplace: 'choose one of "replace" (delete the existing indices first) and "rename=" (restore beside them)',
  quoteNotClosed: (quote, at) => ({
    text: `the quote ${quote} at character ${at} is never closed`,
    hint: 'Close every quote you open, e.g. rename="(.+):restored-$1"',
  }),
  unknownCommand: (word, suggestion, verbs, helpCommand) => ({
    text: `Unknown command "${word}".${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}`,
    hint: commandsHintEn(verbs, helpCommand),
  }),
  repoWithoutRegister: (verbs, helpCommand) => ({
    text: '"repo" is followed by "register". Did you mean "repo register" or "repos"?',
    hint: commandsHintEn(verbs, helpCommand),
  }),
  noRepositoryGiven: (cluster) => ({
    text: `no repository given, and cluster ${cluster} has no default_repository`,
    hint: 'Name the repository both clusters should share.',
  }),
  repositoryUnknown: (cluster, repository) => ({
    text: `repository "${repository}" is neither registered on ${cluster} nor its default_repository`,
    hint: `Register it first: /es snapshot repo register ${cluster} ${repository}`,
  }),
  repositoryReadOnlyOn: (cluster, repository) => ({
    text: `repository "${repository}" is registered read-only on ${cluster}: another cluster may be writing to it, and two writers corrupt a repository`,
    hint: `If none does, make ${cluster} its writer with /es snapshot repo register ${cluster} ${repository} readonly=false (it waits for approval), then ask again.`,
  }),
  invalidResourceName: (kind, value, reason) => ({
    text: `${kind} name "${shownName(value)}" ${reasonEn(reason)}`,
    hint: `Use a plain ${kind} name, e.g. "${NAME_EXAMPLES[kind]}".`,
  }),
};

const NAME_KINDS_JA: Readonly<Record<NameKind, string>> = {
  index: 'インデックス',
  'index pattern': 'インデックスパターン',
  snapshot: 'スナップショット',
  repository: 'リポジトリ',
  'path segment': 'パスの要素',
};

const SETTING_FORMATS_JA: Readonly<Record<CheckedSetting, string>> = {
  bucket: 'S3 バケット名',
  region: 'eu-west-1 のような AWS リージョン',
  role_arn: 'arn:aws:iam::123456789012:role/Name のような IAM ロール ARN',
};

function reasonJa(reason: NameReason): string {
  switch (reason.rule) {
    case 'empty':
      return '空です';
    case 'whitespace':
      return '空白を含んでいます';
    case 'control-characters':
      return '制御文字を含んでいます';
    case 'broken-unicode':
      return '正しい Unicode ではありません（対になっていないサロゲート）。入力し直してください';
    case 'dot-dot':
      return '".." を含んでいます';
    case 'uppercase':
      return '小文字にしてください';
    case 'matches-everything':
      return 'すべてのインデックスに一致してしまいます。インデックスを名前で指定してください';
    case 'too-long':
      return `${reason.bytes} バイトより長いです`;
    case 'forbidden-character':
      return `"${reason.character}" は使えません`;
    case 'bad-start':
      return `${reason.characters.map((character) => `"${character}"`).join('、')} で始めることはできません`;
    case 'not-in-path':
      return 'リクエストのパスに使えません';
    case 'empty-list':
      return '空のリストです';
  }
}

function commandsHintJa(verbs: readonly string[], helpCommand: string): string {
  return `次のコマンドのどれか: ${verbs.join('、')}。${helpCommand} で1つのコマンドを説明します。`;
}

const ja: UsageWords = {
  unknownOption: (key, command, accepted) =>
    `"${key}=" というオプションはありません: ${command} が受け付けるのは${accepted.length === 0 ? 'オプションなしです' : ` ${accepted.join('、')} です`}`,
  optionTwice: (key) => `"${key}=" が2回指定されています`,
  optionWithoutValue: (key) => `"${key}=" に値がありません`,
  flagTwice: (flag) => `"${flag}" が2回指定されています`,
  unexpectedWord: (word, listWithSpaces) =>
    `"${word}" は余分です${listWithSpaces ? ': リストは空白なしで書くか (a,b)、引用符で囲んでください ("a, b")' : ''}`,
  missingName: (name) => `<${name}> がありません`,
  emptyList: (key) => `"${key}=" に何も並んでいません`,
  exclusionFirst: (item) =>
    `インデックスの並びが除外 "${item}" で始まっています: これではすべてのインデックスから始まります。先に含めるものを書いてください (例 logs-*,-logs-debug-*)`,
  notBoolean: (key, value) => `"${key}=" は true か false です ("${value}" ではありません)`,
  notWholeNumber: (key, min, max, value) =>
    `"${key}=" は ${min} から ${max} までの整数です ("${value}" ではありません)`,
  notClusterAlias: (value) =>
    `"${value}" はクラスタの別名ではありません: 英数字と "-"、"_" で32文字まで (/es snapshot clusters で一覧できます)`,
  notJobId: (value) => `"${value}" はジョブ ID ではありません: 英数字6〜32文字 (/es snapshot jobs で一覧できます)`,
  helpOfOneCommand: (extra) => `"${extra}" は余分です: help は1つのコマンドを説明します`,
  jobsFilterUnknown: (value) => `jobs に指定できるのは "active"、"mine"、"recent" です ("${value}" ではありません)`,
  migrateSameCluster: (cluster) =>
    `migrate は2つのクラスタ間でコピーします。${cluster} の中で復元するには restore を使ってください`,
  migrateWithoutIndices: 'migrate には indices= が必要です (例 indices=orders,customers)',
  restoreWithoutIndices: 'restore には indices= が必要です (例 indices=logs-2026.11.*)',
  repositoryTypeUnknown: (value) => `"type=" は s3 か fs です ("${value}" ではありません)`,
  settingFormat: (key, value) =>
    `"${key}=" には${SETTING_FORMATS_JA[key]}を指定してください ("${value}" ではありません)`,
  settingsOfTwoTypes: (s3Key, fsKey) =>
    `"${s3Key}=" は s3 の設定で "${fsKey}=" は fs の設定です: どちらか一方の種類にしてください`,
  settingOfOtherType: (key, type) => `"${key}=" は ${type} の設定です`,
  renameShape: (example) => `"rename=" は両側を埋めた pattern:replacement の形です (例 ${example})`,
  renameOrReplace:
    '"replace" (既存のインデックスを先に削除) と "rename=" (その横に復元) のどちらか一方を選んでください',
  quoteNotClosed: (quote, at) => ({
    text: `${at} 文字目の引用符 ${quote} が閉じられていません`,
    hint: '開いた引用符はすべて閉じてください (例 rename="(.+):restored-$1")',
  }),
  unknownCommand: (word, suggestion, verbs, helpCommand) => ({
    text: `"${word}" というコマンドはありません。${suggestion === undefined ? '' : `"${suggestion}" のことですか?`}`,
    hint: commandsHintJa(verbs, helpCommand),
  }),
  repoWithoutRegister: (verbs, helpCommand) => ({
    text: '"repo" の後には "register" が続きます。"repo register" か "repos" のことですか?',
    hint: commandsHintJa(verbs, helpCommand),
  }),
  noRepositoryGiven: (cluster) => ({
    text: `リポジトリの指定がなく、クラスタ ${cluster} には default_repository もありません`,
    hint: '両方のクラスタで共有するリポジトリを指定してください。',
  }),
  repositoryUnknown: (cluster, repository) => ({
    text: `リポジトリ "${repository}" は ${cluster} に登録されておらず、default_repository でもありません`,
    hint: `先に登録してください: /es snapshot repo register ${cluster} ${repository}`,
  }),
  repositoryReadOnlyOn: (cluster, repository) => ({
    text: `リポジトリ "${repository}" は ${cluster} で読み取り専用として登録されています。別のクラスターが書き込んでいる可能性があり、書き込み元が二つあるとリポジトリが壊れます`,
    hint: `書き込むクラスターがなければ /es snapshot repo register ${cluster} ${repository} readonly=false (承認待ちになります) で ${cluster} を書き込み元にしてから、もう一度依頼してください。`,
  }),
  invalidResourceName: (kind, value, reason) => ({
    text: `${NAME_KINDS_JA[kind]}名 "${shownName(value)}" は使えません: ${reasonJa(reason)}`,
    hint: `普通の${NAME_KINDS_JA[kind]}名を使ってください (例 "${NAME_EXAMPLES[kind]}")。`,
  }),
};

const usageWords: Record<Language, UsageWords> = { en, ja };

export type { CheckedSetting, NameKind, NameReason, UsageWords };
export { usageWords };
