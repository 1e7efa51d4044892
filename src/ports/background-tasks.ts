import type { CommandRequest } from '../core/grammar/command-request.js';

/** A slash command as Slack sent it: the text after `/es`, and who typed it where. */
type SlashCommand = {
  type: 'command';
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  triggerId: string;
  responseUrl: string;
};

/**
 * Work that must happen after Slack has its acknowledgement (Slack waits 3 s; a cluster may take longer): a slash
 * command with its text already understood. In process the request travels as parsed; across the Lambda hand-off
 * only the slash command travels (JSON), and the worker reads the text back with the same grammar.
 */
type CommandTask = SlashCommand & { request: CommandRequest };

type RunJobTask = { type: 'run-job'; jobId: string };

type BackgroundTask = CommandTask | RunJobTask;

/** On Lambda: an asynchronous invocation of the worker. Locally and in tests: the same code, in process. */
interface BackgroundTasks {
  dispatch(task: BackgroundTask): Promise<void>;
}

export type { BackgroundTask, BackgroundTasks, CommandTask, RunJobTask, SlashCommand };
