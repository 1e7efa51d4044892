/**
 * Work that must happen after Slack has its acknowledgement (Slack waits 3 s; a cluster may take longer).
 * On Lambda: an asynchronous invocation of the worker. Locally and in tests: the same code, in process.
 */
type CommandTask = {
  type: 'command';
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  triggerId: string;
  responseUrl: string;
};

type RunJobTask = { type: 'run-job'; jobId: string };

type BackgroundTask = CommandTask | RunJobTask;

interface BackgroundTasks {
  dispatch(task: BackgroundTask): Promise<void>;
}

export type { BackgroundTask, BackgroundTasks, CommandTask, RunJobTask };
