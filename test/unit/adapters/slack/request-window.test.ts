import { describe, expect, it } from 'vitest';
import { isWithinSlackWindow } from '../../../../src/adapters/slack/request-window.js';

const NOW_MS = Date.parse('2026-12-02T09:00:00Z');
const nowSeconds = NOW_MS / 1000;

describe('a Slack request timestamp', () => {
  it('is accepted up to five minutes either side of now, under any header case', () => {
    expect(isWithinSlackWindow({ 'x-slack-request-timestamp': String(nowSeconds - 300) }, NOW_MS)).toBe(true);
    expect(isWithinSlackWindow({ 'X-Slack-Request-Timestamp': String(nowSeconds + 300) }, NOW_MS)).toBe(true);
  });

  it('is refused further in the past or the future', () => {
    expect(isWithinSlackWindow({ 'x-slack-request-timestamp': String(nowSeconds - 301) }, NOW_MS)).toBe(false);
    expect(isWithinSlackWindow({ 'x-slack-request-timestamp': String(nowSeconds + 301) }, NOW_MS)).toBe(false);
    expect(isWithinSlackWindow({ 'x-slack-request-timestamp': String(nowSeconds + 365 * 86400) }, NOW_MS)).toBe(false);
  });

  it('is refused when absent or not a whole number of seconds', () => {
    expect(isWithinSlackWindow(undefined, NOW_MS)).toBe(false);
    expect(isWithinSlackWindow({}, NOW_MS)).toBe(false);
    for (const stamp of ['', '1.5e9', `${nowSeconds}.0`, '-1', ' 1796200000', 'now']) {
      expect(isWithinSlackWindow({ 'x-slack-request-timestamp': stamp }, NOW_MS)).toBe(false);
    }
  });
});
