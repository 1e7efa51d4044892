import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../../src/logging/logger.js';

type LogLine = { level: number; msg?: string; [field: string]: unknown };

const ERROR_LEVEL = 50;

/**
 * The product's own logger, writing its JSON lines into memory so a test can read them. Bolt and its Web API client
 * log through it too (as `component: "bolt"`), so at `debug` this holds every line the bot would write.
 */
function capturedLog(level = 'info'): { logger: Logger; lines: LogLine[]; raw: string[]; errors(): LogLine[] } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text === '') continue;
        raw.push(text);
        lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, lines, raw, errors: () => lines.filter((line) => line.level >= ERROR_LEVEL) };
}

export type { LogLine };
export { capturedLog };
