import { type Logger, LogLevel } from '@slack/bolt';

/**
 * A Bolt / WebClient logger that drops everything: they log refused signatures and Slack's `[ERROR]` details, which
 * the tests that provoke them assert on instead.
 */
const quietSlackLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export { quietSlackLogger };
