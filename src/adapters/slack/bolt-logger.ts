import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's own log lines, as pino JSON beside ours (Bolt never logs tokens; the redaction covers it anyway). */
function boltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...message) => child.debug(message.map(String).join(' ')),
    info: (...message) => child.info(message.map(String).join(' ')),
    warn: (...message) => child.warn(message.map(String).join(' ')),
    error: (...message) => child.error(message.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export { boltLogger };
