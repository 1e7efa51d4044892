/** At most `limit` accepted calls in any `windowMs`: a short burst is allowed, a sustained rate is not. */
type RateLimitRule = {
  limit: number;
  windowMs: number;
  /** Count per channel, as chat.postMessage's ~1 message per second per channel. @default false (per method) */
  perChannel?: boolean;
};

/** Rules by Web API method name; a method without a rule is never limited. */
type RateLimits = Readonly<Record<string, RateLimitRule>>;

type RateLimiter = {
  /** Records the call when admitted and returns undefined; otherwise returns the `Retry-After` seconds to answer. */
  admit(method: string, channel: string | undefined): number | undefined;
};

/**
 * Slack's published limits for the methods the bot calls in loops (FACTS.md section C): chat.update is Tier 3
 * (50+ per minute), chat.postMessage about 1 per second per channel with short bursts. Tests that check rate handling
 * usually want tighter rules than these so they finish quickly.
 */
const SLACK_LIKE_RATE_LIMITS: RateLimits = {
  'chat.update': { limit: 50, windowMs: 60_000 },
  'chat.postMessage': { limit: 3, windowMs: 3000, perChannel: true },
};

function createRateLimiter(rules: RateLimits, now: () => number): RateLimiter {
  const accepted = new Map<string, number[]>();
  return {
    admit(method, channel) {
      const rule = rules[method];
      if (rule === undefined) return undefined;
      const key = rule.perChannel === true ? `${method} ${channel ?? ''}` : method;
      const at = now();
      const recent = (accepted.get(key) ?? []).filter((time) => time > at - rule.windowMs);
      if (recent.length >= rule.limit) {
        accepted.set(key, recent);
        const oldest = recent[0] ?? at;
        // Slack answers whole seconds; a client that waits 0 s would hammer the server.
        return Math.max(1, Math.ceil((oldest + rule.windowMs - at) / 1000));
      }
      recent.push(at);
      accepted.set(key, recent);
      return undefined;
    },
  };
}

export { createRateLimiter, type RateLimiter, type RateLimitRule, type RateLimits, SLACK_LIKE_RATE_LIMITS };
