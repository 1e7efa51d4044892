import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  progressBar,
  slackDate,
} from '../../../../src/core/messages/format.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [999, '999 B'],
    [1200, '1.2 KB'],
    [1_234_567_890, '1.2 GB'],
    [45_600_000, '46 MB'],
    [3e18, '3000 PB'],
  ])('%d bytes read as %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [200_000, '3 m 20 s'],
    [180_000, '3 m'],
    [3_900_000, '1 h 5 m'],
    [7_200_000, '2 h'],
    [-1, '0 s'],
  ])('%d ms read as %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});

describe('formatCount, formatPercent, progressBar, slackDate', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it.each([
    [42.5, '42.5%'],
    [100, '100%'],
    [130, '100%'],
    [-3, '0%'],
  ])('shows %d as %s', (percent, expected) => {
    expect(formatPercent(percent)).toBe(expected);
  });

  it('draws a bar of 20 cells', () => {
    expect(progressBar(50)).toBe(`${'▓'.repeat(10)}${'░'.repeat(10)}`);
    expect(progressBar(150)).toBe('▓'.repeat(20));
  });

  it('lets Slack show dates in the reader time zone, with a UTC fallback', () => {
    expect(slackDate('2026-11-24T09:30:00.000Z')).toBe(
      '<!date^1795512600^{date_short_pretty} {time}|2026-11-24 09:30 UTC>',
    );
  });
});
