import { describe, expect, it } from 'vitest';
import { oneOf, optionalWholeNumber, readCommonEnvironment, requiredString } from '../../../src/config/env.js';

describe('readCommonEnvironment', () => {
  it('reads the config path, log level and retention', () => {
    expect(
      readCommonEnvironment({
        ES_SNAPSHOT_BOT_CONFIG: ' clusters.yml ',
        LOG_LEVEL: 'debug',
        ES_SNAPSHOT_BOT_RETENTION_DAYS: '730',
      }),
    ).toStrictEqual({
      configPath: 'clusters.yml',
      logLevel: 'debug',
      retentionDays: 730,
      leaseMs: undefined,
      heartbeatMs: undefined,
      slackApiUrl: undefined,
    });
  });

  it('treats blank values as unset, defaults the level to info and leaves the retention to the job store', () => {
    expect(readCommonEnvironment({ ES_SNAPSHOT_BOT_CONFIG: '  ', ES_SNAPSHOT_BOT_RETENTION_DAYS: ' ' })).toStrictEqual({
      configPath: undefined,
      logLevel: 'info',
      retentionDays: undefined,
      leaseMs: undefined,
      heartbeatMs: undefined,
      slackApiUrl: undefined,
    });
  });

  it('reads a retention of 0 as "keep finished jobs for good"', () => {
    expect(readCommonEnvironment({ ES_SNAPSHOT_BOT_RETENTION_DAYS: '0' }).retentionDays).toBe(0);
  });

  it.each(['-1', '1.5', '30d', 'forever', '1e3'])('names the variable when the retention is %s', (value) => {
    expect(() => readCommonEnvironment({ ES_SNAPSHOT_BOT_RETENTION_DAYS: value })).toThrowError(
      `ES_SNAPSHOT_BOT_RETENTION_DAYS: is "${value}"; expected a whole number of days to keep finished jobs (0 keeps them for good)`,
    );
  });

  it('reads the lease and heartbeat in seconds, and refuses what is not a whole number of them', () => {
    const env = { ES_SNAPSHOT_BOT_LEASE_SECONDS: '960', ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS: '60' };

    expect(readCommonEnvironment(env)).toMatchObject({ leaseMs: 960_000, heartbeatMs: 60_000 });
    expect(() => readCommonEnvironment({ ES_SNAPSHOT_BOT_LEASE_SECONDS: '5m' })).toThrowError(
      'ES_SNAPSHOT_BOT_LEASE_SECONDS: is "5m"; expected a whole number of seconds',
    );
  });

  it("reads the Slack Web API's base URL, GovSlack's for one, and gives it the slash Slack's clients need", () => {
    expect(readCommonEnvironment({ SLACK_API_URL: 'https://slack-gov.com/api/' }).slackApiUrl).toBe(
      'https://slack-gov.com/api/',
    );
    expect(readCommonEnvironment({ SLACK_API_URL: 'http://127.0.0.1:4000/api' }).slackApiUrl).toBe(
      'http://127.0.0.1:4000/api/',
    );
  });

  it.each(['slack-gov.com/api', 'ftp://slack-gov.com/api/', 'https://slack-gov.com/api/?team=T1'])(
    'refuses SLACK_API_URL=%s, saying what it should be',
    (value) => {
      expect(() => readCommonEnvironment({ SLACK_API_URL: value })).toThrowError(
        `SLACK_API_URL: is "${value}"; expected the Web API's base URL, e.g. https://slack-gov.com/api/ for GovSlack`,
      );
    },
  );

  it('names the variable and the choices when a value is not allowed', () => {
    expect(() => readCommonEnvironment({ LOG_LEVEL: 'loud' })).toThrowError(
      'LOG_LEVEL: is "loud"; expected one of trace, debug, info, warn, error, fatal, silent',
    );
  });
});

describe('requiredString', () => {
  it('returns a value that is set', () => {
    expect(requiredString({ SLACK_BOT_TOKEN: 'x' }, 'SLACK_BOT_TOKEN', 'the bot token')).toBe('x');
  });

  it('says which variable is missing and what it is for', () => {
    expect(() => requiredString({}, 'SLACK_BOT_TOKEN', 'the bot token')).toThrowError(
      'SLACK_BOT_TOKEN: is not set: the bot token',
    );
  });
});

describe('optionalWholeNumber', () => {
  it('reads a whole number and leaves an unset one undefined', () => {
    expect(optionalWholeNumber({ N: ' 42 ' }, 'N', 'a count')).toBe(42);
    expect(optionalWholeNumber({}, 'N', 'a count')).toBeUndefined();
  });
});

describe('oneOf', () => {
  it('falls back when unset', () => {
    expect(oneOf({}, 'MODE', ['a', 'b'], 'b')).toBe('b');
  });
});
