import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * The rig's Lambda runtime: moto keeps functions but runs no code without Docker, so a bundle is run here, in a
 * child process with only the environment Lambda would give it (the function's own variables from the packaged
 * template, the runtime's AWS_* variables and the endpoints the rig adds).
 */

type LambdaFunction = {
  /** The deployed function name, e.g. es-snapshot-bot-test-worker. */
  name: string;
  /** Absolute path of the bundled module whose `handler` Lambda calls. */
  bundle: string;
  /** The function's working directory (Lambda: the unzipped package), where config/clusters.yml is read. */
  taskRoot: string;
  /** Everything the function's process sees. */
  environment: Record<string, string>;
  timeoutSeconds: number;
};

type Invocation =
  | { ok: true; result: unknown; logs: string }
  | { ok: false; errorType: string; errorMessage: string; logs: string };

const BOOTSTRAP = fileURLToPath(new URL('./lambda-bootstrap.mjs', import.meta.url));

/** The variables the Lambda runtime sets for every function, besides the function's own. */
function runtimeEnvironment(name: string, region: string, memoryMb: number): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    TZ: ':UTC',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  };
}

/** Runs one invocation as a cold start; resolves with what the handler returned or threw, and its log lines. */
function invokeFunction(fn: LambdaFunction, event: unknown): Promise<Invocation> {
  const child = fork(BOOTSTRAP, [], {
    cwd: fn.taskRoot,
    env: fn.environment,
    execArgv: [],
    silent: true,
  });
  let logs = '';
  const keep = (chunk: Buffer) => {
    logs += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const requestId = randomUUID();
  const context = {
    functionName: fn.name,
    functionVersion: '$LATEST',
    awsRequestId: requestId,
    invokedFunctionArn: `arn:aws:lambda:${fn.environment.AWS_REGION}:123456789012:function:${fn.name}`,
    memoryLimitInMB: fn.environment.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: requestId,
    callbackWaitsForEmptyEventLoop: true,
    timeoutMs: fn.timeoutSeconds * 1000,
  };
  return new Promise((resolve, reject) => {
    let answer: Omit<Invocation, 'logs'> | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), fn.timeoutSeconds * 1000);
    child.once('message', (message) => {
      answer = message as Omit<Invocation, 'logs'>;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (answer !== undefined) return resolve({ ...answer, logs } as Invocation);
      const why = signal === 'SIGKILL' ? `timed out after ${fn.timeoutSeconds} s` : `exited with ${code ?? signal}`;
      resolve({ ok: false, errorType: 'Runtime.ExitError', errorMessage: `${fn.name} ${why}`, logs });
    });
    child.send({ bundle: fn.bundle, event, context });
  });
}

export { type Invocation, invokeFunction, type LambdaFunction, runtimeEnvironment };
