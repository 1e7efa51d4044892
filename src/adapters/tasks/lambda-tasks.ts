import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { BackgroundTask, BackgroundTasks } from '../../ports/background-tasks.js';

/**
 * Background work on AWS. A command goes to the worker as an asynchronous invocation: Lambda queues the event and
 * retries it on failure, and the Slack function returns as soon as it is accepted. A job to run needs nothing: the
 * write that made it QUEUED reaches the worker through the jobs table's stream, which AWS delivers and retries
 * even if this function dies right after the write.
 */
function createLambdaTasks(client: Pick<LambdaClient, 'send'>, workerFunctionName: string): BackgroundTasks {
  return {
    async dispatch(task: BackgroundTask) {
      if (task.type === 'run-job') return;
      // The worker parses the text again: the text is the request's wire form, so the parsed request stays here.
      const { request: _parsed, ...command } = task;
      const answer = await client.send(
        new InvokeCommand({
          FunctionName: workerFunctionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(command)),
        }),
      );
      if (answer.StatusCode !== 202) throw new Error(`worker invocation answered ${answer.StatusCode}`);
    },
  };
}

export { createLambdaTasks };
