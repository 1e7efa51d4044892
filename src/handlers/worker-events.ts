import * as z from 'zod';
import { BotError } from '../core/errors.js';
import { parseCommand } from '../core/grammar/parse-command.js';
import type { BackgroundTask, SlashCommand } from '../ports/background-tasks.js';

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
 * A command whose text this worker cannot read: only while the Slack function and the worker run different
 * versions (mid-deploy). The person is answered with the refusal; retrying the event would never read it either.
 */
type UnreadableCommand = { type: 'unreadable-command'; command: SlashCommand; refusal: BotError };

function readCommand(command: SlashCommand): BackgroundTask | UnreadableCommand {
  try {
    return { ...command, request: parseCommand(command.text) };
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    return { type: 'unreadable-command', command, refusal: error };
  }
}

/**
 * What the worker was invoked with: a command from the Slack function (its text parsed again here, so the use
 * cases get a request, never text), or a batch from the jobs table's stream. Anything else is refused with the
 * reason.
 */
function tasksOf(event: unknown): Array<BackgroundTask | UnreadableCommand> {
  const task = z.union([slashCommand, runJobTask]).safeParse(event);
  if (task.success) {
    const { data } = task;
    return [data.type === 'command' ? readCommand(data) : data];
  }
  const stream = streamEvent.safeParse(event);
  if (stream.success) {
    return stream.data.Records.map((record) => ({ type: 'run-job' as const, jobId: record.dynamodb.NewImage.id.S }));
  }
  throw new Error(`the worker got an event it does not know: ${task.error.issues[0]?.message ?? 'no detail'}`);
}

export type { UnreadableCommand };
export { tasksOf };
