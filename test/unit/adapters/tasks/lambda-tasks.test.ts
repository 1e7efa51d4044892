import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createLambdaTasks } from '../../../../src/adapters/tasks/lambda-tasks.js';
import { buildCommandTask } from '../../../fixtures/command-task.js';

function fakeLambda(statusCode = 202) {
  const sent: InvokeCommand[] = [];
  const client = {
    send: async (command: InvokeCommand) => {
      sent.push(command);
      return { StatusCode: statusCode };
    },
  };
  return { client: client as never, sent };
}

describe('createLambdaTasks', () => {
  it('hands a command to the worker as an asynchronous invocation, as its text', async () => {
    const { client, sent } = fakeLambda();
    const task = buildCommandTask('snapshot list a');

    await createLambdaTasks(client, 'es-snapshot-bot-worker').dispatch(task);

    expect(sent[0]?.input).toMatchObject({ FunctionName: 'es-snapshot-bot-worker', InvocationType: 'Event' });
    const { request: _parsed, ...command } = task;
    expect(JSON.parse(new TextDecoder().decode(sent[0]?.input.Payload as Uint8Array))).toEqual(command);
  });

  it('leaves a job to run to the jobs stream', async () => {
    const { client, sent } = fakeLambda();

    await createLambdaTasks(client, 'worker').dispatch({ type: 'run-job', jobId: 'abc123' });

    expect(sent).toHaveLength(0);
  });

  it('fails when Lambda does not accept the event', async () => {
    const { client } = fakeLambda(500);

    await expect(createLambdaTasks(client, 'worker').dispatch(buildCommandTask('clusters'))).rejects.toThrowError(
      'worker invocation answered 500',
    );
  });
});
