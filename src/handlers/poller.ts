import { pollActiveJobs } from '../usecases/poll-active-jobs.js';
import { awsRuntime } from './aws-runtime.js';

/** Lambda entry point of the scheduled poller: expiries, waiting steps, and jobs whose worker died. */
async function handler(): Promise<{ expired: number; resumed: number }> {
  const { context } = await awsRuntime();
  const result = await pollActiveJobs(context);
  context.logger.info(result, 'poll tick');
  return result;
}

export { handler };
