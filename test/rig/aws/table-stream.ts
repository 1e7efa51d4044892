import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { matchesEventPattern } from '../deploy/event-pattern.js';

/**
 * Lambda's event source mapping for a DynamoDB stream, played by the rig: it reads the table's stream from moto's
 * DynamoDB Streams API shard by shard from TRIM_HORIZON, in the shape Lambda gives a function, and filters them with
 * the mapping's patterns from the packaged template.
 */

type StreamEventRecord = {
  eventID: string;
  eventName: string;
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: Record<string, unknown>;
};

/** A record read from the stream, and the shard it was read from. */
type ShardRecord = { shardId: string; record: StreamEventRecord };

type TableStream = {
  /** Every record written since the last call, in shard order, as Lambda would deliver them. */
  read(): Promise<ShardRecord[]>;
};

function eventRecord(record: _Record, streamArn: string, region: string): StreamEventRecord {
  const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
  return {
    eventID: record.eventID ?? '',
    eventName: record.eventName ?? '',
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    // Lambda's event carries the time as epoch seconds, and attribute values as the JSON the API sends.
    dynamodb: {
      ...(JSON.parse(JSON.stringify(change)) as Record<string, unknown>),
      ...(ApproximateCreationDateTime && {
        ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000),
      }),
    },
  };
}

function openTableStream(client: DynamoDBStreamsClient, streamArn: string, region: string): TableStream {
  const iterators = new Map<string, string | undefined>();

  async function iteratorOf(shardId: string): Promise<string | undefined> {
    if (iterators.has(shardId)) return iterators.get(shardId);
    const answer = await client.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    return answer.ShardIterator;
  }

  async function read(): Promise<ShardRecord[]> {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: ShardRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId ?? '';
      const iterator = await iteratorOf(shardId);
      if (iterator === undefined) continue;
      const answer = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      iterators.set(shardId, answer.NextShardIterator);
      records.push(
        ...(answer.Records ?? []).map((record) => ({ shardId, record: eventRecord(record, streamArn, region) })),
      );
    }
    return records;
  }

  return { read };
}

/** Whether one of the mapping's filter patterns passes `record`; Lambda drops the others unseen. */
function passesFilters(patterns: unknown[], record: StreamEventRecord): boolean {
  return patterns.some((pattern) => matchesEventPattern(pattern, record));
}

export { openTableStream, passesFilters, type ShardRecord, type StreamEventRecord, type TableStream };
