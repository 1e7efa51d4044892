import type { App } from '@slack/bolt';
import { acceptCommand } from '../../../../usecases/accept-command.js';
import type { BotContext } from '../../../../usecases/bot-context.js';
import { toCommandTask } from '../../slack-payloads.js';

/** `/es …`: acknowledged within Slack's 3 seconds; the work goes on in the background. */
function registerEsCommand(app: App, context: BotContext): void {
  app.command('/es', async ({ body, ack }) => {
    const task = toCommandTask(body);
    await acceptCommand(context, task, async (reply) => {
      await ack({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    });
  });
}

export { registerEsCommand };
