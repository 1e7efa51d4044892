import type { Logger } from 'pino';
import type { BackgroundTask, BackgroundTasks } from '../../ports/background-tasks.js';

type TaskRunner = (task: BackgroundTask) => Promise<void>;

/**
 * Background work in the same process, for `npm start` and the tests: dispatch returns at once and the task
 * runs after the current turn, as an asynchronous Lambda invocation would. `idle()` waits for all of it.
 */
function createInProcessTasks(
  logger: Logger,
): BackgroundTasks & { runWith(runner: TaskRunner): void; idle(): Promise<void> } {
  let runner: TaskRunner | undefined;
  const pending = new Set<Promise<void>>();
  return {
    runWith(next) {
      runner = next;
    },
    async dispatch(task) {
      if (runner === undefined) throw new Error('in-process tasks: no runner set');
      const run = runner;
      const work = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(task))
        .catch((error: unknown) => logger.error({ err: error, task: task.type }, 'background task failed'))
        .finally(() => pending.delete(work));
      pending.add(work);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

export type { TaskRunner };
export { createInProcessTasks };
