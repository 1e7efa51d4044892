import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import { awsRuntime } from './aws-runtime.js';
import { createSlackHandler, type LambdaHandler } from './slack-handler.js';

let slackHandler: Promise<LambdaHandler> | undefined;

/** Lambda entry point of the Slack function (API Gateway HTTP API, `POST /slack/events`). */
async function handler(event: AwsEvent, lambdaContext: unknown): Promise<AwsResponse> {
  slackHandler ??= awsRuntime().then((runtime) =>
    createSlackHandler({
      context: runtime.context,
      identity: { botToken: runtime.botToken, botId: runtime.botId, botUserId: runtime.botUserId },
      signingSecret: runtime.signingSecret,
      logger: runtime.context.logger,
      slackApiUrl: runtime.slackApiUrl,
    }),
  );
  return (await slackHandler)(event, lambdaContext);
}

export { handler };
