import { ConfigError } from './errors.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** An optional variable; blank counts as unset. */
function optionalString(env: Environment, key: string): string | undefined {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function requiredString(env: Environment, key: string, purpose: string): string {
  const value = optionalString(env, key);
  if (value === undefined) throw new ConfigError(key, `is not set: ${purpose}`);
  return value;
}

function oneOf<const Choices extends readonly string[]>(
  env: Environment,
  key: string,
  choices: Choices,
  fallback: Choices[number],
): Choices[number] {
  const value = optionalString(env, key) ?? fallback;
  if (!choices.includes(value)) throw new ConfigError(key, `is "${value}"; expected one of ${choices.join(', ')}`);
  return value;
}

/** An optional whole number, 0 or more; blank counts as unset. */
function optionalWholeNumber(env: Environment, key: string, meaning: string): number | undefined {
  const value = optionalString(env, key);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new ConfigError(key, `is "${value}"; expected ${meaning}`);
  return Number(value);
}

/** An optional whole number of seconds, in milliseconds; undefined when unset. */
function optionalSeconds(env: Environment, key: string): number | undefined {
  const seconds = optionalWholeNumber(env, key, 'a whole number of seconds');
  return seconds === undefined ? undefined : seconds * 1000;
}

/**
 * The Slack Web API's base URL: unset for slack.com; `https://slack-gov.com/api/` for GovSlack. Slack's clients
 * join method names onto it, so it must be absolute and end with a slash; one without gets it.
 */
function optionalSlackApiUrl(env: Environment): string | undefined {
  const value = optionalString(env, 'SLACK_API_URL');
  if (value === undefined) return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (parsed === undefined || !['https:', 'http:'].includes(parsed.protocol) || parsed.search !== '') {
    throw new ConfigError(
      'SLACK_API_URL',
      `is "${value}"; expected the Web API's base URL, e.g. https://slack-gov.com/api/ for GovSlack (unset for slack.com)`,
    );
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** Settings every entry point reads once, at start-up. */
function readCommonEnvironment(env: Environment = process.env) {
  return {
    /** Path of the YAML cluster configuration; unset under `npm start` means "start local clusters". */
    configPath: optionalString(env, 'ES_SNAPSHOT_BOT_CONFIG'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    /** Days finished jobs are kept, 0 for good; unset means the job store's default (365). */
    retentionDays: optionalWholeNumber(
      env,
      'ES_SNAPSHOT_BOT_RETENTION_DAYS',
      'a whole number of days to keep finished jobs (0 keeps them for good)',
    ),
    /** How long a worker holds a job (checked against the clusters' timeouts at start-up); unset: 5 minutes. */
    leaseMs: optionalSeconds(env, 'ES_SNAPSHOT_BOT_LEASE_SECONDS'),
    /** How often a worker renews its lease; unset: a third of the lease. */
    heartbeatMs: optionalSeconds(env, 'ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS'),
    /** Where Bolt and every Web API client send Slack's methods; unset: slack.com. */
    slackApiUrl: optionalSlackApiUrl(env),
  };
}

export type { Environment };
export { oneOf, optionalSeconds, optionalString, optionalWholeNumber, readCommonEnvironment, requiredString };
