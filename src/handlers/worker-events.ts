import { z } from 'zod';
import { parseCommand } from '../core/grammar/parse-command.js';
import type { BackgroundTask } from '../ports/background-tasks.js';

// A command crosses the hand-off as its text: the grammar is the request's schema, read back with `parseCommand`.
const slashCommand = z.object({
  type: z.literal('command'),
  text: z.string(),
  userId: z.string(),
  channelId: z.string(),
  teamId: z.string(),
  triggerId: z.string(),
  responseUrl: z.string(),
});

const runJobTask = z.object({ type: z.literal('run-job'), jobId: z.string() });

// The stream's filter (serverless.yml) passes only records whose new image is QUEUED; the id is all we need.
const streamEvent = z.object({
  Records: z.array(z.object({ dynamodb: z.object({ NewImage: z.object({ id: z.object({ S: z.string() }) }) }) })),
});

/**
 * What the worker was invoked with: a command from the Slack function (its text parsed again here, so the use
 * cases get a request, never text), or a batch from the jobs table's stream. Anything else is refused with the
 * reason.
 */
function tasksOf(event: unknown): BackgroundTask[] {
  const task = z.union([slashCommand, runJobTask]).safeParse(event);
  if (task.success) {
    const { data } = task;
    return [data.type === 'command' ? { ...data, request: parseCommand(data.text) } : data];
  }
  const stream = streamEvent.safeParse(event);
  if (stream.success) {
    return stream.data.Records.map((record) => ({ type: 'run-job' as const, jobId: record.dynamodb.NewImage.id.S }));
  }
  throw new Error(`the worker got an event it does not know: ${task.error.issues[0]?.message ?? 'no detail'}`);
}

export { tasksOf };
