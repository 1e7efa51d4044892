import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';

/** The account moto answers as when no other is asked for. */
const MOTO_ACCOUNT = '123456789012';

/** Fake, fixed keys: moto accepts any signature, and nothing here may reach a real account. */
const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'fake-session-token',
};

/** The rig's own clients, for seeding moto and reading what the functions left there. */
function motoClients(endpoint: string, region: string) {
  const config = { endpoint, region, credentials: FAKE_CREDENTIALS };
  return {
    ssm: new SSMClient(config),
    dynamodb: new DynamoDBClient(config),
    streams: new DynamoDBStreamsClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
    sqs: new SQSClient(config),
  };
}

type MotoClients = ReturnType<typeof motoClients>;

export { FAKE_CREDENTIALS, MOTO_ACCOUNT, type MotoClients, motoClients };
