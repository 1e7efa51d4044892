import { z } from 'zod';
import type { SlashCommand } from '../../ports/background-tasks.js';

const slashCommand = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.url(),
});

const buttonClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().regex(/^[a-z0-9]{6,32}$/) })).min(1),
  response_url: z.url().optional(),
});

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

/** An Approve / Reject click: who clicked which job. */
function toButtonClick(body: unknown): { userId: string; jobId: string } {
  const click = buttonClick.parse(body);
  return { userId: click.user.id, jobId: (click.actions[0] as { value: string }).value };
}

export { toButtonClick, toCommandTask };
