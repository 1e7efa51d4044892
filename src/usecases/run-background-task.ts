import type { BackgroundTask } from '../ports/background-tasks.js';
import type { BotContext } from './bot-context.js';
import { handleCommand } from './handle-command.js';
import { runJob } from './run-job.js';

/** What the worker does with a task handed over after an acknowledgement. */
function runBackgroundTask(context: BotContext, task: BackgroundTask): Promise<void> {
  return task.type === 'command' ? handleCommand(context, task) : runJob(context, task.jobId);
}

export { runBackgroundTask };
