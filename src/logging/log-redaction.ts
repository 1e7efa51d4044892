// What a log line must never carry, decided in one place and without I/O: the logger runs every finished line through
// `redactLogLine`, so a credential is caught wherever it sits (a field at any depth, in any letter case, a child
// logger's bindings, an error's message or stack, or text another library stringified before we saw it).

const CENSOR = '[redacted]';

/**
 * Parts of a key name (lower-cased, with `-`, `_`, `.` and the like removed) that mark its value as a credential:
 * `x-slack-signature`, `X-Amz-Security-Token`, `signingSecret`, `response_url`, `secretAccessKey`, `Set-Cookie` …
 * A response URL is a credential: whoever holds it may post in the channel as the bot for half an hour.
 */
const SECRET_KEY_PARTS = [
  'token',
  'secret',
  'signature',
  'password',
  'passwd',
  'passphrase',
  'authorization',
  'cookie',
  'responseurl',
  'webhook',
  'credential',
  'apikey',
  'privatekey',
  'accesskey',
];

/** Whether a field or parameter named `key` holds a credential, whatever its case or separators. */
function isSecretKey(key: string): boolean {
  const bare = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEY_PARTS.some((part) => bare.includes(part));
}

/** Credentials recognisable by their shape alone, wherever they appear in a text. */
const SECRET_SHAPES: [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, refresh and configuration tokens.
  [/\b(?:xox[a-z]|xapp)(?:\.xox[a-z])?-[A-Za-z0-9-]+/g, CENSOR],
  // Slack request signatures, plain or URL-encoded.
  [/\bv0(=|%3D)[0-9a-f]{8,}/gi, `v0$1${CENSOR}`],
  // Incoming-webhook and response URLs, plain or URL-encoded.
  [/https?(?::\/\/|%3A%2F%2F)hooks\.slack\.com(?:\/|%2F)(?:(?!%22|%26|%2C)[^\s"'<>\\&,])*/gi, CENSOR],
  // AWS access key ids: long-term (AKIA) and temporary (ASIA).
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, CENSOR],
];

/**
 * `name=value`, `name: value`, `"name":"value"`, `\"name\":\"value\"` and their URL-encoded forms (a form body, a
 * query string, a header line, JSON inside a string). The lookbehind makes a name start where a word starts, which
 * keeps the search linear on a long run of letters. The value ends where a form field, quote or list item ends.
 */
const ASSIGNMENT =
  /(?<![\w.-])([\w.-]+)((?:\\*"|%22)?[ \t]*(?::|=|%3A|%3D)[ \t]*(?:\\*"|%22)?)((?:(?!%22|%26|%2C)[^\s"'&,;})\\])+)/gi;

/** `text` with every credential in it replaced by `[redacted]`; the rest stays as it was. */
function redactText(text: string): string {
  let redacted = text.replace(ASSIGNMENT, (whole, key: string, separator: string) =>
    isSecretKey(key) ? `${key}${separator}${CENSOR}` : whole,
  );
  for (const [shape, replacement] of SECRET_SHAPES) redacted = redacted.replace(shape, replacement);
  return redacted;
}

/** A copy of `value` (as parsed from JSON) with credential fields censored at any depth and credentials cut out of texts. */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, isSecretKey(key) ? CENSOR : redactValue(field)]),
  );
}

/** One finished JSON log line (newline included) as it may be written; a line that is not JSON is redacted as text. */
function redactLogLine(line: string): string {
  try {
    return `${JSON.stringify(redactValue(JSON.parse(line)))}\n`;
  } catch {
    return redactText(line);
  }
}

export { CENSOR, isSecretKey, redactLogLine, redactText, redactValue };
