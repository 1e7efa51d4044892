import type { App, BlockAction } from '@slack/bolt';
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
      // A click on a job that is gone, or one that fails, is answered by the app's error edge.
      const reply = await decideApproval(context, { ...click, decision });
      if (reply !== undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
      }
    });
  }
}

export { registerApprovalActions };
