import type { NodeDisk } from '../model/allocation.js';

/**
 * A disk watermark as the engines accept it: a percentage of the disk used (`90%`), the same as a ratio (`0.9`),
 * or an absolute byte value that must stay free (`500mb`). A percentage counts used space, a byte value free
 * space: the meaning flips with the form.
 */
type Watermark = { usedRatio: number } | { freeBytes: number };

/** The engines' byte units are binary (1kb = 1024 bytes). */
const BYTE_UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  p: 1024 ** 5,
  pb: 1024 ** 5,
};

function parseWatermark(text: string): Watermark | undefined {
  const value = text.trim().toLowerCase();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  if (percent !== null) {
    const used = Number(percent[1]) / 100;
    return used <= 1 ? { usedRatio: used } : undefined;
  }
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    const ratio = Number(value);
    return ratio <= 1 ? { usedRatio: ratio } : undefined;
  }
  const sized = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(value);
  const unit = sized === null ? undefined : BYTE_UNITS[sized[2] as string];
  if (sized === null || unit === undefined) return undefined;
  return { freeBytes: Number(sized[1]) * unit };
}

/**
 * Bytes a node can take before it crosses `watermark` (none given: before its disk is full); never below zero.
 * Undefined when the watermark cannot be read.
 */
function roomUnderWatermark(node: NodeDisk, watermark: string | undefined): number | undefined {
  if (watermark === undefined) return node.availableBytes;
  const parsed = parseWatermark(watermark);
  if (parsed === undefined) return undefined;
  const mustStayFree = 'freeBytes' in parsed ? parsed.freeBytes : node.totalBytes * (1 - parsed.usedRatio);
  return Math.max(0, node.availableBytes - mustStayFree);
}

export type { Watermark };
export { parseWatermark, roomUnderWatermark };
