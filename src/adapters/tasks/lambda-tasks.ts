import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { BackgroundTask, BackgroundTasks } from '../../ports/background-tasks.js';

/**
 * Background work on AWS: an asynchronous invocation of the worker function. Lambda queues the event and retries
 * it on failure; the Slack function returns as soon as the event is accepted.
 */
function createLambdaTasks(client: LambdaClient, workerFunctionName: string): BackgroundTasks {
  return {
    async dispatch(task: BackgroundTask) {
      const answer = await client.send(
        new InvokeCommand({
          FunctionName: workerFunctionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(task)),
        }),
      );
      if (answer.StatusCode !== 202) throw new Error(`worker invocation answered ${answer.StatusCode}`);
    },
  };
}

export { createLambdaTasks };
