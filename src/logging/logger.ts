// The one logger factory: pino JSON with the job, cluster and step as fields, and every path that can hold a
// credential redacted before a line is written.
import { type DestinationStream, type Logger, pino } from 'pino';

/** Anything that can hold a credential, wherever it sits in a log object. */
const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-amz-security-token"]',
  '*.headers["x-slack-signature"]',
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secretAccessKey',
  '*.secretAccessKey',
  'sessionToken',
  '*.sessionToken',
];

type LoggerOptions = {
  /** @default 'info' */
  level?: string;
  /** Where JSON lines go; standard output when absent. */
  destination?: DestinationStream;
};

/** JSON logs (one object per line) with credentials redacted; callers add `jobId`, `cluster` and `step`. */
function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', destination } = options;
  const settings = {
    level,
    base: { service: 'es-snapshot-bot' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(settings) : pino(settings, destination);
}

export { createLogger };
