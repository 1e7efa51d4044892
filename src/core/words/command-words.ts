import { counted } from './counted.js';
import type { Language, Said } from './language.js';

/** What the bot says when it takes a command on: a job submitted or refused, a job cancelled. */
type CommandWords = {
  channelNotAllowed: (cluster: string, allowedChannels: readonly string[]) => Said;
  noApprovers: (cluster: string) => Said;
  notARequester: (cluster: string, users: readonly string[], groups: readonly string[]) => Said;
  /** `possible`: the people who could approve this request, the requester left out unless self-approval is on. */
  tooFewApprovers: (cluster: string, required: number, possible: number) => Said;
  cancelNotAllowed: (jobId: string) => Said;
  /** `state` is the job's state as the job messages name it, lowercase. */
  pastStopping: (jobId: string, state: string) => Said;
  jobCancelled: (jobId: string) => string;
};

/** The people who may request, as Slack mentions them. */
function whoMayAsk(users: readonly string[], groups: readonly string[], separator: string): string {
  return [...users.map((user) => `<@${user}>`), ...groups.map((group) => `<!subteam^${group}>`)].join(separator);
}

const en: CommandWords = {
  channelNotAllowed: (cluster, allowedChannels) => ({
    text: `cluster ${cluster} is not operated from this channel`,
    hint: `Use ${allowedChannels.map((channel) => `<#${channel}>`).join(' or ')}.`,
  }),
  noApprovers: (cluster) => ({
    text: `cluster ${cluster} has no approvers, so nothing destructive can run there`,
    hint: `Set approval.approvers or approval.approver_groups for ${cluster} in the cluster config.`,
  }),
  notARequester: (cluster, users, groups) => ({
    text: `you may not request jobs on cluster ${cluster}`,
    hint: `Ask ${whoMayAsk(users, groups, ' or ')} to request it, or have yourself added to requesters for ${cluster} in the cluster config.`,
  }),
  tooFewApprovers: (cluster, required, possible) => ({
    text: `this request on cluster ${cluster} needs ${counted(required, 'approval')}, but only ${counted(possible, 'person', 'people')} could approve it`,
    hint: `Add approvers for ${cluster} or lower approval.required in the cluster config.`,
  }),
  cancelNotAllowed: (jobId) => ({ text: `only the requester or an approver may cancel job ${jobId}` }),
  pastStopping: (jobId, state) => ({
    text: `job ${jobId} has already ended (${state}): there is nothing left to stop`,
    hint: 'A job can be cancelled until it ends: waiting for approval, queued or running.',
  }),
  jobCancelled: (jobId) => `Job \`${jobId}\` is cancelled.`,
};

const ja: CommandWords = {
  channelNotAllowed: (cluster, allowedChannels) => ({
    text: `クラスタ ${cluster} はこのチャンネルからは操作できません`,
    hint: `${allowedChannels.map((channel) => `<#${channel}>`).join(' または ')} を使ってください。`,
  }),
  noApprovers: (cluster) => ({
    text: `クラスタ ${cluster} には承認者がいないため、破壊的な操作は実行できません`,
    hint: `クラスタ設定で ${cluster} の approval.approvers か approval.approver_groups を設定してください。`,
  }),
  notARequester: (cluster, users, groups) => ({
    text: `クラスタ ${cluster} のジョブを依頼する権限がありません`,
    hint: `${whoMayAsk(users, groups, '、')} に依頼してもらうか、クラスタ設定で ${cluster} の requesters に追加してもらってください。`,
  }),
  tooFewApprovers: (cluster, required, possible) => ({
    text: `クラスタ ${cluster} のこの依頼には承認が ${required} 件必要ですが、承認できる人は ${possible} 人しかいません`,
    hint: `クラスタ設定で ${cluster} の承認者を増やすか、approval.required を下げてください。`,
  }),
  cancelNotAllowed: (jobId) => ({ text: `ジョブ ${jobId} を取り消せるのは依頼者か承認者だけです` }),
  pastStopping: (jobId, state) => ({
    text: `ジョブ ${jobId} はすでに終わっています (${state})。止めるものは残っていません`,
    hint: 'ジョブは終わるまで (承認待ち、実行待ち、実行中) 取り消せます。',
  }),
  jobCancelled: (jobId) => `ジョブ \`${jobId}\` を取り消しました。`,
};

const commandWords: Record<Language, CommandWords> = { en, ja };

export type { CommandWords };
export { commandWords };
