/**
 * Slack asks receivers to refuse a request whose signed timestamp is more than five minutes from now, either way,
 * so that a captured request cannot be replayed later. Bolt's receivers check only the past.
 */
const WINDOW_SECONDS = 5 * 60;

function headerNamed(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

/** True when the request's `x-slack-request-timestamp` is a whole number of seconds within the window of `nowMs`. */
function isWithinSlackWindow(headers: Record<string, string | undefined> | undefined, nowMs: number): boolean {
  const stamp = headerNamed(headers, 'x-slack-request-timestamp');
  if (stamp === undefined || !/^\d{1,12}$/.test(stamp)) return false;
  return Math.abs(nowMs / 1000 - Number(stamp)) <= WINDOW_SECONDS;
}

export { headerNamed, isWithinSlackWindow };
