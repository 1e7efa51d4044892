import { counted } from './counted.js';
import type { Language } from './language.js';

/** One setting where the registered repository and the one a job would register differ (undefined: not set). */
type SettingDifference = { setting: string; registered: string | undefined; planned: string | undefined };

/**
 * What a step found, as it is written on the job when the step runs (in the channel's language) and shown in its
 * message, its thread and `job <id>`. Counts of documents are `undefined` where the index does not exist.
 */
type StepWords = {
  repositoryRegistered: (repository: string, nodes: number) => string;
  /** The repository is no longer what the request was planned (and approved) against: nothing was registered. */
  repositoryChangedSincePlanned: (repository: string, cluster: string) => string;
  /**
   * A job (not a registration) would register its repository over one of that name with another type or other
   * settings: nothing was changed; only `repo register`, which shows what it replaces and waits for approval, may.
   */
  repositoryRegisteredOtherwise: (repository: string, cluster: string, differences: SettingDifference[]) => string;
  /** The repository is read-only on a cluster where the job would write to it: nothing was changed. */
  repositoryReadOnlyThere: (repository: string, cluster: string) => string;
  snapshotStarted: (snapshot: string) => string;
  snapshotRequested: (snapshot: string) => string;
  snapshotNotThere: (snapshot: string, repository: string) => string;
  snapshotSucceeded: (indices: number, successful: number, total: number) => string;
  snapshotPartial: (failed: number, total: number, failures: string) => string;
  /** `failures` is empty when the cluster named none. */
  snapshotFailed: (state: string, failures: string) => string;
  /** SUCCESS, yet nothing in it (elastic/elasticsearch#106629): never said as a plain success. */
  /** `failures` is empty when no shard failed (a SUCCESS that held nothing). */
  snapshotCapturedNothing: (indices: number, shards: number, failures: string) => string;
  /** A PARTIAL snapshot that, besides failed shards, lacks whole planned indices. */
  alsoMissing: (partial: string, missing: string) => string;
  snapshotLacksIndices: (missing: string, held: number, planned: number) => string;
  /** Why a migration stops after its snapshot (`finding`), and what to do; nothing on `target` has been touched. */
  snapshotGateClosed: (finding: string, target: string) => string;
  snapshotDeleted: (snapshot: string) => string;
  snapshotAlreadyGone: (snapshot: string) => string;
  gatewayTimedOut: string;
  indicesDeleted: (names: string) => string;
  indicesAlreadyGone: (names: string) => string;
  restoreStarted: string;
  /** A resumed restore's targets exist but show no recovery yet, so whether they are its own is not known. */
  targetsNotYetRecovering: (names: string) => string;
  restoreRequested: string;
  restoreDone: (indices: number, shards: number) => string;
  /** One target that exists but did not come from the job's snapshot (`from`: EMPTY_STORE, another snapshot …). */
  foreignTarget: (index: string, from: string) => string;
  /** `restored` of the targets came from the snapshot; `foreign` lists the others. */
  restoredButForeign: (restored: number, foreign: string) => string;
  docCount: (target: string, targetDocs: number | undefined, sourceDocs: number | undefined) => string;
  docCountsEqual: (counts: string) => string;
  docCountDifference: (target: string, targetDocs: number | undefined, sourceDocs: number | undefined) => string;
  docCountsDiffer: (differences: string) => string;
  /** A restored copy: its bytes, as the snapshot holds them, and its documents (`undefined`: no index). */
  restoredSize: (target: string, bytes: number | undefined, docs: number | undefined) => string;
  sizesMatchSnapshot: (sizes: string) => string;
  sizeDifference: (target: string, restored: number | undefined, snapshot: number | undefined) => string;
  sizesDiffer: (differences: string) => string;
  waitingForSnapshotOperation: string;
  /** A step that failed for a reason the bot does not know: the job id is how the log line is found. */
  stepUnexpected: (step: string, jobId: string) => string;
  stepRefused: (text: string, hint: string | undefined) => string;
  allStepsDone: string;
  partlyDone: string;
  stalledAt: (step: string, cluster: string) => string;
  /** One shard that failed; the engine does not always give a reason. */
  shardFailure: (index: string, shardId: number | undefined, reason: string | undefined) => string;
};

/** A setting's value as said in a difference: quoted, or the word for a setting left out. */
function quotedOr(value: string | undefined, unset: string): string {
  return value === undefined ? unset : `"${value}"`;
}

const en: StepWords = {
  repositoryRegistered: (repository, nodes) => `${repository} registered, verified by ${counted(nodes, 'node')}`,
  repositoryChangedSincePlanned: (repository, cluster) =>
    `repository ${repository} on ${cluster} changed since this request was planned, so nothing was registered; look at it with /es snapshot repos ${cluster} and ask again`,
  repositoryRegisteredOtherwise: (repository, cluster, differences) =>
    `repository ${repository} on ${cluster} is registered otherwise (${differences
      .map(
        ({ setting, registered, planned }) =>
          `${setting}: ${quotedOr(registered, 'unset')} there, ${quotedOr(planned, 'unset')} for this job`,
      )
      .join(
        '; ',
      )}), so nothing was changed: registering over it would hide the snapshots it holds. Look at it with /es snapshot repos ${cluster}; to re-point it, /es snapshot repo register ${cluster} ${repository} (it shows what it replaces and waits for approval), or make the config's default_repository say what is registered`,
  repositoryReadOnlyThere: (repository, cluster) =>
    `repository ${repository} is registered read-only on ${cluster}, and this job would write to it from there, so nothing was changed: another cluster may be writing to it, and two writers corrupt a repository. If none does, make ${cluster} its writer with /es snapshot repo register ${cluster} ${repository} readonly=false (it waits for approval), then ask again`,
  snapshotStarted: (snapshot) => `snapshot ${snapshot} started`,
  snapshotRequested: (snapshot) => `snapshot ${snapshot} requested (the gateway timed out; checking)`,
  snapshotNotThere: (snapshot, repository) =>
    `snapshot ${snapshot} is not in ${repository} (deleted, or never started)`,
  snapshotSucceeded: (indices, successful, total) =>
    `SUCCESS: ${counted(indices, 'index', 'indices')}, ${successful}/${counted(total, 'shard')}`,
  snapshotPartial: (failed, total, failures) => `PARTIAL: ${failed} of ${counted(total, 'shard')} failed (${failures})`,
  snapshotFailed: (state, failures) => `${state}: ${failures || 'no reason given'}`,
  snapshotCapturedNothing: (indices, shards, failures) =>
    `the snapshot captured nothing: ${counted(indices, 'index', 'indices')}, ${counted(shards, 'shard')}${failures === '' ? '' : ` (${failures})`}`,
  alsoMissing: (partial, missing) => `${partial}; not in the snapshot at all: ${missing}`,
  snapshotLacksIndices: (missing, held, planned) =>
    `SUCCESS, but the snapshot holds only ${held} of the ${counted(planned, 'index', 'indices')} asked for; missing: ${missing}`,
  snapshotGateClosed: (finding, target) =>
    `${finding}. Nothing on ${target} was touched. Take the snapshot again once every shard is healthy, or narrow \`indices=\` to leave these indices out`,
  snapshotDeleted: (snapshot) => `deleted ${snapshot}`,
  snapshotAlreadyGone: (snapshot) => `${snapshot} was already gone`,
  gatewayTimedOut: 'the gateway timed out; checking again',
  indicesDeleted: (names) => `deleted ${names}`,
  indicesAlreadyGone: (names) => `already gone: ${names}`,
  restoreStarted: 'restore started',
  restoreRequested: 'restore requested (the gateway timed out; following it)',
  restoreDone: (indices, shards) => `${counted(indices, 'index', 'indices')} restored, ${counted(shards, 'shard')}`,
  foreignTarget: (index, from) => `${index} (recovered from ${from})`,
  restoredButForeign: (restored, foreign) =>
    `${counted(restored, 'index', 'indices')} restored from the snapshot; not restored, as they did not come from it: ${foreign}`,
  docCount: (target, targetDocs, sourceDocs) => `${target} ${targetDocs ?? 'missing'}/${sourceDocs ?? 'missing'}`,
  docCountsEqual: (counts) => `doc counts equal: ${counts}`,
  docCountDifference: (target, targetDocs, sourceDocs) =>
    `${target} has ${targetDocs ?? 'no index'}, source ${sourceDocs ?? 'no index'}`,
  docCountsDiffer: (differences) => `doc counts differ: ${differences}`,
  restoredSize: (target, bytes, docs) => `${target} ${bytes ?? 'no'} bytes, ${docs ?? 'no'} docs`,
  sizesMatchSnapshot: (sizes) =>
    `each restored index holds the bytes the snapshot's statistics give for it (a snapshot records no document counts): ${sizes}`,
  sizeDifference: (target, restored, snapshot) =>
    `${target} recovered ${restored ?? 'no'} bytes, the snapshot holds ${snapshot ?? 'no such index'}`,
  sizesDiffer: (differences) => `restored copies differ from the snapshot: ${differences}`,
  targetsNotYetRecovering: (names) =>
    `${names}: exists, not yet recovering; waiting to see whether this restore made it`,
  waitingForSnapshotOperation: 'another snapshot operation is running on the cluster; waiting for it',
  stepUnexpected: (step, jobId) => `unexpected error in ${step}; the bot's log has it under job ${jobId}`,
  stepRefused: (text, hint) => `${text}${hint === undefined ? '' : ` (${hint})`}`,
  allStepsDone: 'all steps done',
  partlyDone: 'partly done',
  stalledAt: (step, cluster) => `${step} on ${cluster}`,
  shardFailure: (index, shardId, reason) => `${index}[${shardId ?? '?'}]: ${reason ?? 'no reason given'}`,
};

const ja: StepWords = {
  repositoryRegistered: (repository, nodes) => `${repository} を登録し、ノード ${nodes} 台で確認しました`,
  repositoryChangedSincePlanned: (repository, cluster) =>
    `${cluster} のリポジトリ ${repository} は依頼の計画後に変わったため、登録していません。/es snapshot repos ${cluster} で確認して、もう一度依頼してください`,
  repositoryRegisteredOtherwise: (repository, cluster, differences) =>
    `${cluster} のリポジトリ ${repository} は別の設定で登録されています (${differences
      .map(
        ({ setting, registered, planned }) =>
          `${setting}: 登録済みは ${quotedOr(registered, '未設定')}、このジョブでは ${quotedOr(planned, '未設定')}`,
      )
      .join(
        '、',
      )})。上書きするとそこにあるスナップショットが見えなくなるため、何も変更していません。/es snapshot repos ${cluster} で確認し、向け先を変えるなら /es snapshot repo register ${cluster} ${repository} (置き換える内容を示して承認を待ちます) を使うか、設定ファイルの default_repository を登録済みの内容に合わせてください`,
  repositoryReadOnlyThere: (repository, cluster) =>
    `リポジトリ ${repository} は ${cluster} で読み取り専用として登録されており、このジョブはそこから書き込むため、何も変更しませんでした。別のクラスターが書き込んでいる可能性があり、書き込み元が二つあるとリポジトリが壊れます。書き込むクラスターがなければ /es snapshot repo register ${cluster} ${repository} readonly=false (承認待ちになります) で ${cluster} を書き込み元にしてから、もう一度依頼してください`,
  snapshotStarted: (snapshot) => `スナップショット ${snapshot} を開始しました`,
  snapshotRequested: (snapshot) =>
    `スナップショット ${snapshot} を依頼しました (ゲートウェイがタイムアウトしたため確認中)`,
  snapshotNotThere: (snapshot, repository) =>
    `スナップショット ${snapshot} が ${repository} にありません (削除されたか、始まっていません)`,
  snapshotSucceeded: (indices, successful, total) =>
    `SUCCESS: インデックス ${indices} 個、シャード ${successful}/${total}`,
  snapshotPartial: (failed, total, failures) => `PARTIAL: シャード ${total} 個中 ${failed} 個が失敗 (${failures})`,
  snapshotFailed: (state, failures) => `${state}: ${failures || '理由は示されていません'}`,
  snapshotCapturedNothing: (indices, shards, failures) =>
    `スナップショットには何も入っていません: インデックス ${indices} 個、シャード ${shards} 個${failures === '' ? '' : ` (${failures})`}`,
  alsoMissing: (partial, missing) => `${partial}。スナップショットにまったく入っていないもの: ${missing}`,
  snapshotLacksIndices: (missing, held, planned) =>
    `SUCCESS ですが、指定したインデックス ${planned} 個のうち ${held} 個しか入っていません。ないもの: ${missing}`,
  snapshotGateClosed: (finding, target) =>
    `${finding}。${target} には何も手を付けていません。すべてのシャードが正常になってからスナップショットを取り直すか、\`indices=\` を絞ってこれらのインデックスを外してください`,
  snapshotDeleted: (snapshot) => `${snapshot} を削除しました`,
  snapshotAlreadyGone: (snapshot) => `${snapshot} はすでにありませんでした`,
  gatewayTimedOut: 'ゲートウェイがタイムアウトしました。もう一度確認します',
  indicesDeleted: (names) => `${names} を削除しました`,
  indicesAlreadyGone: (names) => `すでになし: ${names}`,
  restoreStarted: '復元を開始しました',
  restoreRequested: '復元を依頼しました (ゲートウェイがタイムアウトしたため経過を追跡中)',
  restoreDone: (indices, shards) => `インデックス ${indices} 個、シャード ${shards} 個を復元しました`,
  foreignTarget: (index, from) => `${index} (復元元: ${from})`,
  restoredButForeign: (restored, foreign) =>
    `スナップショットから ${restored} 個のインデックスを復元しました。次はスナップショットから来ていないため復元済みとしません: ${foreign}`,
  docCount: (target, targetDocs, sourceDocs) => `${target} ${targetDocs ?? 'なし'}/${sourceDocs ?? 'なし'}`,
  docCountsEqual: (counts) => `ドキュメント数は一致: ${counts}`,
  docCountDifference: (target, targetDocs, sourceDocs) =>
    `${target} は ${targetDocs ?? 'インデックスなし'}、移行元は ${sourceDocs ?? 'インデックスなし'}`,
  docCountsDiffer: (differences) => `ドキュメント数が一致しません: ${differences}`,
  restoredSize: (target, bytes, docs) => `${target} ${bytes ?? 'なし'} バイト、ドキュメント ${docs ?? 'なし'}`,
  sizesMatchSnapshot: (sizes) =>
    `復元したインデックスはどれもスナップショットの統計どおりのバイト数です (スナップショットはドキュメント数を記録しません): ${sizes}`,
  sizeDifference: (target, restored, snapshot) =>
    `${target} の復元は ${restored ?? 'なし'} バイト、スナップショットは ${snapshot ?? 'インデックスなし'}`,
  sizesDiffer: (differences) => `復元したものがスナップショットと一致しません: ${differences}`,
  targetsNotYetRecovering: (names) =>
    `${names}: 存在しますがまだリカバリーが始まっていません。このリストアが作ったものか確認するまで待ちます`,
  waitingForSnapshotOperation: 'クラスターで別のスナップショット操作が実行中です。終わるのを待っています',
  stepUnexpected: (step, jobId) =>
    `\`${step}\` で予期しないエラーが起きました。ボットのログにジョブ ${jobId} として記録されています`,
  stepRefused: (text, hint) => `${text}${hint === undefined ? '' : ` (${hint})`}`,
  allStepsDone: 'すべての手順が完了しました',
  partlyDone: '一部が完了しました',
  stalledAt: (step, cluster) => `${cluster} の ${step}`,
  shardFailure: (index, shardId, reason) => `${index}[${shardId ?? '?'}]: ${reason ?? '理由の記載なし'}`,
};

const stepWords: Record<Language, StepWords> = { en, ja };

export type { SettingDifference, StepWords };
export { stepWords };
