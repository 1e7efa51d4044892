import { NotAllowedError } from '../core/errors.js';
import { type BotContext, clusterNamed } from './bot-context.js';

/** Whether a cluster may be operated, asked about or clicked for from this channel: `allowed_channels`, if set. */
function mayUseChannel(context: BotContext, alias: string, channelId: string): boolean {
  const allowed = clusterNamed(context, alias).config.allowedChannels;
  return allowed.length === 0 || allowed.includes(channelId);
}

/** Refuses, naming the channels that may be used, when one of the clusters is not operated from this channel. */
function assertChannelAllowed(context: BotContext, aliases: readonly string[], channelId: string): void {
  for (const alias of aliases) {
    if (!mayUseChannel(context, alias, channelId)) {
      const allowed = clusterNamed(context, alias).config.allowedChannels;
      throw new NotAllowedError((words) => words.channelNotAllowed(alias, allowed));
    }
  }
}

export { assertChannelAllowed, mayUseChannel };
