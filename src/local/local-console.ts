import { createInterface } from 'node:readline';
import { clickOnJobMessage } from '../core/approval/click-binding.js';
import { JobNotFoundError } from '../core/errors.js';
import type { SlackMessage } from '../core/messages/blocks.js';
import { acceptCommand } from '../usecases/accept-command.js';
import type { BotContext } from '../usecases/bot-context.js';
import { decideApproval } from '../usecases/decide-approval.js';
import { replyToError } from '../usecases/error-edge.js';

/** Who the console user is, in the bot's eyes; the local config lets this user approve. */
const CONSOLE_USER = 'U0CONSOLE';

/**
 * `npm start` without Slack: each line typed is what would follow `/es` in Slack. `approve <job>` (with or without
 * `snapshot`) clicks Approve, as the console has no buttons; `reject <job> ["reason"]` is the typed reject. The same
 * use cases run as behind Slack; only the transport differs.
 */
function runConsole(context: BotContext, print: (message: SlackMessage) => void): void {
  const lines = createInterface({ input: process.stdin, terminal: false });
  let sequence = 0;
  lines.on('line', async (line) => {
    const text = line.trim();
    const approval = /^(?:snapshot\s+)?approve\s+([a-z0-9]+)$/i.exec(text);
    try {
      if (approval !== null) {
        const jobId = approval[1] ?? '';
        const job = await context.jobs.get(jobId);
        if (job === undefined) throw new JobNotFoundError(jobId);
        const reply = await decideApproval(context, { ...clickOnJobMessage(job, CONSOLE_USER), decision: 'approve' });
        if (reply !== undefined) print(reply);
        return;
      }
      sequence += 1;
      const task = {
        type: 'command' as const,
        text: text.replace(/^\/es\s*/, '').replace(/^reject\s/i, 'snapshot reject '),
        userId: CONSOLE_USER,
        channelId: 'C0CONSOLE',
        teamId: 'T0CONSOLE',
        triggerId: `console-${Date.now()}-${sequence}`,
        responseUrl: 'console:',
      };
      await acceptCommand(context, task, async (reply) => print(reply));
    } catch (error) {
      print(replyToError(context, error, { userId: CONSOLE_USER, line: text }));
    }
  });
}

export { CONSOLE_USER, runConsole };
