import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/dynamodb-job-store.js';

// What it does against DynamoDB is tested on dynalite (test/integration/dynamodb); here, only what fails at init.
describe('DynamoDbJobStore options', () => {
  const clientConfig = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses retentionDays %s at construction',
    (retentionDays) => {
      expect(() => new DynamoDbJobStore({ tableName: 'jobs', clientConfig, retentionDays })).toThrow(
        /retentionDays must be a whole number of days \(0 keeps jobs for good\)/,
      );
    },
  );

  it.each([0, 1, 365, 3650])('accepts retentionDays %s', (retentionDays) => {
    expect(new DynamoDbJobStore({ tableName: 'jobs', clientConfig, retentionDays })).toBeInstanceOf(DynamoDbJobStore);
  });

  it('refuses an empty table name at construction', () => {
    expect(() => new DynamoDbJobStore({ tableName: '', clientConfig })).toThrow(/tableName is empty/);
  });

  it('accepts a client or a client config, and the type refuses both', () => {
    const client = new DynamoDBClient(clientConfig);

    expect(new DynamoDbJobStore({ tableName: 'jobs', client })).toBeInstanceOf(DynamoDbJobStore);
    expect(new DynamoDbJobStore({ tableName: 'jobs', clientConfig })).toBeInstanceOf(DynamoDbJobStore);
    // @ts-expect-error: a store takes a client or the config to build one, never both
    expect(new DynamoDbJobStore({ tableName: 'jobs', client, clientConfig })).toBeInstanceOf(DynamoDbJobStore);
    client.destroy();
  });
});
