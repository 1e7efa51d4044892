import { describe, expect, it } from 'vitest';
import { oneOf, readCommonEnvironment, requiredString } from '../../../src/config/env.js';

describe('readCommonEnvironment', () => {
  it('reads the config path and log level', () => {
    expect(readCommonEnvironment({ ES_SNAPSHOT_BOT_CONFIG: ' clusters.yml ', LOG_LEVEL: 'debug' })).toEqual({
      configPath: 'clusters.yml',
      logLevel: 'debug',
    });
  });

  it('treats blank values as unset and defaults the level to info', () => {
    expect(readCommonEnvironment({ ES_SNAPSHOT_BOT_CONFIG: '  ' })).toEqual({
      configPath: undefined,
      logLevel: 'info',
    });
  });

  it('reads the lease and heartbeat in seconds, and refuses what is not a whole number of them', () => {
    const env = { ES_SNAPSHOT_BOT_LEASE_SECONDS: '960', ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS: '60' };

    expect(readCommonEnvironment(env)).toMatchObject({ leaseMs: 960_000, heartbeatMs: 60_000 });
    expect(() => readCommonEnvironment({ ES_SNAPSHOT_BOT_LEASE_SECONDS: '5m' })).toThrowError(
      'ES_SNAPSHOT_BOT_LEASE_SECONDS: is "5m"; expected a whole number of seconds',
    );
  });

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

describe('oneOf', () => {
  it('falls back when unset', () => {
    expect(oneOf({}, 'MODE', ['a', 'b'], 'b')).toBe('b');
  });
});
