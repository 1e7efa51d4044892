import type { App, BlockAction } from '@slack/bolt';
import { BotError } from '../../../../core/errors.js';
import { errorReply } from '../../../../core/messages/error-reply.js';
import { ApprovalAction } from '../../../../core/messages/job-message.js';
import type { BotContext } from '../../../../usecases/bot-context.js';
import { decideApproval } from '../../../../usecases/decide-approval.js';
import { toButtonClick } from '../../slack-payloads.js';

/**
 * Approve / Reject. The click is acknowledged first; a click that changes nothing (not an approver, own
 * request, already decided, expired) gets an answer only the clicker sees.
 */
function registerApprovalActions(app: App, context: BotContext): void {
  for (const [actionId, decision] of [
    [ApprovalAction.APPROVE, 'approve'],
    [ApprovalAction.REJECT, 'reject'],
  ] as const) {
    app.action<BlockAction>(actionId, async ({ body, ack, respond }) => {
      await ack();
      const click = toButtonClick(body);
      let reply: Awaited<ReturnType<typeof decideApproval>>;
      try {
        reply = await decideApproval(context, { ...click, decision });
      } catch (error) {
        if (!(error instanceof BotError)) throw error;
        reply = errorReply(error, context.catalog, '');
      }
      if (reply !== undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
      }
    });
  }
}

export { registerApprovalActions };
