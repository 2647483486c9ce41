// Shared by the cable's reconnects, the REST client's GET retries and the session's contact retries.

/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter, uniform in
 * [0.5 s, min(30 s, 1 s * 2^attempt)]. The floor keeps a dead server from being hammered; the
 * jitter starts at the first retry, so clients that lost the same server spread out at once.
 */
export const backoff = (attempt: number, random: () => number = Math.random): number =>
  500 + random() * (Math.min(3e4, 1e3 * 2 ** attempt) - 500);
