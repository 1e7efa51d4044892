import type { Language } from './language.js';

/**
 * The words of a cancel: the reply to `cancel`, the line on the job's message while it stops, and what the stop
 * did and kept, as the job records it and on-call reads it.
 */
type CancelWords = {
  /** The reply to `cancel` of a running job: it stops later, at its next safe point. */
  cancelAccepted: (jobId: string) => string;
  alreadyCancelling: (jobId: string, user: string) => string;
  /** On the job's message from the moment the cancel is recorded. */
  cancelRequestedBy: (user: string, date: string) => string;
  /** On the message of a job that finished its last step before its worker could act on the cancel. */
  cancelTooLate: (user: string) => string;
  /** The thread reply (for on-call) when a running job has stopped. */
  cancelledNotice: (kind: string, user: string, reason: string) => string;
  stoppedBefore: (step: string) => string;
  stoppedDuring: (step: string) => string;
  stoppedAfterEveryStep: string;
  snapshotAborted: (snapshot: string) => string;
  snapshotAbortSent: (snapshot: string) => string;
  snapshotKept: (snapshot: string, state: string) => string;
  snapshotNotTakenByJob: (snapshot: string) => string;
  restoreStopAsked: (indices: string, jobId: string) => string;
  restoreStopNotAsked: (indices: string, reason: string) => string;
  /** The request text of the index deletion that stops a cancelled job's restore. */
  restoreStopRequestText: (jobId: string) => string;
};

const en: CancelWords = {
  cancelAccepted: (jobId) =>
    `Job \`${jobId}\` stops at its next safe point; its message says what it stopped and what it kept.`,
  alreadyCancelling: (jobId, user) => `Job \`${jobId}\` is already stopping (cancel asked by <@${user}>).`,
  cancelRequestedBy: (user, date) =>
    `:no_entry_sign: Cancel asked by <@${user}> (${date}): the job stops at its next safe point`,
  cancelTooLate: (user) => `Cancel asked by <@${user}> came after the job's last step had run: nothing was stopped`,
  cancelledNotice: (kind, user, reason) => `:no_entry_sign: ${kind} cancelled by <@${user}>: ${reason}`,
  stoppedBefore: (step) => `stopped before “${step}”`,
  stoppedDuring: (step) => `stopped during “${step}”`,
  stoppedAfterEveryStep: 'stopped after its last step',
  snapshotAborted: (snapshot) => `snapshot ${snapshot} was still running and is aborted`,
  snapshotAbortSent: (snapshot) => `abort of snapshot ${snapshot} sent (the gateway timed out; it may still end)`,
  snapshotKept: (snapshot, state) => `snapshot ${snapshot} had already ended (${state}) and is kept`,
  snapshotNotTakenByJob: (snapshot) => `snapshot ${snapshot} was not taken by this job and is kept`,
  restoreStopAsked: (indices, jobId) =>
    `still restoring: ${indices}; deleting them to stop the restore is job \`${jobId}\``,
  restoreStopNotAsked: (indices, reason) =>
    `still restoring: ${indices}; their deletion could not be asked for (${reason})`,
  restoreStopRequestText: (jobId) => `cancel ${jobId}: delete the indices still restoring from its snapshot`,
};

const ja: CancelWords = {
  cancelAccepted: (jobId) =>
    `ジョブ \`${jobId}\` は次の安全な時点で止まります。何を止め、何を残したかはジョブのメッセージに表示されます。`,
  alreadyCancelling: (jobId, user) => `ジョブ \`${jobId}\` はすでに停止中です (<@${user}> が取り消しを依頼)。`,
  cancelRequestedBy: (user, date) =>
    `:no_entry_sign: <@${user}> が取り消しを依頼しました (${date}): ジョブは次の安全な時点で止まります`,
  cancelTooLate: (user) =>
    `<@${user}> の取り消しの依頼は、ジョブの最後の手順が終わったあとに届きました。何も止めていません`,
  cancelledNotice: (kind, user, reason) => `:no_entry_sign: <@${user}> が${kind}を取り消しました: ${reason}`,
  stoppedBefore: (step) => `「${step}」の前で止めました`,
  stoppedDuring: (step) => `「${step}」の途中で止めました`,
  stoppedAfterEveryStep: '最後の手順のあとで止めました',
  snapshotAborted: (snapshot) => `スナップショット ${snapshot} は実行中だったため中止しました`,
  snapshotAbortSent: (snapshot) =>
    `スナップショット ${snapshot} の中止を送りました (ゲートウェイがタイムアウトしたため、完了する可能性があります)`,
  snapshotKept: (snapshot, state) => `スナップショット ${snapshot} はすでに終わっていた (${state}) ため残します`,
  snapshotNotTakenByJob: (snapshot) => `スナップショット ${snapshot} はこのジョブが取ったものではないため残します`,
  restoreStopAsked: (indices, jobId) => `復元中: ${indices}。復元を止めるためのこれらの削除はジョブ \`${jobId}\` です`,
  restoreStopNotAsked: (indices, reason) => `復元中: ${indices}。これらの削除を依頼できませんでした (${reason})`,
  restoreStopRequestText: (jobId) => `cancel ${jobId}: そのスナップショットから復元中のインデックスを削除`,
};

const cancelWords: Record<Language, CancelWords> = { en, ja };

export type { CancelWords };
export { cancelWords };
