import type { Language, Said } from './language.js';

/** What the bot says when it takes a command on: a job submitted or refused, a job cancelled or being stopped. */
type CommandWords = {
  channelNotAllowed: (cluster: string, allowedChannels: readonly string[]) => Said;
  noApprovers: (cluster: string) => Said;
  cancelNotAllowed: (jobId: string) => Said;
  /** `state` is the job's state as the job messages name it, lowercase. */
  pastStopping: (jobId: string, state: string) => Said;
  jobCancelled: (jobId: string) => string;
  stoppingJob: (jobId: string, snapshot: string, deletionJobId: string) => string;
  /** The request text of the deletion job that stops a running snapshot: what was typed, and what it means. */
  stopRequestText: (typed: string, snapshot: string) => string;
};

const en: CommandWords = {
  channelNotAllowed: (cluster, allowedChannels) => ({
    text: `cluster ${cluster} is not operated from this channel`,
    hint: `Use the channel with ID ${allowedChannels.join(' or ')}.`,
  }),
  noApprovers: (cluster) => ({
    text: `cluster ${cluster} has no approvers, so nothing destructive can run there`,
    hint: `Set approval.approvers or approval.approver_groups for ${cluster} in the cluster config.`,
  }),
  cancelNotAllowed: (jobId) => ({ text: `only the requester or an approver may cancel job ${jobId}` }),
  pastStopping: (jobId, state) => ({
    text: `job ${jobId} is ${state} and past the point where it can be stopped`,
    hint: 'A job can be cancelled while it waits for approval or in the queue, or while its snapshot runs.',
  }),
  jobCancelled: (jobId) => `Job \`${jobId}\` is cancelled.`,
  stoppingJob: (jobId, snapshot, deletionJobId) =>
    `Stopping job \`${jobId}\` deletes its running snapshot \`${snapshot}\`: that is job \`${deletionJobId}\`.`,
  stopRequestText: (typed, snapshot) => `${typed} (delete the running snapshot ${snapshot})`,
};

const ja: CommandWords = {
  channelNotAllowed: (cluster, allowedChannels) => ({
    text: `クラスタ ${cluster} はこのチャンネルからは操作できません`,
    hint: `チャンネル ID ${allowedChannels.join(' または ')} のチャンネルを使ってください。`,
  }),
  noApprovers: (cluster) => ({
    text: `クラスタ ${cluster} には承認者がいないため、破壊的な操作は実行できません`,
    hint: `クラスタ設定で ${cluster} の approval.approvers か approval.approver_groups を設定してください。`,
  }),
  cancelNotAllowed: (jobId) => ({ text: `ジョブ ${jobId} を取り消せるのは依頼者か承認者だけです` }),
  pastStopping: (jobId, state) => ({
    text: `ジョブ ${jobId} は ${state} で、もう止められる段階を過ぎています`,
    hint: 'ジョブを取り消せるのは、承認待ちかキューにある間、またはスナップショットの実行中です。',
  }),
  jobCancelled: (jobId) => `ジョブ \`${jobId}\` を取り消しました。`,
  stoppingJob: (jobId, snapshot, deletionJobId) =>
    `ジョブ \`${jobId}\` を止めると、実行中のスナップショット \`${snapshot}\` を削除します: それがジョブ \`${deletionJobId}\` です。`,
  stopRequestText: (typed, snapshot) => `${typed} (実行中のスナップショット ${snapshot} を削除)`,
};

const commandWords: Record<Language, CommandWords> = { en, ja };

export type { CommandWords };
export { commandWords };
