import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.js';
import { checkLeaseTimings } from '../../../src/config/lease-timings.js';
import { composeContext } from '../../../src/handlers/compose-context.js';
import { InMemoryJobStore } from '../../fakes/in-memory-job-store.js';
import { createRecordingChat } from '../../fakes/recording-chat.js';
import { silentLogger } from '../../fakes/silent-logger.js';
import { buildClusterConfig } from '../../fixtures/cluster-config.js';

const MINUTE = 60_000;

function refusal(act: () => void): ConfigError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the timings were accepted');
}

describe('lease timings', () => {
  it.each([
    {
      title: 'the defaults: 5 minutes, a heartbeat of 100 s, clusters at 30 s',
      lease: 5 * MINUTE,
      heartbeat: 100_000,
      timeout: 30_000,
    },
    { title: 'the shortest lease, its heartbeat a third of it', lease: 30_000, heartbeat: 10_000, timeout: 5000 },
    {
      title: 'a cluster of 900 s under a lease of 16 minutes',
      lease: 16 * MINUTE,
      heartbeat: MINUTE,
      timeout: 900_000,
    },
  ])('accepts $title', ({ lease, heartbeat, timeout }) => {
    const clusters = [buildClusterConfig({ requestTimeoutMs: timeout })];

    expect(() => checkLeaseTimings({ leaseMs: lease, heartbeatMs: heartbeat }, clusters)).not.toThrow();
  });

  it.each([
    {
      title: 'a lease shorter than 30 s',
      timings: { leaseMs: 20_000, heartbeatMs: 5000 },
      key: 'ES_SNAPSHOT_BOT_LEASE_SECONDS',
      says: 'is 20 s; a lease must be at least 30 s',
    },
    {
      title: 'a lease that is not a number',
      timings: { leaseMs: Number.NaN, heartbeatMs: 5000 },
      key: 'ES_SNAPSHOT_BOT_LEASE_SECONDS',
      says: 'a lease must be at least 30 s',
    },
    {
      title: 'a heartbeat of less than a second',
      timings: { leaseMs: MINUTE, heartbeatMs: 500 },
      key: 'ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS',
      says: 'renew at most once a second',
    },
    {
      title: 'a heartbeat longer than a third of the lease',
      timings: { leaseMs: 5 * MINUTE, heartbeatMs: 2 * MINUTE },
      key: 'ES_SNAPSHOT_BOT_HEARTBEAT_SECONDS',
      says: 'set it to at most 100 or raise ES_SNAPSHOT_BOT_LEASE_SECONDS',
    },
  ])('refuses $title, naming the setting to change', ({ timings, key, says }) => {
    const error = refusal(() => checkLeaseTimings(timings, [buildClusterConfig()]));

    expect(error.key).toBe(key);
    expect(error.message).toContain(says);
  });

  it('refuses a cluster whose calls may outlast the lease, saying both ways out', () => {
    // Prepare: a slow cluster's 900 s request timeout under the default 5-minute lease
    const clusters = [
      buildClusterConfig({ alias: 'fast' }),
      buildClusterConfig({ alias: 'slow', requestTimeoutMs: 900_000 }),
    ];

    // Act
    const error = refusal(() => checkLeaseTimings({ leaseMs: 5 * MINUTE, heartbeatMs: MINUTE }, clusters));

    // Assess
    expect(error.key).toBe('clusters.slow.request_timeout_seconds');
    expect(error.message).toContain('raise ES_SNAPSHOT_BOT_LEASE_SECONDS to at least 911');
    expect(error.message).toContain('or lower request_timeout_seconds to at most 289');
  });

  it('is checked when the context is composed, before any worker runs', () => {
    // Prepare
    const chat = createRecordingChat();
    const slow = buildClusterConfig({ alias: 'slow', requestTimeoutMs: 900_000 });
    const parts = {
      config: { language: 'en' as const, clusters: new Map([['slow', slow]]) },
      jobs: new InMemoryJobStore(),
      chat,
      directory: chat,
      tasks: { dispatch: async () => undefined },
      logger: silentLogger,
    };

    // Act
    const refused = refusal(() => composeContext(parts));
    const composed = composeContext({ ...parts, leaseMs: 16 * MINUTE });

    // Assess
    expect(refused.key).toBe('clusters.slow.request_timeout_seconds');
    expect(composed).toMatchObject({ leaseMs: 16 * MINUTE, heartbeatMs: 320_000 });
  });
});
