import {
  type AttributeValue,
  DynamoDBClient,
  type DynamoDBClientConfig,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
  paginateQuery,
  type QueryCommandInput,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { JobConflictError, JobNotFoundError } from '../../core/errors.js';
import type { Job, Lease } from '../../core/jobs/job.js';
import { JobState } from '../../core/jobs/job-states.js';
import type { JobStore } from '../../ports/job-store.js';
import { JobStoreError, MalformedJobItemError } from './errors.js';
import { fromJobItem, toJobItem } from './job-item.js';
import { ACTIVE_BUCKET, DEFAULT_RETENTION_DAYS, JobsTableAttribute, JobsTableIndex, NO_TEAM } from './jobs-table.js';

type DynamoDbJobStoreOptions = {
  /** The jobs table, shaped as `jobsTableDefinition` says. */
  tableName: string;
  /**
   * Days a finished job is kept, counted from its last update; DynamoDB's TTL then deletes it (within two days).
   * 0 keeps finished jobs for good (they get no `expires_at`).
   * @default 365
   */
  retentionDays?: number;
} & (
  | {
      /** A client you built (shared, or pointed at a local endpoint). It is not destroyed by the store. */
      client: DynamoDBClient;
      clientConfig?: never;
    }
  | {
      /** Config for a client the store builds for itself. */
      clientConfig: DynamoDBClientConfig;
      client?: never;
    }
);

/**
 * Marshalled here, not by lib-dynamodb's DocumentClient: `DynamoDBDocumentClient.from(client, options)` stores its
 * options on the wrapped client's shared config, so on a client shared with other code the last `from()` would
 * decide how jobs are written. A job's `undefined` fields are simply not stored; the reader's schema restores them.
 */
const MARSHALL_OPTIONS = { removeUndefinedValues: true } as const;

/**
 * The JobStore on DynamoDB. Every write is a whole-item Put with a condition (new id, or the version the caller
 * read), so a refused write changes nothing, and replacing the item is what drops `active_bucket` when a job ends.
 *
 * Races, e.g. two approvers clicking at once, both having read version 3:
 * ```
 *   A: get → v3        B: get → v3
 *   A: put v4 if v=3 ✓
 *                      B: put v4 if v=3 ✗ ConditionalCheckFailed → get → JobConflictError(current = A's v4)
 * ```
 */
class DynamoDbJobStore implements JobStore {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;
  readonly #retentionDays: number;

  constructor(options: DynamoDbJobStoreOptions) {
    const { tableName, retentionDays = DEFAULT_RETENTION_DAYS } = options;
    if (tableName.length === 0) throw new TypeError('DynamoDbJobStore: tableName is empty');
    if (!Number.isInteger(retentionDays) || retentionDays < 0) {
      throw new RangeError(
        `DynamoDbJobStore: retentionDays must be a whole number of days (0 keeps jobs for good), got ${retentionDays}`,
      );
    }
    this.#client = options.client ?? new DynamoDBClient(options.clientConfig ?? {});
    this.#tableName = tableName;
    this.#retentionDays = retentionDays;
  }

  async create(job: Job): Promise<Job> {
    await this.#conditionalPut(job, {
      ConditionExpression: 'attribute_not_exists(#id)',
      ExpressionAttributeNames: { '#id': JobsTableAttribute.ID },
    });
    return job;
  }

  async get(id: string): Promise<Job | undefined> {
    try {
      // Strongly consistent: a read that follows a write (a conflict, an approval) must see that write.
      const { Item } = await this.#client.send(
        new GetItemCommand({
          TableName: this.#tableName,
          Key: marshall({ [JobsTableAttribute.ID]: id }),
          ConsistentRead: true,
        }),
      );
      return Item === undefined ? undefined : read(Item);
    } catch (error) {
      throw wrapped(error, 'read', id);
    }
  }

  async update(job: Job): Promise<Job> {
    await this.#conditionalPut(job, {
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': JobsTableAttribute.VERSION },
      ExpressionAttributeValues: marshall({ ':expected': job.version - 1 }),
    });
    return job;
  }

  /**
   * The lease lives in the job map (`job.lease`), so the condition reads it there. `until` is an ISO time in UTC
   * as `toISOString` writes it, whose string order is time order.
   */
  async claim(job: Job, now: Date): Promise<Job> {
    await this.#conditionalPut(job, {
      ConditionExpression: '#version = :expected AND (attribute_not_exists(#job.#lease) OR #job.#lease.#until <= :now)',
      ExpressionAttributeNames: {
        '#version': JobsTableAttribute.VERSION,
        '#job': JobsTableAttribute.JOB,
        '#lease': 'lease',
        '#until': 'until',
      },
      ExpressionAttributeValues: marshall({ ':expected': job.version - 1, ':now': now.toISOString() }),
    });
    return job;
  }

  /**
   * One UpdateItem of `job.lease.until`, conditional on the token: the version and the rest of the item stay as
   * they are, so it never collides with the holder's own writes. A lease is only ever held on a RUNNING job.
   */
  async renewLease(jobId: string, lease: Lease): Promise<boolean> {
    if (lease.token === undefined) return false;
    try {
      await this.#client.send(
        new UpdateItemCommand({
          TableName: this.#tableName,
          Key: marshall({ [JobsTableAttribute.ID]: jobId }),
          UpdateExpression: 'SET #job.#lease.#until = :until',
          ConditionExpression: '#job.#lease.#token = :token AND #state = :running',
          ExpressionAttributeNames: {
            '#job': JobsTableAttribute.JOB,
            '#lease': 'lease',
            '#until': 'until',
            '#token': 'token',
            '#state': JobsTableAttribute.STATE,
          },
          ExpressionAttributeValues: marshall({
            ':until': lease.until,
            ':token': lease.token,
            ':running': JobState.RUNNING,
          }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw wrapped(error, 'renew the lease of', jobId);
    }
  }

  /**
   * From the sparse `active-jobs` index. A GSI is eventually consistent, so a job that has just ended can still
   * be listed (as it was): callers act through conditional writes, which see the truth.
   */
  async listActive(): Promise<Job[]> {
    return this.#query('list active jobs', {
      IndexName: JobsTableIndex.ACTIVE_JOBS,
      KeyConditionExpression: '#bucket = :active',
      ExpressionAttributeNames: { '#bucket': JobsTableAttribute.ACTIVE_BUCKET },
      ExpressionAttributeValues: marshall({ ':active': ACTIVE_BUCKET }),
      ScanIndexForward: true,
    });
  }

  async listRequestedBy(userId: string, limit: number): Promise<Job[]> {
    if (limit <= 0) return [];
    return this.#query(
      `list the jobs of ${userId}`,
      {
        IndexName: JobsTableIndex.JOBS_BY_REQUESTER,
        KeyConditionExpression: '#requester = :user',
        ExpressionAttributeNames: { '#requester': JobsTableAttribute.REQUESTED_BY },
        ExpressionAttributeValues: marshall({ ':user': userId }),
        ScanIndexForward: false,
      },
      limit,
    );
  }

  async listFinished(team: string | undefined, limit: number): Promise<Job[]> {
    if (limit <= 0) return [];
    return this.#query(
      `list the finished jobs of ${team ?? 'no team'}`,
      {
        IndexName: JobsTableIndex.FINISHED_JOBS,
        KeyConditionExpression: '#team = :team',
        ExpressionAttributeNames: { '#team': JobsTableAttribute.FINISHED_TEAM },
        ExpressionAttributeValues: marshall({ ':team': team ?? NO_TEAM }),
        ScanIndexForward: false,
      },
      limit,
    );
  }

  async #conditionalPut(job: Job, condition: Omit<PutItemCommandInput, 'TableName' | 'Item'>): Promise<void> {
    const Item = marshall(toJobItem(job, this.#retentionDays), MARSHALL_OPTIONS);
    try {
      await this.#client.send(new PutItemCommand({ TableName: this.#tableName, Item, ...condition }));
    } catch (error) {
      if (!isConditionFailure(error)) throw wrapped(error, 'write', job.id);
      // dynalite ignores ReturnValuesOnConditionCheckFailure, so the current item is read instead of taken from
      // the error; on AWS that costs one read per conflict, which are rare.
      const current = await this.get(job.id);
      // Only `update` can find nothing: it was given an id that was never created (or has expired).
      if (current === undefined) throw new JobNotFoundError(job.id);
      throw new JobConflictError(current, { cause: error });
    }
  }

  /** All pages of a query, or the first `limit` items; a 1 MB page can hold fewer items than asked for. */
  async #query(operation: string, input: Omit<QueryCommandInput, 'TableName'>, limit?: number): Promise<Job[]> {
    const jobs: Job[] = [];
    try {
      const pages = paginateQuery(
        { client: this.#client, ...(limit === undefined ? {} : { pageSize: limit }) },
        { TableName: this.#tableName, ...input },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) jobs.push(read(item));
        if (limit !== undefined && jobs.length >= limit) return jobs.slice(0, limit);
      }
    } catch (error) {
      throw wrapped(error, operation, undefined);
    }
    return jobs;
  }
}

function read(item: Record<string, AttributeValue>): Job {
  return fromJobItem(unmarshall(item));
}

function isConditionFailure(error: unknown): boolean {
  // By name, not instanceof: a second copy of the SDK in node_modules would have its own exception class.
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** A malformed item is already our own error; anything else came from the SDK or the network and is wrapped. */
function wrapped(error: unknown, operation: string, jobId: string | undefined): Error {
  if (error instanceof MalformedJobItemError) return error;
  return new JobStoreError(operation, jobId, { cause: error });
}

export type { DynamoDbJobStoreOptions };
export { DynamoDbJobStore };
