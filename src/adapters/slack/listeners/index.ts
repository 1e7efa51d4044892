import type { App } from '@slack/bolt';
import type { BotContext } from '../../../usecases/bot-context.js';
import { registerApprovalActions } from './actions/approval.js';
import { registerEsCommand } from './commands/es.js';

function register(app: App, context: BotContext): void {
  registerEsCommand(app, context);
  registerApprovalActions(app, context);
}

export { register };
