import { type ApprovalPolicy, isApprover } from '../core/approval/approval-policy.js';
import type { BotContext } from './bot-context.js';

/** The members of a policy's approver groups, asked of Slack (the directory caches them). */
async function approverGroupMembers(context: BotContext, policy: ApprovalPolicy): Promise<Set<string>> {
  const lists = await Promise.all(policy.approverGroups.map((group) => context.directory.usergroupMembers(group)));
  return new Set(lists.flat());
}

/** Whether `userId` approves for this policy, by name or through a group. */
async function approvesFor(context: BotContext, policy: ApprovalPolicy, userId: string): Promise<boolean> {
  return isApprover(userId, policy, await approverGroupMembers(context, policy));
}

export { approverGroupMembers, approvesFor };
