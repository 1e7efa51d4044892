import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { toJobItem } from '../src/adapters/dynamodb/job-item.js';
import { type Job, StepName } from '../src/core/jobs/job.js';
import { JobState } from '../src/core/jobs/job-states.js';
import { buildJob } from '../test/fixtures/job.js';
import { PLANS, plannedIndex } from '../test/fixtures/plans.js';

/** BatchWriteItem takes at most 25 items. */
const BATCH = 25;

/** Writes jobs straight into the table, 25 to a request, as they would be after their own runs. */
async function seedJobs(client: DynamoDBClient, tableName: string, jobs: readonly Job[]): Promise<void> {
  for (let first = 0; first < jobs.length; first += BATCH) {
    let requests: WriteRequest[] = jobs.slice(first, first + BATCH).map((job) => ({
      PutRequest: { Item: marshall(toJobItem(job, 365), { removeUndefinedValues: true }) },
    }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/** Steps before `waiting` done, `waiting` itself running: a job the worker left waiting on the cluster. */
function waitingAt(job: Job, waiting: StepName, at: string): Job {
  const position = job.steps.findIndex((step) => step.name === waiting);
  const steps = job.steps.map((step, index) => {
    if (index < position) return { ...step, status: 'done' as const, startedAt: at, endedAt: at };
    if (index === position) return { ...step, status: 'running' as const, startedAt: at };
    return step;
  });
  return { ...job, state: JobState.RUNNING, steps, createdAt: at, updatedAt: at, version: 3 };
}

/** A snapshot job of `cluster` waiting on its snapshot in `repository`. */
function waitingSnapshotJob(id: string, cluster: string, repository: string, snapshot: string, at: string): Job {
  const plan = { ...PLANS.snapshotCreate(), cluster, repository, snapshot, indices: [plannedIndex('tick-bulky')] };
  const job = buildJob({
    plan,
    id,
    team: 'T0TEST',
    requestText: `snapshot create ${cluster} ${repository} ${snapshot}`,
  });
  return waitingAt(job, StepName.AWAIT_SNAPSHOT, at);
}

/** A restore on `cluster` past its start, waiting for a target that does not exist yet. */
function waitingRestoreJob(id: string, cluster: string, target: string, at: string): Job {
  const plan = {
    ...PLANS.restore(),
    cluster,
    restores: [{ index: 'logs-source', target }],
    deletions: [],
    replace: false,
  };
  const job = buildJob({ plan, id, team: 'T0TEST', requestText: `snapshot restore ${cluster} nightly` });
  return waitingAt(job, StepName.AWAIT_RESTORE, at);
}

/** A snapshot job that ended long ago, told: what the table holds most of, which a tick must never read. */
function finishedJob(id: string, cluster: string, endedAt: string): Job {
  const job = buildJob({ plan: { ...PLANS.snapshotCreate(), cluster }, id, team: 'T0TEST' });
  const steps = job.steps.map((step) => ({ ...step, status: 'done' as const, startedAt: endedAt, endedAt }));
  return {
    ...job,
    state: JobState.SUCCEEDED,
    steps,
    outcomeTold: true,
    messageTs: '1700000000.000100',
    createdAt: endedAt,
    updatedAt: endedAt,
    version: 6,
  };
}

export { finishedJob, seedJobs, waitingRestoreJob, waitingSnapshotJob };
