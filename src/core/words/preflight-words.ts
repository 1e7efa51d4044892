import type { JobKind } from '../jobs/job-states.js';
import { formatBytes, formatCount } from '../messages/format.js';
import type { PreflightFinding } from '../preflight/preflight-findings.js';
import { counted } from './counted.js';
import { jobWords } from './job-words.js';
import type { Language, Said } from './language.js';

/**
 * What the preflight says before an approval: one line per check, what it found and, when it blocks, what to do.
 * `preflightRefused` is the refusal of a request whose preflight failed.
 */
type PreflightWords = {
  preflightTitle: string;
  preflightFinding: (finding: PreflightFinding) => Said;
  preflightRefused: (jobKind: JobKind, cluster: string, lines: readonly string[]) => Said;
};

/** At most this many index names in one line; the rest are counted. */
const NAMED = 5;

function named(indices: readonly string[], more: (count: number) => string): string {
  const shown = indices
    .slice(0, NAMED)
    .map((index) => `\`${index}\``)
    .join(', ');
  return indices.length > NAMED ? `${shown} ${more(indices.length - NAMED)}` : shown;
}

/** English agrees the verb with one index or several. */
function verb(indices: readonly string[], one: string, many: string): string {
  return indices.length === 1 ? one : many;
}

function enTargetsFree(count: number): string {
  return count === 1
    ? 'no index of the target name exists on the target'
    : `no index of the ${formatCount(count)} target names exists on the target`;
}

function enAliasesFree(count: number): string {
  return count === 0
    ? 'the indices bring no alias to the target'
    : `the ${counted(count, 'alias', 'aliases')} the indices bring clash with none on the target`;
}

function enFinding(finding: PreflightFinding): Said {
  const more = (count: number) => `and ${count} more`;
  switch (finding.finding) {
    case 'repository-readable':
      return {
        text: `repository \`${finding.repository}\` is readable on the target (${counted(finding.nodes, 'node', 'nodes')})`,
      };
    case 'repository-registered-by-plan':
      return { text: `repository \`${finding.repository}\` is registered on the target by this plan` };
    case 'repository-missing':
      return {
        text: `repository \`${finding.repository}\` is not registered on the target`,
        hint: 'Register it there (/es snapshot repo register), read-only if another cluster writes to it.',
      };
    case 'repository-unreadable':
      return {
        text: `repository \`${finding.repository}\` cannot be read on the target: ${finding.reason}`,
        hint: "Check the repository's settings and the snapshot role's access, then ask again.",
      };
    case 'version-readable':
      return { text: `${finding.target} reads indices written by ${finding.written}` };
    case 'version-newer':
      return {
        text: `${named(finding.indices, more)} ${verb(finding.indices, 'comes', 'come')} from ${finding.written}, newer than the target's ${finding.target}`,
        hint: 'A snapshot never restores into an older version: upgrade the target first.',
      };
    case 'version-too-old':
      return {
        text: `${finding.target} cannot read ${named(finding.indices, more)} (written by ${finding.written})`,
        hint: 'Restore into an intermediate version, reindex there, and snapshot again.',
      };
    case 'version-other-engine':
      return {
        text: `${finding.target} cannot read ${named(finding.indices, more)} (written by ${finding.written})`,
        hint: 'No snapshot crosses this way between the engines: reindex from a remote cluster instead.',
      };
    case 'version-unknown':
      return { text: `the versions that wrote these indices are unknown: ${finding.target} may not read them` };
    case 'disk-fits':
    case 'disk-short': {
      const limit = finding.watermark === undefined ? 'free' : `free under the high watermark (${finding.watermark})`;
      const text = `needs ${formatBytes(finding.neededBytes)}, ${formatBytes(finding.roomBytes)} ${limit} on ${counted(finding.nodes, 'data node', 'data nodes')}`;
      return finding.finding === 'disk-fits'
        ? { text: `disk: ${text}` }
        : {
            text: `not enough disk: ${text}`,
            hint: 'Free space on the target, add nodes, or restore fewer indices.',
          };
    }
    case 'disk-watermark-unreadable':
      return { text: `disk not checked: the high watermark "${finding.watermark}" cannot be read` };
    case 'targets-free':
      return { text: enTargetsFree(finding.count) };
    case 'targets-replaced':
      return {
        text: `${named(finding.indices, more)} ${verb(finding.indices, 'exists on the target and is', 'exist on the target and are')} deleted first${finding.closed.length > 0 ? ` (closed: ${named(finding.closed, more)})` : ''}`,
      };
    case 'aliases-free':
      return { text: enAliasesFree(finding.count) };
    case 'write-alias-taken':
      return {
        text: `alias \`${finding.alias}\` would get two write indices: \`${finding.index}\` and the target's \`${finding.writeIndex}\``,
        hint: "Remove the target's write alias first, or rename the restored indices.",
      };
    case 'alias-shared':
      return {
        text: `alias \`${finding.alias}\` also points at ${named(finding.indices, more)} on the target: it will reach both`,
      };
    case 'shards-fit':
    case 'shards-over': {
      const text = `adds ${counted(finding.adding, 'shard', 'shards')} to ${formatCount(finding.current)}, limit ${formatCount(finding.limit)} (cluster.max_shards_per_node × data nodes)`;
      return finding.finding === 'shards-fit'
        ? { text: `shards: ${text}` }
        : { text: `too many shards: ${text}`, hint: 'Restore fewer indices, with fewer replicas, or raise the limit.' };
    }
    case 'master-timeout':
      return {
        text: `the restore request waits up to ${finding.timeout} for the master (${counted(finding.indices, 'index', 'indices')})`,
      };
  }
}

function jaFinding(finding: PreflightFinding): Said {
  const more = (count: number) => `ほか ${count} 件`;
  switch (finding.finding) {
    case 'repository-readable':
      return { text: `リポジトリ \`${finding.repository}\` は復元先で読めます（${finding.nodes} ノード）` };
    case 'repository-registered-by-plan':
      return { text: `リポジトリ \`${finding.repository}\` はこのプランが復元先に登録します` };
    case 'repository-missing':
      return {
        text: `リポジトリ \`${finding.repository}\` は復元先に登録されていません`,
        hint: '復元先に登録してください（/es snapshot repo register）。他のクラスタが書き込むなら読み取り専用で。',
      };
    case 'repository-unreadable':
      return {
        text: `リポジトリ \`${finding.repository}\` を復元先で読めません: ${finding.reason}`,
        hint: 'リポジトリの設定とスナップショットロールの権限を確かめて、もう一度依頼してください。',
      };
    case 'version-readable':
      return { text: `${finding.target} は ${finding.written} が書いたインデックスを読めます` };
    case 'version-newer':
      return {
        text: `${named(finding.indices, more)} は ${finding.written} のもので、復元先の ${finding.target} より新しいです`,
        hint: 'スナップショットは古いバージョンには復元できません。先に復元先をアップグレードしてください。',
      };
    case 'version-too-old':
      return {
        text: `${finding.target} は ${named(finding.indices, more)}（${finding.written} が作成）を読めません`,
        hint: '中間のバージョンに復元して再インデックスし、もう一度スナップショットを取ってください。',
      };
    case 'version-other-engine':
      return {
        text: `${finding.target} は ${named(finding.indices, more)}（${finding.written} が作成）を読めません`,
        hint: 'このエンジン間ではスナップショットを移せません。リモートからの再インデックスを使ってください。',
      };
    case 'version-unknown':
      return { text: `インデックスを書いたバージョンが不明です。${finding.target} で読めないかもしれません` };
    case 'disk-fits':
    case 'disk-short': {
      const limit = finding.watermark === undefined ? '空き' : `高ウォーターマーク（${finding.watermark}）までの空き`;
      const text = `必要 ${formatBytes(finding.neededBytes)}、${finding.nodes} データノードに${limit} ${formatBytes(finding.roomBytes)}`;
      return finding.finding === 'disk-fits'
        ? { text: `ディスク: ${text}` }
        : {
            text: `ディスクが足りません: ${text}`,
            hint: '復元先の空きを増やすか、ノードを足すか、復元するインデックスを減らしてください。',
          };
    }
    case 'disk-watermark-unreadable':
      return { text: `ディスクは確かめていません: 高ウォーターマーク "${finding.watermark}" を読めません` };
    case 'targets-free':
      return { text: `復元先に ${finding.count} 件の復元先名のインデックスはありません` };
    case 'targets-replaced':
      return {
        text: `${named(finding.indices, more)} は復元先にあり、先に削除されます${finding.closed.length > 0 ? `（クローズ中: ${named(finding.closed, more)}）` : ''}`,
      };
    case 'aliases-free':
      return {
        text:
          finding.count === 0
            ? 'インデックスが持ち込むエイリアスはありません'
            : `インデックスが持ち込む ${finding.count} 件のエイリアスは復元先のものと衝突しません`,
      };
    case 'write-alias-taken':
      return {
        text: `エイリアス \`${finding.alias}\` の書き込みインデックスが \`${finding.index}\` と復元先の \`${finding.writeIndex}\` の二つになります`,
        hint: '復元先の書き込みエイリアスを先に外すか、復元するインデックスの名前を変えてください。',
      };
    case 'alias-shared':
      return {
        text: `エイリアス \`${finding.alias}\` は復元先で ${named(finding.indices, more)} も指しています。両方に届くようになります`,
      };
    case 'shards-fit':
    case 'shards-over': {
      const text = `${formatCount(finding.current)} シャードに ${formatCount(finding.adding)} を追加、上限 ${formatCount(finding.limit)}（cluster.max_shards_per_node × データノード）`;
      return finding.finding === 'shards-fit'
        ? { text: `シャード: ${text}` }
        : {
            text: `シャードが多すぎます: ${text}`,
            hint: '復元するインデックスやレプリカを減らすか、上限を上げてください。',
          };
    }
    case 'master-timeout':
      return {
        text: `復元リクエストはマスターを最大 ${finding.timeout} 待ちます（${finding.indices} インデックス）`,
      };
  }
}

const en: PreflightWords = {
  preflightTitle: '*Preflight*',
  preflightFinding: enFinding,
  preflightRefused: (jobKind, cluster, lines) => ({
    text: `the preflight refuses this request: ${jobWords.en.kind[jobKind]} on ${cluster} would fail, so nothing was planned or started.\n${lines.join('\n')}`,
    hint: 'Do what the ✗ lines say, then ask again.',
  }),
};

const ja: PreflightWords = {
  preflightTitle: '*事前チェック*',
  preflightFinding: jaFinding,
  preflightRefused: (jobKind, cluster, lines) => ({
    text: `事前チェックにより ${cluster} での${jobWords.ja.kind[jobKind]}を受け付けません。何も計画・開始していません:\n${lines.join('\n')}`,
    hint: '✗ の行のとおりに直してから、もう一度依頼してください。',
  }),
};

const preflightWords: Record<Language, PreflightWords> = { en, ja };

export type { PreflightWords };
export { preflightWords };
