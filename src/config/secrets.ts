import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from './errors.js';

/**
 * A SecureString from SSM Parameter Store, read once per cold start. The error names the parameter, never its
 * value.
 */
async function readSecretParameter(client: SSMClient, name: string): Promise<string> {
  try {
    const answer = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    const value = answer.Parameter?.Value;
    if (value === undefined || value === '') throw new Error('the parameter has no value');
    return value;
  } catch (error) {
    throw new ConfigError(name, `cannot read this SSM parameter (${(error as Error).message})`, { cause: error });
  }
}

export { readSecretParameter };
