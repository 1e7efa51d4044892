import { describe, expect, it } from 'vitest';
import { loadAwsRuntime } from '../../../src/handlers/aws-runtime.js';

describe('loadAwsRuntime', () => {
  it.each([
    [{}, 'JOBS_TABLE: is not set: the DynamoDB jobs table'],
    [{ JOBS_TABLE: 't' }, 'ES_SNAPSHOT_BOT_CONFIG: is not set'],
    [{ JOBS_TABLE: 't', ES_SNAPSHOT_BOT_CONFIG: 'c.yml' }, 'WORKER_FUNCTION_NAME: is not set'],
    [
      { JOBS_TABLE: 't', ES_SNAPSHOT_BOT_CONFIG: 'c.yml', WORKER_FUNCTION_NAME: 'w', LOG_LEVEL: 'chatty' },
      'LOG_LEVEL: is "chatty"',
    ],
  ])('fails at cold start naming the missing setting (%j)', async (env, message) => {
    await expect(loadAwsRuntime(env)).rejects.toThrowError(message);
  });
});
