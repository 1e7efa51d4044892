// The one logger factory: pino JSON with the job, cluster and step as fields, and every credential taken out of a
// line before it is written.
import { type DestinationStream, type Logger, pino } from 'pino';
import { redactLogLine } from './log-redaction.js';

type LoggerOptions = {
  /** @default 'info' */
  level?: string;
  /** Where JSON lines go; standard output when absent. */
  destination?: DestinationStream;
};

/**
 * JSON logs (one object per line) with credentials redacted; callers add `jobId`, `cluster` and `step`. The
 * redaction runs on the finished line rather than through pino's `redact` paths: paths name fixed places, and a
 * credential can sit at any depth, in any letter case, or inside a text (Bolt stringifies whole requests).
 */
function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', destination } = options;
  const settings = {
    level,
    base: { service: 'es-snapshot-bot' },
    hooks: { streamWrite: redactLogLine },
  };
  return destination === undefined ? pino(settings) : pino(settings, destination);
}

export { createLogger };
