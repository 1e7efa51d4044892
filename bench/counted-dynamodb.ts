import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB requests by operation (`GetItem`, `Query`, `PutItem` …), as the bot sent them. */
type DynamoDbCounts = Map<string, number>;

/**
 * What the table costs the bot: requests by operation, and the time spent waiting on them, added up. `addedMs`
 * delays every request by that much, as the network to DynamoDB would (dynalite answers in process).
 */
type TableTally = { counts: DynamoDbCounts; waitedMs: { total: number }; addedMs: { each: number } };

/**
 * A client of the local table that counts every command it sends, by operation: what a tick costs the table is
 * read off here, and a `Scan` shows up by name.
 */
function countedDynamoDbClient(endpoint: string): { client: DynamoDBClient; tally: TableTally } {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tally: TableTally = { counts: new Map(), waitedMs: { total: 0 }, addedMs: { each: 0 } };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      tally.counts.set(operation, (tally.counts.get(operation) ?? 0) + 1);
      const started = performance.now();
      try {
        if (tally.addedMs.each > 0) await new Promise((resolve) => setTimeout(resolve, tally.addedMs.each));
        return await next(args);
      } finally {
        tally.waitedMs.total += performance.now() - started;
      }
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return { client, tally };
}

const READ_OPERATIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems'];

/** The counts since `before`, split into reads and the rest. */
function countsSince(counts: DynamoDbCounts, before: DynamoDbCounts) {
  const since = new Map([...counts].map(([operation, count]) => [operation, count - (before.get(operation) ?? 0)]));
  const sum = (keep: (operation: string) => boolean) =>
    [...since].filter(([operation]) => keep(operation)).reduce((total, [, count]) => total + count, 0);
  return {
    byOperation: Object.fromEntries([...since].filter(([, count]) => count > 0)),
    reads: sum((operation) => READ_OPERATIONS.includes(operation)),
    writes: sum((operation) => !READ_OPERATIONS.includes(operation)),
    scans: since.get('Scan') ?? 0,
  };
}

export type { DynamoDbCounts, TableTally };
export { countedDynamoDbClient, countsSince };
