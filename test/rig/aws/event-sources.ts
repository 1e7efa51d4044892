import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { MOTO_ACCOUNT } from './aws-clients.js';
import type { DeployedStack } from './deployed-stack.js';
import { type Invocation, invokeFunction } from './lambda-runtime.js';
import { passesFilters, type ShardRecord, type StreamEventRecord } from './table-stream.js';

/**
 * What Lambda itself does between the functions, played by the rig: it runs the worker for each asynchronous
 * invocation moto accepted, and for each stream record its mapping's filter passes (batchSize 1, as serverless.yml
 * sets it). A hand-off that fails is reported with the function's own log. A stream record whose invocation fails
 * is retried as often as the mapping says, then set aside to its failure destination as Lambda describes it there.
 */

type Succeeded = Extract<Invocation, { ok: true }>;

type StreamDelivery = {
  passed: StreamEventRecord[];
  dropped: StreamEventRecord[];
  /** Records whose every invocation failed, set aside to the mapping's failure destination. */
  setAside: StreamEventRecord[];
  /** The worker's log lines of every delivery, in order. */
  workerLogs: string;
};

/** The invocation's result, or an error with the function's error and the end of its log. */
function succeeded(invocation: Invocation): Succeeded {
  if (!invocation.ok) {
    throw new Error(`${invocation.errorType}: ${invocation.errorMessage}\n${invocation.logs.slice(-3000)}`);
  }
  return invocation;
}

/** Runs the worker once for each hand-off the slack function made since the last call; resolves with the payloads. */
async function runHandOffs(stack: DeployedStack): Promise<unknown[]> {
  const handedOff = stack.lambdaFront.take();
  for (const { functionName, payload } of handedOff) {
    if (functionName !== stack.functions.worker.name) throw new Error(`an invocation of unknown ${functionName}`);
    succeeded(await invokeFunction(stack.functions.worker, payload));
  }
  return handedOff.map((invocation) => invocation.payload);
}

/**
 * What Lambda sends a stream mapping's failure destination for a batch it gave up on: where the batch was in the
 * stream, not the records themselves.
 */
function failedBatchMessage(stack: DeployedStack, { shardId, record }: ShardRecord, attempts: number) {
  const { SequenceNumber, ApproximateCreationDateTime } = record.dynamodb as {
    SequenceNumber?: string;
    ApproximateCreationDateTime?: number;
  };
  // The event carries the record's time as epoch seconds; the failure record says it as an ISO time.
  const arrival = new Date((ApproximateCreationDateTime ?? Date.now() / 1000) * 1000).toISOString();
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: `arn:aws:lambda:${record.awsRegion}:${MOTO_ACCOUNT}:function:${stack.functions.worker.name}`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: attempts,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId,
      startSequenceNumber: SequenceNumber,
      endSequenceNumber: SequenceNumber,
      approximateArrivalOfFirstRecord: arrival,
      approximateArrivalOfLastRecord: arrival,
      batchSize: 1,
      streamArn: record.eventSourceARN,
    },
  };
}

/** Invokes the worker with one record, retrying as the mapping says; false when every attempt failed. */
async function deliverRecord(stack: DeployedStack, read: ShardRecord, delivery: StreamDelivery) {
  const { maximumRetryAttempts } = stack.workerStream;
  const attempts = maximumRetryAttempts < 0 ? Number.POSITIVE_INFINITY : maximumRetryAttempts + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const invocation = await invokeFunction(stack.functions.worker, { Records: [read.record] });
    delivery.workerLogs += invocation.logs;
    if (invocation.ok) return;
  }
  delivery.setAside.push(read.record);
  await stack.aws.sqs.send(
    new SendMessageCommand({
      QueueUrl: stack.failedRecordsQueueUrl,
      MessageBody: JSON.stringify(failedBatchMessage(stack, read, attempts)),
    }),
  );
}

/** Delivers the stream to the worker until it is quiet. Bounded: a job takes a few writes, not ten rounds of them. */
async function deliverStream(stack: DeployedStack): Promise<StreamDelivery> {
  const delivery: StreamDelivery = { passed: [], dropped: [], setAside: [], workerLogs: '' };
  for (let round = 0; round < 10; round++) {
    const records = await stack.stream.read();
    if (records.length === 0) return delivery;
    for (const read of records) {
      if (!passesFilters(stack.workerStream.filterPatterns, read.record)) {
        delivery.dropped.push(read.record);
        continue;
      }
      delivery.passed.push(read.record);
      await deliverRecord(stack, read, delivery);
    }
  }
  return delivery;
}

export { deliverStream, runHandOffs, type StreamDelivery, type Succeeded, succeeded };
