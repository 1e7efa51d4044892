import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { JobsTableIndex, jobsTableDefinition } from '../../adapters/dynamodb/jobs-table.js';

type LocalDynamoDbOptions = {
  /** The jobs table to create if it is missing. */
  tableName: string;
  /** A directory to keep the data in (LevelDB), so jobs survive a restart. @default undefined: in memory */
  path?: string;
};

type LocalDynamoDb = {
  /** `http://127.0.0.1:<port>`, for another client or the AWS CLI (`--endpoint-url`). */
  endpoint: string;
  client: DynamoDBClient;
  tableName: string;
  /** Stops the server, closes its store and the client's connections. */
  close(): Promise<void>;
};

const TABLE_READY_TIMEOUT_MS = 10_000;

/**
 * A client that can only talk to the local endpoint. Static dummy credentials and a region mean the SDK never
 * looks for real ones (environment, ~/.aws, instance metadata), so a developer's AWS session is never used here.
 */
function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<TableDescription> {
  const deadline = Date.now() + TABLE_READY_TIMEOUT_MS;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return Table;
    if (Date.now() > deadline) throw new Error(`table ${tableName} is still ${Table?.TableStatus} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Creates the jobs table unless it exists, and waits until it is ACTIVE. An on-disk table made by an older
 * version of the bot may lack an index that queries need: that is reported here, by name, not at the first query.
 */
async function ensureJobsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(jobsTableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const table = await waitUntilActive(client, tableName);
  const indexes = new Set(table.GlobalSecondaryIndexes?.map((index) => index.IndexName));
  const missing = Object.values(JobsTableIndex).filter((name) => !indexes.has(name));
  if (missing.length > 0) {
    throw new Error(`table ${tableName} has no index ${missing.join(', ')}: delete its data directory to recreate it`);
  }
}

function listen(server: ReturnType<typeof dynalite>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the kernel picks a free port, so two local runs or parallel tests never collide.
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts dynalite, an implementation of the DynamoDB API on LevelDB, on a free loopback port, with the jobs
 * table ready. `npm start` uses it so a laptop needs no AWS account; the integration tests use it as the real
 * thing the DynamoDB adapter talks to.
 *
 * @example
 * const local = await startLocalDynamoDb({ tableName: 'jobs' });
 * const store = new DynamoDbJobStore({ tableName: local.tableName, client: local.client });
 * // …
 * await local.close();
 */
async function startLocalDynamoDb(options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  const { tableName, path } = options;
  // Tables become ACTIVE at once: the default 500 ms CREATING state only imitates AWS and slows every test.
  const server = dynalite({ ...(path === undefined ? {} : { path }), createTableMs: 0 });
  const endpoint = `http://127.0.0.1:${await listen(server)}`;
  const client = localClient(endpoint);
  const close = async () => {
    client.destroy();
    // The SDK keeps connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  try {
    await ensureJobsTable(client, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, client, tableName, close };
}

export type { LocalDynamoDb, LocalDynamoDbOptions };
export { ensureJobsTable, startLocalDynamoDb };
