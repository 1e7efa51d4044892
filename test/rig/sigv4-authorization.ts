/** The parts of a SigV4 `Authorization` header the gateway checks before it recomputes the signature. */
type SigV4Authorization = {
  accessKeyId: string;
  /** `yyyymmdd` of the credential scope. */
  date: string;
  region: string;
  service: string;
  /** Lower-case header names, as listed by the client. */
  signedHeaders: string[];
  signature: string;
};

const ALGORITHM = 'AWS4-HMAC-SHA256';
const REQUIRED_PARAMETERS = ['Credential', 'SignedHeaders', 'Signature'] as const;

/**
 * Parses `AWS4-HMAC-SHA256 Credential=<akid>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=a;b,
 * Signature=<hex>`. Throws an error whose message is what the service would answer.
 */
function parseAuthorization(header: string): SigV4Authorization {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw new Error(`Authorization header is not a Signature Version 4 header: it must start with '${ALGORITHM} '.`);
  }
  const parameters = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const [name = '', ...value] = part.trim().split('=');
    parameters.set(name, value.join('='));
  }
  const missing = REQUIRED_PARAMETERS.filter((name) => !parameters.get(name));
  if (missing.length > 0) {
    throw new Error(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const credential = parameters.get('Credential') ?? '';
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request' || rest.length > 0) {
    throw new Error(
      `Credential '${credential}' is malformed: expected "<access key>/<yyyymmdd>/<region>/<service>/aws4_request".`,
    );
  }
  const signature = parameters.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) throw new Error('Signature must be 64 lower-case hexadecimal characters.');
  const signedHeaders = (parameters.get('SignedHeaders') ?? '').split(';').filter(Boolean);
  return { accessKeyId, date, region, service, signedHeaders, signature };
}

/** Parses an `X-Amz-Date` value (`yyyymmddThhmmssZ`). */
function parseAmzDate(value: string): Date {
  const iso = value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6.000Z');
  const date = new Date(iso);
  // The round trip refuses both other shapes and impossible dates such as month 13.
  if (Number.isNaN(date.getTime()) || date.toISOString() !== iso) {
    throw new Error(`X-Amz-Date '${value}' is not a date in the form yyyymmddThhmmssZ.`);
  }
  return date;
}

/**
 * Decodes a raw query string into the key/value map a SigV4 signer takes: repeated keys become arrays, `+` is a
 * space (as `URLSearchParams` writes it), and a key without `=` has the empty value.
 */
function parseQuery(rawQuery: string): Record<string, string | string[]> {
  // No prototype: a key such as `__proto__` stays a plain entry.
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

export { parseAmzDate, parseAuthorization, parseQuery, type SigV4Authorization };
