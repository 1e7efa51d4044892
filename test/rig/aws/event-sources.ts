import type { DeployedStack } from './deployed-stack.js';
import { type Invocation, invokeFunction } from './lambda-runtime.js';
import { passesFilters, type StreamEventRecord } from './table-stream.js';

/**
 * What Lambda itself does between the functions, played by the rig: it runs the worker for each asynchronous
 * invocation moto accepted, and for each stream record its mapping's filter passes (batchSize 1, as serverless.yml
 * sets it). A failed invocation is reported with the function's own log, never retried here.
 */

type Succeeded = Extract<Invocation, { ok: true }>;

type StreamDelivery = {
  passed: StreamEventRecord[];
  dropped: StreamEventRecord[];
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

/** Delivers the stream to the worker until it is quiet. Bounded: a job takes a few writes, not ten rounds of them. */
async function deliverStream(stack: DeployedStack): Promise<StreamDelivery> {
  const delivery: StreamDelivery = { passed: [], dropped: [], workerLogs: '' };
  for (let round = 0; round < 10; round++) {
    const records = await stack.stream.read();
    if (records.length === 0) return delivery;
    for (const record of records) {
      if (!passesFilters(stack.workerFilterPatterns, record)) {
        delivery.dropped.push(record);
        continue;
      }
      delivery.passed.push(record);
      delivery.workerLogs += succeeded(await invokeFunction(stack.functions.worker, { Records: [record] })).logs;
    }
  }
  return delivery;
}

export { deliverStream, runHandOffs, type StreamDelivery, type Succeeded, succeeded };
