import { describe, expect, it } from 'vitest';
import { tasksOf } from '../../../src/handlers/worker-events.js';

describe('tasksOf', () => {
  it('takes a task handed over by the Slack function', () => {
    const task = { type: 'run-job', jobId: 'abc123def4' };

    expect(tasksOf(task)).toEqual([task]);
  });

  it('takes a command task and reads its text with the grammar', () => {
    const task = {
      type: 'command',
      text: 'snapshot list a',
      userId: 'U1',
      channelId: 'C1',
      teamId: 'T1',
      triggerId: 't',
      responseUrl: 'https://hooks.slack.com/commands/1',
    };

    expect(tasksOf(task)).toEqual([
      { ...task, request: { verb: 'list', cluster: 'a', repository: undefined, limit: 20 } },
    ]);
  });

  it('keeps a command whose text does not parse, with the refusal to answer it with', () => {
    const task = {
      type: 'command',
      text: 'lsit a',
      userId: 'U1',
      channelId: 'C1',
      teamId: 'T1',
      triggerId: 't',
      responseUrl: 'r',
    };

    const [unreadable] = tasksOf(task);

    expect(unreadable).toMatchObject({ type: 'unreadable-command', command: task });
    expect(unreadable).toHaveProperty('refusal.message', 'Unknown command "lsit". Did you mean "list"?');
  });

  it('turns a batch from the jobs stream into jobs to run', () => {
    const event = {
      Records: [
        { eventName: 'MODIFY', dynamodb: { NewImage: { id: { S: 'job1' }, state: { S: 'QUEUED' } } } },
        { eventName: 'INSERT', dynamodb: { NewImage: { id: { S: 'job2' }, state: { S: 'QUEUED' } } } },
      ],
    };

    expect(tasksOf(event)).toEqual([
      { type: 'run-job', jobId: 'job1' },
      { type: 'run-job', jobId: 'job2' },
    ]);
  });

  it('refuses anything else, saying so', () => {
    expect(() => tasksOf({ hello: 'world' })).toThrowError('the worker got an event it does not know');
  });
});
