import { replyToError } from '../usecases/error-edge.js';
import { runBackgroundTask } from '../usecases/run-background-task.js';
import { awsRuntime } from './aws-runtime.js';
import { tasksOf } from './worker-events.js';

/**
 * Lambda entry point of the worker: tasks handed over by the Slack function (asynchronous invocation) and jobs
 * that became QUEUED (the jobs table's stream). A failure is thrown so that Lambda retries the event; every
 * step is safe to repeat.
 */
async function handler(event: unknown): Promise<void> {
  const { context } = await awsRuntime();
  for (const task of tasksOf(event)) {
    if (task.type !== 'unreadable-command') await runBackgroundTask(context, task);
    else {
      const { command, refusal } = task;
      const reply = replyToError(context, refusal, { userId: command.userId, channel: command.channelId });
      await context.chat.respond(command.responseUrl, reply);
    }
  }
}

export { handler };
