import { describe, expect, it } from 'vitest';
import { parseWatermark, roomUnderWatermark } from '../../../../src/core/preflight/watermark.js';

const GB = 1024 ** 3;

describe('parseWatermark', () => {
  it.each([
    ['90%', { usedRatio: 0.9 }],
    ['87.5%', { usedRatio: 0.875 }],
    ['0.9', { usedRatio: 0.9 }],
    ['500mb', { freeBytes: 500 * 1024 ** 2 }],
    ['10GB', { freeBytes: 10 * GB }],
    ['1.5t', { freeBytes: 1.5 * 1024 ** 4 }],
    ['123b', { freeBytes: 123 }],
  ])('reads %s', (text, expected) => {
    expect(parseWatermark(text)).toEqual(expected);
  });

  it.each(['120%', '90', '10 parsecs', '10xb', ''])('cannot read %j', (text) => {
    expect(parseWatermark(text)).toBeUndefined();
  });
});

describe('roomUnderWatermark', () => {
  const node = { node: 'n1', shards: 0, usedBytes: 60 * GB, availableBytes: 40 * GB, totalBytes: 100 * GB };

  it('counts a percentage as used space: 90% of 100 GB leaves 10 GB that must stay free', () => {
    expect(roomUnderWatermark(node, '90%')).toBe(30 * GB);
  });

  it('counts a byte value as free space that must stay free', () => {
    expect(roomUnderWatermark(node, '35gb')).toBe(5 * GB);
  });

  it('never gives less than nothing', () => {
    expect(roomUnderWatermark(node, '100gb')).toBe(0);
  });

  it('is the free space when no watermark applies', () => {
    expect(roomUnderWatermark(node, undefined)).toBe(40 * GB);
  });

  it('is unknown when the watermark cannot be read', () => {
    expect(roomUnderWatermark(node, 'lots')).toBeUndefined();
  });
});
