import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The jobs table, in one place. `serverless.yml` declares the same table for AWS; a test compares the two, so a
 * change here that is not made there (or the other way round) fails the build.
 */
const JobsTableAttribute = {
  /** Hash key: the job id. */
  ID: 'id',
  /** The concurrency token every write is conditional on (Number). */
  VERSION: 'version',
  /** ISO time the job was requested: the range key of both indexes, so ISO order is time order. */
  CREATED_AT: 'created_at',
  /** Present (`'active'`) only while the job is not final: it is what makes `active-jobs` sparse. */
  ACTIVE_BUCKET: 'active_bucket',
  REQUESTED_BY: 'requested_by',
  /** A copy of the job's state at the top level, where the stream's filter (serverless.yml) can see it. */
  STATE: 'state',
  /**
   * Present only once the job is final and told: the Slack workspace it came from (`-` for jobs stored without
   * one). It is what makes `finished-jobs` sparse.
   */
  FINISHED_TEAM: 'finished_team',
  /** ISO time the job ended (its last write): the range key of `finished-jobs`. */
  ENDED_AT: 'ended_at',
  /** TTL attribute: epoch SECONDS, set only once the job is final. */
  EXPIRES_AT: 'expires_at',
  /** The job itself, as a map (everything but `id` and `version`, which live only at the top level). */
  JOB: 'job',
} as const;

const JobsTableIndex = {
  /** Jobs not in a final state, oldest first: the poller's work list, read without a scan. */
  ACTIVE_JOBS: 'active-jobs',
  /** One user's jobs, newest first: `/es snapshot jobs mine`. */
  JOBS_BY_REQUESTER: 'jobs-by-requester',
  /** One team's finished jobs, latest ending first: `/es snapshot jobs recent`. */
  FINISHED_JOBS: 'finished-jobs',
} as const;

/** `finished_team` of a job stored without a team. */
const NO_TEAM = '-';

/**
 * The single value of `active_bucket`. One partition holds every active job; that is fine because only jobs in
 * flight are in it (tens, not millions) and it keeps "all active jobs, oldest first" a single Query.
 */
const ACTIVE_BUCKET = 'active';

/**
 * Days a finished job is kept: its record is the audit trail of who asked for what and who approved it, which
 * reviews look back on for a year.
 */
const DEFAULT_RETENTION_DAYS = 365;

/** The CreateTable request for the jobs table, used by the local run and the tests. */
function jobsTableDefinition(tableName: string): CreateTableCommandInput {
  const { ID, CREATED_AT, ACTIVE_BUCKET: BUCKET, REQUESTED_BY, FINISHED_TEAM, ENDED_AT } = JobsTableAttribute;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: ID, AttributeType: 'S' },
      { AttributeName: CREATED_AT, AttributeType: 'S' },
      { AttributeName: BUCKET, AttributeType: 'S' },
      { AttributeName: REQUESTED_BY, AttributeType: 'S' },
      { AttributeName: FINISHED_TEAM, AttributeType: 'S' },
      { AttributeName: ENDED_AT, AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: ID, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: JobsTableIndex.ACTIVE_JOBS,
        KeySchema: [
          { AttributeName: BUCKET, KeyType: 'HASH' },
          { AttributeName: CREATED_AT, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: JobsTableIndex.JOBS_BY_REQUESTER,
        KeySchema: [
          { AttributeName: REQUESTED_BY, KeyType: 'HASH' },
          { AttributeName: CREATED_AT, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: JobsTableIndex.FINISHED_JOBS,
        KeySchema: [
          { AttributeName: FINISHED_TEAM, KeyType: 'HASH' },
          { AttributeName: ENDED_AT, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    // The worker is triggered from the stream when a job becomes QUEUED; it needs both images to see the change.
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

/** TTL is not part of CreateTable: on AWS it is a separate call (dynalite has no UpdateTimeToLive at all). */
function jobsTableTimeToLive(tableName: string): UpdateTimeToLiveCommandInput {
  return {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: JobsTableAttribute.EXPIRES_AT, Enabled: true },
  };
}

export {
  ACTIVE_BUCKET,
  DEFAULT_RETENTION_DAYS,
  JobsTableAttribute,
  JobsTableIndex,
  jobsTableDefinition,
  jobsTableTimeToLive,
  NO_TEAM,
};
