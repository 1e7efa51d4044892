import { App, AwsLambdaReceiver, LogLevel } from '@slack/bolt';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';

type BareHandler = (event: AwsEvent, lambdaContext: unknown) => Promise<AwsResponse>;

/**
 * What the Slack function is measured against: Bolt on `AwsLambdaReceiver` with one command listener that only
 * acknowledges. Its ids are given, as the bot's are, so that neither calls auth.test; it logs errors only, as the
 * benchmark's bot does.
 */
async function createBareBoltHandler(signingSecret: string): Promise<BareHandler> {
  const receiver = new AwsLambdaReceiver({ signingSecret, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    authorize: async () => ({ botToken: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE' }),
  });
  app.command(/.*/, async ({ ack }) => {
    await ack();
  });
  return receiver.start();
}

let bare: Promise<BareHandler> | undefined;

/** The Lambda entry point, built once per container as the bot's is. */
async function handler(event: AwsEvent, lambdaContext: unknown): Promise<AwsResponse> {
  bare ??= createBareBoltHandler(process.env.SLACK_SIGNING_SECRET ?? '');
  return (await bare)(event, lambdaContext);
}

export type { BareHandler };
export { createBareBoltHandler, handler };
