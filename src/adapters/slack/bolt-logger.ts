import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from 'pino';

type PinoLine = [fields: Record<string, unknown>, message: string];

type EncodedRequest = { body: string; isBase64Encoded: true };

function isEncodedRequest(detail: unknown): detail is EncodedRequest {
  const request = detail as Partial<EncodedRequest> | null;
  return request?.isBase64Encoded === true && typeof request.body === 'string';
}

/**
 * A Lambda event whose body API Gateway base64-encoded, with the body decoded: encoded, the token and response URL in
 * it would pass any redaction unseen.
 */
function decodedRequest(detail: unknown): unknown {
  if (!isEncodedRequest(detail)) return detail;
  return { ...detail, body: Buffer.from(detail.body, 'base64').toString('utf8'), isBase64Encoded: false };
}

/**
 * Bolt often stringifies what it logs (`AWS event: {…}`): a JSON tail is parsed back, so that it is logged as fields
 * (and redacted by field name) instead of as one long text.
 */
function withJsonTail(text: string): PinoLine | undefined {
  const start = text.search(/[[{]/);
  if (start === -1) return undefined;
  try {
    const detail: unknown = JSON.parse(text.slice(start));
    return [{ detail: decodedRequest(detail) }, text.slice(0, start).replace(/[\s:]+$/, '')];
  } catch {
    return undefined;
  }
}

/** Bolt's `(...message: unknown[])`, as pino's `(fields, message)`: texts joined, objects kept as objects. */
function asPinoLine(message: unknown[]): PinoLine {
  const text = message.filter((part) => typeof part === 'string').join(' ');
  const others = message.filter((part) => typeof part !== 'string');
  if (others.length === 0) return withJsonTail(text) ?? [{}, text];
  const error = others.find((part) => part instanceof Error);
  const details = others.filter((part) => part !== error);
  const fields: Record<string, unknown> = {};
  if (error !== undefined) fields.err = error;
  if (details.length > 0) fields.detail = details.length === 1 ? details[0] : details;
  return [fields, text === '' && error !== undefined ? error.message : text];
}

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * Bolt's own log lines (and its Web API client's, which shares this logger), as structured pino JSON beside ours,
 * so that the logger's redaction reaches into them like into any other line.
 */
function boltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'bolt' });
  // Bolt stringifies every event into a debug line; parsing it back is worth it only for a line that is written,
  // and checking first keeps that work off each acknowledgement at the usual levels.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...message: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](...asPinoLine(message));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // The product's LOG_LEVEL decides; Bolt only asks for a level when it is given one, which it never is here.
    setLevel: () => undefined,
    getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}

export { boltLogger };
