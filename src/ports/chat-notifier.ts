import type { SlackMessage } from '../core/messages/blocks.js';

/** How the bot speaks in Slack. The adapter maps Slack API errors (rate limits included) to retries or errors. */
interface ChatNotifier {
  /** Posts a message in a channel (or in a thread when `threadTs` is given) and returns its timestamp. */
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<{ ts: string }>;
  /** Replaces a message the bot posted. */
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** Answers a slash command or a click through its response_url. */
  respond(responseUrl: string, message: SlackMessage & { replaceOriginal?: boolean }): Promise<void>;
}

/** Who belongs to a Slack user group: approver and on-call groups are groups, not lists. */
interface UserDirectory {
  usergroupMembers(groupId: string): Promise<string[]>;
  /**
   * The user's IANA time zone (`Asia/Tokyo`) as Slack's `users.info` gives it, undefined when it gives none. A
   * directory that knows no users (the terminal stand-in) leaves it out, and times are shown in UTC.
   */
  timeZoneOf?(userId: string): Promise<string | undefined>;
}

export type { ChatNotifier, UserDirectory };
