import { NotAllowedError } from '../core/errors.js';
import { type BotContext, clusterNamed } from './bot-context.js';

async function isRequester(context: BotContext, alias: string, userId: string): Promise<boolean> {
  const { users, groups } = clusterNamed(context, alias).config.requesters;
  if ((users.length === 0 && groups.length === 0) || users.includes(userId)) return true;
  const members = await Promise.all(groups.map((group) => context.directory.usergroupMembers(group)));
  return members.some((list) => list.includes(userId));
}

/** Refuses a job request from someone who is not among a cluster's `requesters`, naming who may ask. */
async function assertMayRequest(context: BotContext, aliases: readonly string[], userId: string): Promise<void> {
  for (const alias of aliases) {
    if (!(await isRequester(context, alias, userId))) {
      const { users, groups } = clusterNamed(context, alias).config.requesters;
      throw new NotAllowedError((words) => words.notARequester(alias, users, groups));
    }
  }
}

export { assertMayRequest };
