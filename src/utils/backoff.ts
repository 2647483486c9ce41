// Shared by the cable's reconnects, the REST client's GET retries and the session's contact retries.

/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter, uniform in
 * [0.5 s, min(30 s, max(1.5 s, 1 s * 2^attempt))]. The floor keeps a dead server from being
 * hammered. The jitter starts at the first retry and spreads it over a whole second, so clients
 * that lost the same server come back a tenth at a time in any 100 ms; later retries double.
 */
export const backoff = (attempt: number, random: () => number = Math.random): number =>
  500 + random() * (Math.min(3e4, Math.max(1500, 1e3 * 2 ** attempt)) - 500);
