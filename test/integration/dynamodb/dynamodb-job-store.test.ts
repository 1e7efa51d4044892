import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../src/adapters/dynamodb/dynamodb-job-store.js';
import { JobStoreError, MalformedJobItemError } from '../../../src/adapters/dynamodb/errors.js';
import { JobsTableIndex } from '../../../src/adapters/dynamodb/jobs-table.js';
import { JobConflictError } from '../../../src/core/errors.js';
import { JobState } from '../../../src/core/jobs/job-states.js';
import { ensureJobsTable, type LocalDynamoDb, startLocalDynamoDb } from '../../../src/local/dynamodb/local-dynamodb.js';
import { describeJobStoreContract } from '../../contract/job-store-contract.js';
import { buildJob, minutesAfterNow } from '../../fixtures/job.js';

const DAY_SECONDS = 86_400;

let local: LocalDynamoDb;
let tables = 0;

/** A fresh, empty table on the shared dynalite, so tests never see each other's jobs. */
async function newTable(): Promise<string> {
  tables += 1;
  const tableName = `jobs-${tables}`;
  await ensureJobsTable(local.client, tableName);
  return tableName;
}

async function rawItem(tableName: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await local.client.send(
    new GetItemCommand({ TableName: tableName, Key: marshall({ id }), ConsistentRead: true }),
  );
  return Item === undefined ? undefined : unmarshall(Item);
}

beforeAll(async () => {
  local = await startLocalDynamoDb({ tableName: 'jobs' });
});

afterAll(async () => {
  await local?.close();
});

describe('DynamoDbJobStore on dynalite', () => {
  describeJobStoreContract(async () => new DynamoDbJobStore({ tableName: await newTable(), client: local.client }));

  it('keeps an active job in the sparse index and moves it out with a TTL when it ends', async () => {
    // Prepare
    const tableName = await newTable();
    const store = new DynamoDbJobStore({ tableName, client: local.client, retentionDays: 7 });
    const running = await store.create(buildJob({ id: 'ttl', state: JobState.RUNNING }));
    const activeItem = await rawItem(tableName, 'ttl');
    const endedAt = new Date();

    // Act
    await store.update({ ...running, state: JobState.SUCCEEDED, version: 2, updatedAt: endedAt.toISOString() });

    // Assess
    expect(activeItem).toMatchObject({ active_bucket: 'active', version: 1 });
    expect(activeItem).not.toHaveProperty('expires_at');
    const finalItem = await rawItem(tableName, 'ttl');
    expect(finalItem).not.toHaveProperty('active_bucket');
    const expected = Math.floor(endedAt.getTime() / 1000) + 7 * DAY_SECONDS;
    expect(finalItem?.expires_at).toBeGreaterThanOrEqual(expected - 1);
    expect(finalItem?.expires_at).toBeLessThanOrEqual(expected + 1);
  });

  it('reads every page: all active jobs, and a limit larger than one 1 MB page holds', async () => {
    // Prepare: 30 jobs of ~50 KB each span two 1 MB query pages
    const store = new DynamoDbJobStore({ tableName: await newTable(), client: local.client });
    const bulky = 'x'.repeat(50_000);
    for (let n = 0; n < 30; n += 1) {
      await store.create(buildJob({ id: `big-${n}`, requestText: bulky, createdAt: minutesAfterNow(n) }));
    }

    // Act
    const active = await store.listActive();
    const newest = await store.listRequestedBy('U0REQUESTER', 25);

    // Assess
    expect(active.map((job) => job.id)).toEqual(Array.from({ length: 30 }, (_, n) => `big-${n}`));
    expect(newest.map((job) => job.id)).toEqual(Array.from({ length: 25 }, (_, n) => `big-${29 - n}`));
  });

  it("lists one team's finished, told jobs, latest ending first, and none still running or untold", async () => {
    // Prepare
    const store = new DynamoDbJobStore({ tableName: await newTable(), client: local.client });
    const ended = (id: string, team: string | undefined, minutes: number, outcomeTold = true) =>
      buildJob({ id, team, state: JobState.SUCCEEDED, outcomeTold, updatedAt: minutesAfterNow(minutes) });
    await store.create(ended('first', 'T0TEAM', 1));
    await store.create(ended('second', 'T0TEAM', 2));
    await store.create(ended('untold', 'T0TEAM', 3, false));
    await store.create(ended('other-team', 'T0OTHER', 4));
    await store.create(ended('no-team', undefined, 5));
    await store.create(buildJob({ id: 'running', team: 'T0TEAM' }));

    // Act
    const finished = await store.listFinished('T0TEAM', 10);

    // Assess
    expect(finished.map((job) => job.id)).toEqual(['second', 'first']);
    expect((await store.listFinished(undefined, 10)).map((job) => job.id)).toEqual(['no-team']);
    expect(await store.listFinished('T0TEAM', 0)).toEqual([]);
  });

  it('creates the table with both indexes, idempotently', async () => {
    // Act
    await ensureJobsTable(local.client, local.tableName);
    const { Table } = await local.client.send(new DescribeTableCommand({ TableName: local.tableName }));

    // Assess
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      Object.values(JobsTableIndex).sort(),
    );
  });

  it('names the job and the field when a stored item is malformed', async () => {
    // Prepare
    const tableName = await newTable();
    const { plan, ...withoutPlan } = buildJob();
    const item = { id: 'broken', version: 1, job: { ...withoutPlan, plan: { ...plan, snapshot: 42 } } };
    await local.client.send(
      new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }) }),
    );
    const store = new DynamoDbJobStore({ tableName, client: local.client });

    // Act
    const reading = store.get('broken');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(MalformedJobItemError);
    await expect(reading).rejects.toThrow(/stored job broken is malformed: job\.plan\.snapshot/);
  });

  it('reads a job leased before leases had tokens, renews it for nobody, and lets it be claimed once it runs out', async () => {
    // Prepare: the item as an earlier version wrote it, its lease without a token
    const tableName = await newTable();
    const { id: _id, version: _version, ...stored } = buildJob({ state: JobState.RUNNING });
    const lease = { owner: 'worker-old', until: minutesAfterNow(5) };
    const item = { id: 'old', version: 3, state: JobState.RUNNING, job: { ...stored, lease } };
    await local.client.send(
      new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }) }),
    );
    const store = new DynamoDbJobStore({ tableName, client: local.client });

    // Act
    const read = await store.get('old');
    const renewed = await store.renewLease('old', { ...lease, token: undefined, until: minutesAfterNow(9) });
    const claimed = {
      ...(read as NonNullable<typeof read>),
      version: 4,
      lease: { owner: 'w', token: 't', until: minutesAfterNow(11) },
    };
    const early = store.claim(claimed, new Date(minutesAfterNow(4)));

    // Assess
    expect(read?.lease).toEqual({ ...lease, token: undefined });
    expect(renewed).toBe(false);
    await expect(early).rejects.toBeInstanceOf(JobConflictError);
    expect((await store.claim(claimed, new Date(minutesAfterNow(6)))).lease?.token).toBe('t');
  });

  it('wraps a DynamoDB failure in JobStoreError with the SDK error as cause', async () => {
    const store = new DynamoDbJobStore({ tableName: 'no-such-table', client: local.client });

    const error = await store.get('any').catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(JobStoreError);
    expect((error as JobStoreError).message).toMatch(/could not read job any \(ResourceNotFoundException/);
  });
});

describe('startLocalDynamoDb', () => {
  it('keeps jobs across a restart when given a path', async () => {
    // Prepare
    const path = await mkdtemp(join(tmpdir(), 'es-snapshot-bot-dynalite-'));
    const job = buildJob({ id: 'kept' });
    try {
      const first = await startLocalDynamoDb({ tableName: 'jobs', path });
      await new DynamoDbJobStore({ tableName: 'jobs', client: first.client }).create(job);
      await first.close();

      // Act
      const second = await startLocalDynamoDb({ tableName: 'jobs', path });
      const read = await new DynamoDbJobStore({ tableName: 'jobs', client: second.client }).get('kept');
      await second.close();

      // Assess
      expect(read).toEqual(job);
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  });
});
