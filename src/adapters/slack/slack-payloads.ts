import * as z from 'zod';
import type { ButtonClick } from '../../core/approval/click-binding.js';
import type { SlashCommand } from '../../ports/background-tasks.js';

const slashCommand = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.url(),
});

const slackId = z.string().min(1);

const buttonClick = z.object({
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullish(),
  channel: z.object({ id: slackId }).nullish(),
  container: z.object({ channel_id: slackId.optional(), message_ts: slackId.optional() }).nullish(),
  message: z.object({ ts: slackId }).nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().regex(/^[a-z0-9]{6,32}$/) })).min(1),
  response_url: z.url().optional(),
});

const present = (...values: Array<string | undefined>): string[] =>
  values.filter((value): value is string => value !== undefined);

/** A slash command as Slack sent it, checked once here; anything else is refused before any work. */
function toCommandTask(body: unknown): SlashCommand {
  const command = slashCommand.parse(body);
  return {
    type: 'command',
    text: command.text,
    userId: command.user_id,
    channelId: command.channel_id,
    teamId: command.team_id,
    triggerId: command.trigger_id,
    responseUrl: command.response_url,
  };
}

/** An Approve / Reject click: who clicked which job, and every place the payload says the button was. */
function toButtonClick(body: unknown): ButtonClick {
  const click = buttonClick.parse(body);
  return {
    userId: click.user.id,
    jobId: (click.actions[0] as { value: string }).value,
    // An org-wide app's payload may have no `team`: the clicker's own workspace is then the one.
    teamIds: present(click.team?.id ?? click.user.team_id),
    channelIds: present(click.channel?.id, click.container?.channel_id),
    messageTs: present(click.message?.ts, click.container?.message_ts),
  };
}

export { toButtonClick, toCommandTask };
